package io.jenkins.plugins.optimizeddeploy.cli.deploy;

import io.jenkins.plugins.optimizeddeploy.engine.deploy.HttpHealthCheck;
import io.jenkins.plugins.optimizeddeploy.engine.errors.BadInputException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The HTTP part of the health gate of {@code deploy} and {@code rollback}; the platform's own health always counts. */
final class HealthGateOptions {
    @Option(names = "--health-url", paramLabel = "[NAME=]URL [OPTION=VALUE...]",
            description = "Also require GET URL to pass for service NAME (NAME= may be left out with one --service);"
                    + " repeat per service. Options after the URL set this service's check apart from the --health-*"
                    + " flags: status=N, successes=N, interval=SECONDS, body=REGEX (last: the rest is its pattern).")
    List<String> healthUrls = new ArrayList<>();

    @Option(names = "--health-status", paramLabel = "CODE", defaultValue = "200",
            description = "The HTTP status a health URL must answer (default: ${DEFAULT-VALUE}).")
    int status;

    @Option(names = "--health-body", paramLabel = "REGEX", description = "A pattern the health URL's body must contain.")
    String body;

    @Option(names = "--health-successes", paramLabel = "N", defaultValue = "3",
            description = "Passes in a row a health URL needs (default: ${DEFAULT-VALUE}).")
    int successes;

    @Option(names = "--health-interval", paramLabel = "DURATION", defaultValue = "1s", converter = DurationConverter.class,
            description = "Time between two requests to a health URL (default: ${DEFAULT-VALUE}).")
    Duration interval;

    /** The HTTP check of each service that has one. */
    Map<String, HttpHealthCheck> checks(List<String> services, CommandSpec spec) {
        Map<String, HttpHealthCheck> checks = new HashMap<>();
        for (String given : healthUrls) {
            int equals = given.indexOf('=');
            boolean named = equals > 0 && !given.substring(0, equals).contains(":");
            if (!named && services.size() != 1) {
                throw new ParameterException(spec.commandLine(), "--health-url " + given
                        + ": name the service (NAME=URL) when there is more than one --service");
            }
            String service = named ? given.substring(0, equals) : services.get(0);
            if (!services.contains(service)) {
                throw new ParameterException(spec.commandLine(), "--health-url " + given + ": " + service
                        + " is not one of the services " + services);
            }
            checks.put(service, check(given, named ? given.substring(equals + 1) : given, spec));
        }
        return checks;
    }

    private HttpHealthCheck check(String given, String url, CommandSpec spec) {
        try {
            String[] urlAndOptions = url.strip().split("\\s+", 2);
            HttpHealthCheck flags = HttpHealthCheck.of(new URI(urlAndOptions[0])).withExpectedStatus(status)
                    .withSuccesses(successes).withInterval(interval);
            HttpHealthCheck check = Optional.ofNullable(body).map(pattern -> flags.withBodyPattern(Pattern.compile(pattern)))
                    .orElse(flags);
            return urlAndOptions.length == 1 ? check : check.withOptions(urlAndOptions[1]);
        } catch (URISyntaxException | PatternSyntaxException | BadInputException e) {
            throw new ParameterException(spec.commandLine(), "--health-url " + given + ": " + e.getMessage(), e);
        }
    }
}
