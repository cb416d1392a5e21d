/**
 * Fixing Dockerfiles: {@link io.jenkins.plugins.optimizeddeploy.engine.lint.fix.DockerfileFixer} lints a Dockerfile
 * and, for the findings that have a safe fix, plans minimal
 * {@link io.jenkins.plugins.optimizeddeploy.engine.lint.fix.TextEdit}s on the original text (every other character
 * kept), in rounds until nothing changes. It uses {@code lint} and {@code lint.rules}; neither uses it.
 */
package io.jenkins.plugins.optimizeddeploy.engine.lint.fix;
