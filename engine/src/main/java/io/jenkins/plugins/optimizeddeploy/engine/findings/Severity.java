package io.jenkins.plugins.optimizeddeploy.engine.findings;

import io.jenkins.plugins.optimizeddeploy.engine.errors.BadInputException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** How serious a finding is, from the most serious down; the names are hadolint's. */
public enum Severity {
    ERROR,
    WARNING,
    INFO,
    STYLE;

    /** The lower-case name used in configuration files, command lines and reports. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** How many of each severity {@code severities} holds, every severity present (0 when none), most serious first. */
    public static Map<Severity, Integer> counts(Stream<Severity> severities) {
        Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
        for (Severity severity : values()) {
            counts.put(severity, 0);
        }
        severities.forEach(severity -> counts.merge(severity, 1, Integer::sum));
        return counts;
    }

    /** True when this severity is as serious as {@code threshold} or more. */
    public boolean reaches(Severity threshold) {
        return ordinal() <= threshold.ordinal();
    }

    /**
     * The severity named {@code error}, {@code warning}, {@code info} or {@code style} (any case).
     *
     * @throws BadInputException naming the value and the accepted ones
     */
    public static Severity parse(String name) {
        for (Severity severity : values()) {
            if (severity.label().equalsIgnoreCase(name.trim())) {
                return severity;
            }
        }
        throw new BadInputException("Unknown severity '" + name + "': expected one of "
                + Arrays.stream(values()).map(Severity::label).collect(Collectors.joining(", ")));
    }
}
