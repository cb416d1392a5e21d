/**
 * Checks of a built image, read from its registry without pulling a layer: what each platform runs with (user,
 * health check, environment, labels, ports) and how it was made (its history), reported as lint findings so the
 * linter's output formats and failure thresholds apply.
 */
package io.jenkins.plugins.optimizeddeploy.engine.verify;
