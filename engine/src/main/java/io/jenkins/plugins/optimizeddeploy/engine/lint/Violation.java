package io.jenkins.plugins.optimizeddeploy.engine.lint;

import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Instruction;
import io.jenkins.plugins.optimizeddeploy.engine.findings.Finding;
import java.util.Objects;

/**
 * What a rule found: the instruction at fault and, when the rule's message alone does not say it, a detail such as
 * the offending package ({@code curl}). The linter turns violations into {@link Finding}s.
 *
 * @param instruction where the problem is; its span gives the finding's line and column
 * @param detail what exactly is wrong, "" when the rule's message says it all
 */
public record Violation(Instruction instruction, String detail) {

    public Violation {
        Objects.requireNonNull(instruction, "instruction");
        Objects.requireNonNull(detail, "detail");
    }

    /** A violation that the rule's message describes fully. */
    public static Violation at(Instruction instruction) {
        return new Violation(instruction, "");
    }
}
