package io.jenkins.plugins.optimizeddeploy.engine.metrics;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** A phase of a pipeline whose wall time a run records, in the order a pipeline runs them. */
public enum Phase {
    HARDEN,
    BUILD,
    VERIFY,
    RETAG,
    DEPLOY,
    ROLLBACK;

    /** The lower-case name used in records and reports. */
    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The phase named {@code harden}, {@code build}... (any case).
     *
     * @throws IllegalArgumentException naming the value and the accepted ones
     */
    @JsonCreator
    public static Phase parse(String label) {
        return Arrays.stream(values()).filter(phase -> phase.label().equalsIgnoreCase(label.trim())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown phase '" + label + "': expected one of "
                        + Arrays.stream(values()).map(Phase::label).collect(Collectors.joining(", "))));
    }
}
