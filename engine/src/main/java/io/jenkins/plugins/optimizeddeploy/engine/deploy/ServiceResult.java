package io.jenkins.plugins.optimizeddeploy.engine.deploy;

import io.jenkins.plugins.optimizeddeploy.engine.image.ImageReference;
import java.util.Objects;

/**
 * How one service of a release ended: what ran before ({@code from}, null when the service did not exist), the image
 * it was to run ({@code to}), the outcome, how long until it was healthy (null when it never was), why it was not
 * (null when it was) and what runs at the end ({@link Running}: an image, nothing, or unknown when the platform could
 * not say). {@link ReleaseResultFields} gives it as text.
 */
public record ServiceResult(String service, ImageReference from, ImageReference to, Outcome outcome,
        Long timeToHealthyMillis, String reason, Running running) {
    public ServiceResult {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(to, "image of " + service);
        Objects.requireNonNull(outcome, "outcome of " + service);
        Objects.requireNonNull(running, "what " + service + " runs");
    }
}
