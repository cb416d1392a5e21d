package io.jenkins.plugins.optimizeddeploy.steps.deploy;

import io.jenkins.plugins.optimizeddeploy.action.StepSummary;
import io.jenkins.plugins.optimizeddeploy.engine.deploy.Action;
import io.jenkins.plugins.optimizeddeploy.engine.deploy.ReleaseResult;
import io.jenkins.plugins.optimizeddeploy.engine.deploy.ReleaseResultFields;
import io.jenkins.plugins.optimizeddeploy.engine.deploy.ServiceResult;
import io.jenkins.plugins.optimizeddeploy.engine.metrics.MetricsJson;
import io.jenkins.plugins.optimizeddeploy.engine.metrics.MetricsParts;
import io.jenkins.plugins.optimizeddeploy.engine.text.TerminalText;
import io.jenkins.plugins.optimizeddeploy.steps.StepOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code deployImages} and {@code rollbackDeploy} return to the Pipeline script, log and record, in plain maps,
 * lists, strings and numbers: {@code [services: [[service:, from:, to:, outcome:, timeToHealthyMillis:, reason:,
 * running:]...], rolledBack: bool, failure:]}, the fields the command line's JSON has, and the line the step fails
 * with (null when every service is healthy) for a script that calls it with {@code propagate: false}.
 */
final class ReleaseResultMap {

    private ReleaseResultMap() {
    }

    /**
     * The value, the release's summary as log lines, one record per service and, unless every service is healthy,
     * the one line the step fails with: the failed services and why, and whether everything was put back.
     */
    static StepOutcome<Map<String, Object>> outcome(String functionName, Action action, ReleaseResult result,
            long wallMillis) {
        List<String> log = result.summary().stream().map(line -> functionName + ": " + line).toList();
        return new StepOutcome<>(ReleaseResultFields.of(result), log, records(functionName, result),
                MetricsJson.write(MetricsParts.release(action, result, wallMillis)),
                failure(result).map(line -> functionName + ": " + line).orElse(null));
    }

    /** Per service: its outcome and image, and the time to healthy when it was. */
    static List<StepSummary> records(String functionName, ReleaseResult result) {
        List<StepSummary> records = new ArrayList<>();
        for (ServiceResult service : result.services()) {
            Map<String, Long> figures = service.timeToHealthyMillis() == null ? Map.of()
                    : Map.of("timeToHealthyMillis", service.timeToHealthyMillis());
            records.add(new StepSummary(functionName, service.service(),
                    service.outcome().name().toLowerCase(Locale.ROOT).replace('_', ' ') + " " + service.to(), figures));
        }
        return records;
    }

    /** The platform's words in the reasons escaped: they cannot drive a terminal. */
    private static Optional<String> failure(ReleaseResult result) {
        return result.failure().map(TerminalText::escape);
    }
}
