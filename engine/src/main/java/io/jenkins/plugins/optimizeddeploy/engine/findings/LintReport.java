package io.jenkins.plugins.optimizeddeploy.engine.findings;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The result of linting one or more Dockerfiles, or of checking built images.
 *
 * @param rules the rules or image checks that ran (the output formats describe them, SARIF in particular)
 * @param findings every finding, file by file in the order linted, each file's in source order
 * @param failureThreshold what fails the run
 */
public record LintReport(List<? extends RuleDescription> rules, List<Finding> findings, FailureThreshold failureThreshold) {

    public LintReport {
        rules = List.copyOf(rules);
        findings = List.copyOf(findings);
        Objects.requireNonNull(failureThreshold, "failureThreshold");
    }

    /** True when a finding reaches the failure threshold. */
    public boolean failed() {
        return findings.stream().anyMatch(finding -> failureThreshold.failsOn(finding.severity()));
    }

    /** How many findings there are of each severity, every severity present (0 when none). */
    public Map<Severity, Integer> countsBySeverity() {
        return Severity.counts(findings.stream().map(Finding::severity));
    }
}
