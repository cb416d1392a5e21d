package io.jenkins.plugins.optimizeddeploy.engine.lint;

import io.jenkins.plugins.optimizeddeploy.engine.findings.RuleDescription;
import java.util.List;

/**
 * One Dockerfile check. A rule is pure: it reads the parsed Dockerfile and returns what it found; ignores, severity
 * overrides and failure thresholds are applied by the {@link Linter}, never inside a rule.
 */
public interface Rule extends RuleDescription {

    /**
     * False for a rule that runs only once the configuration gives it a severity (as hadolint's rules with the
     * severity {@code ignore}, such as DL3057).
     */
    default boolean enabledByDefault() {
        return true;
    }

    /**
     * The violations in the Dockerfile, in source order. What the analysis derives (such as the commands of each RUN)
     * is shared with the other rules, so a rule asks it instead of deriving it again.
     */
    List<Violation> check(AnalyzedDockerfile analyzed);
}
