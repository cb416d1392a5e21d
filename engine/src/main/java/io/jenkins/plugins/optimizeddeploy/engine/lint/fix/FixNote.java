package io.jenkins.plugins.optimizeddeploy.engine.lint.fix;

import java.io.Serializable;
import java.util.Objects;

/**
 * What the fixer did, or why it left a finding, for one rule at one place.
 *
 * @param rule the rule id ({@code OD1001})
 * @param line 1-based line of the instruction in the text the fix was planned on
 * @param text what was changed, or why nothing was, with advice
 */
public record FixNote(String rule, int line, String text) implements Serializable {

    public FixNote {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(text, "text");
    }
}
