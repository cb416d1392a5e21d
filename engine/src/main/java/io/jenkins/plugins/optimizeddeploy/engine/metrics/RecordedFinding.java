package io.jenkins.plugins.optimizeddeploy.engine.metrics;

import io.jenkins.plugins.optimizeddeploy.engine.findings.Severity;
import java.util.Objects;

/**
 * A finding as a run records it.
 *
 * @param phase    the phase that found it: {@link Phase#HARDEN} (a Dockerfile) or {@link Phase#VERIFY} (an image)
 * @param rule     the rule or check id
 * @param severity its severity
 * @param message  the message
 * @param location where: {@code Dockerfile:12}, or the image and platform and the history entry
 * @param excerpt  the Dockerfile line or the image's history entry, secrets redacted
 */
public record RecordedFinding(Phase phase, String rule, Severity severity, String message, String location,
        String excerpt) {
    public RecordedFinding {
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(severity, "severity of " + rule);
        message = Objects.requireNonNullElse(message, "");
        location = Objects.requireNonNullElse(location, "");
        excerpt = Objects.requireNonNullElse(excerpt, "");
    }
}
