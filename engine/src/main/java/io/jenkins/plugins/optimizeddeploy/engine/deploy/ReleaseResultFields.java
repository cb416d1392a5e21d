package io.jenkins.plugins.optimizeddeploy.engine.deploy;

import io.jenkins.plugins.optimizeddeploy.engine.text.TerminalText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A release's result as plain ordered maps, lists, strings, numbers and nulls: the one shape the command line's JSON
 * and the deploy steps' returned value share, so a field has one name in both.
 */
public final class ReleaseResultFields {

    private ReleaseResultFields() {
    }

    /**
     * {@code services}: per service {@code service}, {@code from} (null when it was new), {@code to}, {@code outcome},
     * {@code timeToHealthyMillis} (null when it never was healthy), {@code reason} (null when it was) and
     * {@code running} (the image, {@code unknown (why)} when the platform could not say, null when nothing runs);
     * {@code rolledBack}; and {@code failure}, the line the release failed with (null when every service is healthy),
     * the platform's words in it escaped so they cannot drive a terminal.
     */
    public static Map<String, Object> of(ReleaseResult result) {
        List<Map<String, Object>> services = new ArrayList<>();
        for (ServiceResult service : result.services()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("service", service.service());
            entry.put("from", service.from() == null ? null : service.from().toString());
            entry.put("to", service.to().toString());
            entry.put("outcome", service.outcome().name());
            entry.put("timeToHealthyMillis", service.timeToHealthyMillis());
            entry.put("reason", service.reason());
            entry.put("running", service.running() instanceof Running.Nothing ? null : service.running().toString());
            services.add(entry);
        }
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("services", services);
        value.put("rolledBack", result.rolledBack());
        value.put("failure", result.failure().map(TerminalText::escape).orElse(null));
        return value;
    }
}
