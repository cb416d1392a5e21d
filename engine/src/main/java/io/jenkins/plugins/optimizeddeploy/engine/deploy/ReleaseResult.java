package io.jenkins.plugins.optimizeddeploy.engine.deploy;

import java.util.ArrayList;
import java.util.List;

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
            line.append(" (runs ").append(service.running() == null ? "nothing" : service.running()).append(')');
            lines.add(line.toString());
        }
        lines.add(healthy() ? "all " + services.size() + " service(s) healthy"
                : rolledBack ? "release rolled back" + (broken() ? ", not completely: see above" : "")
                        : "release failed");
        return lines;
    }
}
