/**
 * Lint reports as text for people, JSON, SARIF 2.1.0 and checkstyle XML
 * ({@link io.jenkins.plugins.optimizeddeploy.engine.lint.report.LintOutputFormat}).
 */
package io.jenkins.plugins.optimizeddeploy.engine.lint.report;
