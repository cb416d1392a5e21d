package io.jenkins.plugins.optimizeddeploy.engine.lint;

import io.jenkins.plugins.optimizeddeploy.engine.findings.RuleDescription;
import java.util.List;
import java.util.Set;

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
     * The programs this rule is about: it finds nothing in a Dockerfile none of whose RUNs runs one of them, so the
     * {@link Linter} does not ask it there. Empty (the default) for a rule that may find something anywhere.
     */
    default Set<String> programs() {
        return Set.of();
    }

    /**
     * The violations in the Dockerfile, in source order. What the analysis derives (such as the commands of each RUN)
     * is shared with the other rules, so a rule asks it instead of deriving it again.
     */
    List<Violation> check(AnalyzedDockerfile analyzed);
}
