/**
 * The Dockerfile rules, one class each, and {@link io.jenkins.plugins.optimizeddeploy.engine.lint.rules.RuleRegistry},
 * which lists them; {@link io.jenkins.plugins.optimizeddeploy.engine.lint.rules.RulesDocument} generates
 * docs/RULES.md from it.
 */
package io.jenkins.plugins.optimizeddeploy.engine.lint.rules;
