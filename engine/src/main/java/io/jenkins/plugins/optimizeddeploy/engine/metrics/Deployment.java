package io.jenkins.plugins.optimizeddeploy.engine.metrics;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.jenkins.plugins.optimizeddeploy.engine.image.ImageReference;
import java.util.Objects;

/**
 * One deploy of a service, or the rollback that followed an unhealthy one. The record writes an unknown image as
 * {@code ""}, as records did when it was text.
 *
 * @param service             the service deployed
 * @param to                  the image by digest it went to (or was rolled back to), null when not known; records
 *                            written before this name was the one of every release result call it {@code digest}
 * @param rollback            whether this was a rollback
 * @param healthy             whether the service became healthy
 * @param timeToHealthyMillis from the start of the update until healthy; the time waited when it did not
 * @param message             why it failed or rolled back, empty when it did not
 */
public record Deployment(String service,
        @JsonAlias("digest") @JsonSerialize(nullsUsing = UnknownAsEmptyText.Writer.class)
        @JsonDeserialize(converter = UnknownAsEmptyText.Reference.class) ImageReference to,
        boolean rollback, boolean healthy, long timeToHealthyMillis, String message) {
    public Deployment {
        Objects.requireNonNull(service, "service");
        if (timeToHealthyMillis < 0) {
            throw new IllegalArgumentException("Time to healthy of " + service + " must not be negative, was "
                    + timeToHealthyMillis + " ms");
        }
        message = Objects.requireNonNullElse(message, "");
    }
}
