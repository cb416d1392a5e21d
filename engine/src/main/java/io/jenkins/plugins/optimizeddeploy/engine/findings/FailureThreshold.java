package io.jenkins.plugins.optimizeddeploy.engine.findings;

import io.jenkins.plugins.optimizeddeploy.engine.errors.BadInputException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The least serious severity that fails a run ({@code none}: nothing fails it). */
public enum FailureThreshold {
    ERROR(Severity.ERROR),
    WARNING(Severity.WARNING),
    INFO(Severity.INFO),
    STYLE(Severity.STYLE),
    NONE(null);

    private final Severity severity;

    FailureThreshold(Severity severity) {
        this.severity = severity;
    }

    /** The lower-case name used in configuration files and on command lines. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True when a finding of this severity fails the run. */
    public boolean failsOn(Severity findingSeverity) {
        return severity != null && findingSeverity.reaches(severity);
    }

    /**
     * The threshold named {@code error}, {@code warning}, {@code info}, {@code style} or {@code none} (any case).
     *
     * @throws BadInputException naming the value and the accepted ones
     */
    public static FailureThreshold parse(String name) {
        for (FailureThreshold threshold : values()) {
            if (threshold.label().equalsIgnoreCase(name.trim())) {
                return threshold;
            }
        }
        throw new BadInputException("Unknown failure threshold '" + name + "': expected one of "
                + Arrays.stream(values()).map(FailureThreshold::label).collect(Collectors.joining(", ")));
    }
}
