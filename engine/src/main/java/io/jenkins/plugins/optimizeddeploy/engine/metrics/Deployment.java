package io.jenkins.plugins.optimizeddeploy.engine.metrics;

import java.util.Objects;

/**
 * One deploy of a service, or the rollback that followed an unhealthy one.
 *
 * @param service             the service deployed
 * @param digest              the image digest deployed (or rolled back to)
 * @param rollback            whether this was a rollback
 * @param healthy             whether the service became healthy
 * @param timeToHealthyMillis from the start of the update until healthy; the time waited when it did not
 * @param message             why it failed or rolled back, empty when it did not
 */
public record Deployment(String service, String digest, boolean rollback, boolean healthy, long timeToHealthyMillis,
        String message) {
    public Deployment {
        Objects.requireNonNull(service, "service");
        digest = Objects.requireNonNullElse(digest, "");
        if (timeToHealthyMillis < 0) {
            throw new IllegalArgumentException("Time to healthy of " + service + " must not be negative, was "
                    + timeToHealthyMillis + " ms");
        }
        message = Objects.requireNonNullElse(message, "");
    }
}
