package io.jenkins.plugins.optimizeddeploy.engine.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Every service of a release with its outcome, and whether the release was rolled back as a whole. */
public record ReleaseResult(List<ServiceResult> services, boolean rolledBack) {
    public ReleaseResult {
        services = List.copyOf(services);
    }

    /** Every service runs its new image and passed its gate. */
    public boolean healthy() {
        return services.stream().allMatch(service -> service.outcome() == Outcome.HEALTHY);
    }

    /** A service could not be deployed or could not be put back: more than a failed gate. */
    public boolean broken() {
        return services.stream().anyMatch(service -> service.outcome() == Outcome.FAILED
                || service.outcome() == Outcome.ROLLBACK_FAILED);
    }

    /**
     * Unless every service is healthy, the one line a release fails with: the failed services and why, and whether
     * everything was put back (else what each service runs now). The platform's words in the reasons are as it said
     * them: a terminal or a build log needs them escaped.
     */
    public Optional<String> failure() {
        if (healthy()) {
            return Optional.empty();
        }
        String failed = services.stream().filter(service -> service.reason() != null)
                .map(service -> service.service() + " " + service.outcome().name().toLowerCase(Locale.ROOT)
                        .replace('_', ' ') + ": " + service.reason())
                .collect(Collectors.joining("; "));
        if (services.stream().anyMatch(service -> service.outcome() == Outcome.ROLLBACK_FAILED)) {
            String running = services.stream().map(service -> service.service() + " runs " + service.running())
                    .collect(Collectors.joining(", "));
            return Optional.of("could not put everything back: " + failed + " (" + running + ")");
        }
        return Optional.of(failed + (rolledBack ? "; every service was put back" : ""));
    }

    /** One line per service, then one for the release, for logs and terminals. */
    public List<String> summary() {
        List<String> lines = new ArrayList<>();
        for (ServiceResult service : services) {
            StringBuilder line = new StringBuilder(service.service()).append(": ").append(service.outcome())
                    .append(' ').append(service.to());
            if (service.timeToHealthyMillis() != null) {
                line.append(", healthy after ").append(service.timeToHealthyMillis()).append(" ms");
            }
            if (service.reason() != null) {
                line.append(": ").append(service.reason());
            }
            line.append(" (runs ").append(service.running()).append(')');
            lines.add(line.toString());
        }
        lines.add(healthy() ? "all " + services.size() + " service(s) healthy"
                : rolledBack ? "release rolled back" + (broken() ? ", not completely: see above" : "")
                        : "release failed");
        return lines;
    }
}
