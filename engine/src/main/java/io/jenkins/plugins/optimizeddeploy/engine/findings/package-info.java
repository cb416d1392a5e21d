/**
 * Findings shared by the Dockerfile linter ({@code lint}) and the image checks ({@code verify}):
 * {@link io.jenkins.plugins.optimizeddeploy.engine.findings.Finding}s with a
 * {@link io.jenkins.plugins.optimizeddeploy.engine.findings.Severity}, the
 * {@link io.jenkins.plugins.optimizeddeploy.engine.findings.FailureThreshold} that turns them into a verdict, the
 * {@link io.jenkins.plugins.optimizeddeploy.engine.findings.LintReport} that holds them, secret names and values
 * ({@link io.jenkins.plugins.optimizeddeploy.engine.findings.Secrets}), and the report formats: text for people, JSON,
 * SARIF 2.1.0 and checkstyle XML ({@link io.jenkins.plugins.optimizeddeploy.engine.findings.LintOutputFormat}).
 * Nothing here depends on {@code lint} or {@code verify}.
 */
package io.jenkins.plugins.optimizeddeploy.engine.findings;
