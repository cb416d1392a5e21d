package io.jenkins.plugins.optimizeddeploy.engine.findings;

import java.io.Serializable;
import java.util.Objects;

/**
 * One reported problem, as every output format prints it.
 *
 * @param rule the rule id ({@code DL3008})
 * @param severity after configuration overrides
 * @param message the rule's message, with the violation's detail when it has one
 * @param file the Dockerfile as it was given (a path, or {@code Dockerfile})
 * @param line 1-based line where the instruction starts
 * @param column 1-based column where the instruction starts
 * @param excerpt the instruction's first source line, for people reading the report
 */
public record Finding(String rule, Severity severity, String message, String file, int line, int column,
        String excerpt) implements Serializable {

    public Finding {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(excerpt, "excerpt");
    }
}
