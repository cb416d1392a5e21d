package io.jenkins.plugins.optimizeddeploy.engine.deploy;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.fasterxml.jackson.databind.util.StdConverter;
import io.jenkins.plugins.optimizeddeploy.engine.image.ImageReference;
import java.time.Instant;
import java.util.Objects;

/**
 * One line of the deploy history: on which target which service went from which image to which, when it started,
 * after how long it was healthy (null when it never was), how it ended, why not (null when healthy), who ran it
 * (a user or a build) and whether it was a deploy or a rollback. {@code from} is null when the service was new.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeployRecord(String target, String service, Action action, ImageReference from, ImageReference to,
        @JsonSerialize(using = ToStringSerializer.class) @JsonDeserialize(converter = InstantText.class) Instant started,
        Long healthyAfterMillis, Outcome outcome, String reason, String by) {
    public DeployRecord {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(started, "started");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(by, "by");
    }

    /** A record of {@code service} on {@code target}; every other part is named on the builder. */
    public static Builder builder(String target, String service, Action action) {
        return new Builder(target, service, action);
    }

    /** Names each part of a record as it is set: unset parts are null. */
    public static final class Builder {
        private final String target;
        private final String service;
        private final Action action;
        private ImageReference from;
        private ImageReference to;
        private Instant started;
        private Long healthyAfterMillis;
        private Outcome outcome;
        private String reason;
        private String by;

        private Builder(String target, String service, Action action) {
            this.target = target;
            this.service = service;
            this.action = action;
        }

        /** @param from the image before, null when the service was new */
        public Builder images(ImageReference from, ImageReference to) {
            this.from = from;
            this.to = to;
            return this;
        }

        /**
         * @param healthyAfterMillis null when it never was healthy
         * @param reason why it is not healthy, null when it is
         */
        public Builder ended(Instant started, Long healthyAfterMillis, Outcome outcome, String reason) {
            this.started = started;
            this.healthyAfterMillis = healthyAfterMillis;
            this.outcome = outcome;
            this.reason = reason;
            return this;
        }

        /** @param by a user or a build */
        public Builder by(String by) {
            this.by = by;
            return this;
        }

        public DeployRecord build() {
            return new DeployRecord(target, service, action, from, to, started, healthyAfterMillis, outcome, reason,
                    by);
        }
    }

    /** ISO-8601 text back to an instant (the engine does without the jsr310 module). */
    static final class InstantText extends StdConverter<String, Instant> {
        @Override
        public Instant convert(String text) {
            return Instant.parse(text);
        }
    }
}
