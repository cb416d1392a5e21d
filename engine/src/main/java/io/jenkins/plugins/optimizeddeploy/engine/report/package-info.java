/**
 * One renderer of a {@link io.jenkins.plugins.optimizeddeploy.engine.report.Report} for every place it is shown:
 * HTML fragments for the Jenkins build page and a self-contained HTML file
 * ({@link io.jenkins.plugins.optimizeddeploy.engine.report.HtmlReport}, styled by {@code report.css} through the
 * Jenkins theme's CSS variables), the job trend as server-side SVG
 * ({@link io.jenkins.plugins.optimizeddeploy.engine.report.TrendChart}), Markdown for a GitHub job summary
 * ({@link io.jenkins.plugins.optimizeddeploy.engine.report.MarkdownReport}) and JSON (the report itself, through
 * {@link io.jenkins.plugins.optimizeddeploy.engine.metrics.MetricsJson#writeValue}). No output holds a script, an
 * event handler or a style attribute; every user text is escaped for where it goes.
 */
package io.jenkins.plugins.optimizeddeploy.engine.report;
