package io.jenkins.plugins.optimizeddeploy.steps;

import io.jenkins.plugins.optimizeddeploy.engine.deploy.HttpHealthCheck;
import io.jenkins.plugins.optimizeddeploy.engine.errors.BadInputException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One service's entry of the deploy steps' {@code health:} argument: a URL ({@code web: 'http://...'}), or a map of
 * the URL and the check's options ({@code web: [url: 'http://...', status: 200, body: 'ok', successes: 3,
 * interval: 1]}). Both are kept as one text, {@code URL [status=N] [successes=N] [interval=SECONDS] [body=REGEX]}
 * (the body pattern last, as it may hold spaces), which is also what the form takes after {@code NAME=} and what
 * the snippet generator writes back.
 */
final class HealthCheckArgument {

    private static final List<String> OPTIONS = List.of("status", "successes", "interval", "body");

    private HealthCheckArgument() {
    }

    /** The {@code health:} argument with each map entry written as its text; anything else as it was given. */
    static Object texts(Object health) {
        if (!(health instanceof Map<?, ?> map)) {
            return health;
        }
        Map<String, String> texts = new LinkedHashMap<>();
        map.forEach((service, check) -> texts.put(String.valueOf(service), check instanceof Map<?, ?> options
                ? text(String.valueOf(service), options) : String.valueOf(check)));
        return texts;
    }

    private static String text(String service, Map<?, ?> options) {
        Object url = options.get("url");
        if (url == null) {
            throw new BadInputException("'health' of " + service + " has no url");
        }
        StringBuilder text = new StringBuilder(url.toString().strip());
        for (Object key : options.keySet()) {
            if (!key.equals("url") && !OPTIONS.contains(String.valueOf(key))) {
                throw new BadInputException("'health' of " + service + " has an unknown key '" + key
                        + "'; it takes url, " + String.join(", ", OPTIONS));
            }
        }
        OPTIONS.stream().filter(options::containsKey)
                .forEach(option -> text.append(' ').append(option).append('=').append(options.get(option)));
        return text.toString();
    }

    /**
     * The check a text describes ({@link HttpHealthCheck#parse}).
     *
     * @throws BadInputException in one line naming the service and what is wrong
     */
    static HttpHealthCheck check(String service, String text) {
        try {
            return HttpHealthCheck.parse(text);
        } catch (BadInputException e) {
            throw new BadInputException("'health' of " + service + ": " + e.getMessage(), e);
        }
    }
}
