/**
 * What a build cost, as one versioned JSON record per build
 * ({@link io.jenkins.plugins.optimizeddeploy.engine.metrics.RunMetrics}, read and written by
 * {@link io.jenkins.plugins.optimizeddeploy.engine.metrics.MetricsJson}): each phase adds its part, made from the
 * engine's own result by {@link io.jenkins.plugins.optimizeddeploy.engine.metrics.MetricsParts}.
 * {@link io.jenkins.plugins.optimizeddeploy.engine.metrics.Comparison} sets a record against an earlier one and
 * {@link io.jenkins.plugins.optimizeddeploy.engine.metrics.Savings} the recent builds against a baseline. Knows no
 * output format: the {@code report} package renders these.
 */
package io.jenkins.plugins.optimizeddeploy.engine.metrics;
