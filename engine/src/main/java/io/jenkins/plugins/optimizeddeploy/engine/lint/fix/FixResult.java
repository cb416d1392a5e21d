package io.jenkins.plugins.optimizeddeploy.engine.lint.fix;

import io.jenkins.plugins.optimizeddeploy.engine.findings.Finding;
import java.util.List;

/**
 * A fixed Dockerfile.
 *
 * @param text the fixed text (the original when nothing had a safe fix)
 * @param fixed what was changed, in order
 * @param left the findings of fixable rules that were left, with the reason and advice
 * @param remaining the findings in the fixed text
 */
public record FixResult(String text, List<FixNote> fixed, List<FixNote> left, List<Finding> remaining) {

    public FixResult {
        fixed = List.copyOf(fixed);
        left = List.copyOf(left);
        remaining = List.copyOf(remaining);
    }

    /** True when the fixed text differs from the original. */
    public boolean changed() {
        return !fixed.isEmpty();
    }
}
