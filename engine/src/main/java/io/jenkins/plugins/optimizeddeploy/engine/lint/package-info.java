/**
 * Dockerfile linting: {@link io.jenkins.plugins.optimizeddeploy.engine.lint.Rule}s find
 * {@link io.jenkins.plugins.optimizeddeploy.engine.lint.Violation}s in a parsed Dockerfile; the
 * {@link io.jenkins.plugins.optimizeddeploy.engine.lint.Linter} applies, the same way for every rule, the
 * {@link io.jenkins.plugins.optimizeddeploy.engine.lint.LintConfiguration} (a {@code .hadolint.yaml} read by
 * {@link io.jenkins.plugins.optimizeddeploy.engine.lint.LintConfigurationFile}) and {@code # hadolint ignore=}
 * pragmas, and turns violations into {@link io.jenkins.plugins.optimizeddeploy.engine.findings.Finding}s with severities
 * and a failure verdict. {@link io.jenkins.plugins.optimizeddeploy.engine.lint.ShellScript} splits RUN scripts into
 * commands for the rules, once per RUN: the linter hands every rule the same
 * {@link io.jenkins.plugins.optimizeddeploy.engine.lint.AnalyzedDockerfile}. The rules themselves and their registry
 * are in {@code lint.rules}, the fixer in {@code lint.fix}; neither is used from here, so there are no cycles. Findings,
 * severities, thresholds and the report formats are in {@code findings}, shared with {@code verify}.
 */
package io.jenkins.plugins.optimizeddeploy.engine.lint;
