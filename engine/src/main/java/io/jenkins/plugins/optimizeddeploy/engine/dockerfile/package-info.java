/**
 * Dockerfiles read exactly as BuildKit's frontend reads them.
 *
 * <p>{@link io.jenkins.plugins.optimizeddeploy.engine.dockerfile.DockerfileParser} turns text into an immutable
 * {@link io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Dockerfile}: parser directives, stages and every
 * {@link io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Instruction} with its flags, arguments, key/value
 * pairs, heredocs and exact {@link io.jenkins.plugins.optimizeddeploy.engine.dockerfile.SourceSpan}. Input Docker
 * refuses is refused with a {@link io.jenkins.plugins.optimizeddeploy.engine.dockerfile.DockerfileParseException}
 * naming the line; nothing else escapes the parser. The parser works in two passes like BuildKit: a line scanner
 * ({@code InstructionScanner}: directives, continuations, exec versus shell form, heredocs) and the
 * per-instruction checks ({@code InstructionChecks}); {@link
 * io.jenkins.plugins.optimizeddeploy.engine.dockerfile.ShellWordExpander} is the shell-word lexer both use.
 * {@link io.jenkins.plugins.optimizeddeploy.engine.dockerfile.ParsedDockerfileView} is the JSON face for the CLI.
 */
package io.jenkins.plugins.optimizeddeploy.engine.dockerfile;
