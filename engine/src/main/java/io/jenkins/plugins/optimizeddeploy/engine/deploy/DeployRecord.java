package io.jenkins.plugins.optimizeddeploy.engine.deploy;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.fasterxml.jackson.databind.util.StdConverter;
import java.time.Instant;
import java.util.Objects;

/**
 * One line of the deploy history: on which target which service went from which image to which, when it started,
 * after how long it was healthy (null when it never was), how it ended, why not (null when healthy), who ran it
 * (a user or a build) and whether it was a deploy or a rollback. {@code from} is null when the service was new.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeployRecord(String target, String service, Action action, String from, String to,
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

    /** ISO-8601 text back to an instant (the engine does without the jsr310 module). */
    static final class InstantText extends StdConverter<String, Instant> {
        @Override
        public Instant convert(String text) {
            return Instant.parse(text);
        }
    }
}
