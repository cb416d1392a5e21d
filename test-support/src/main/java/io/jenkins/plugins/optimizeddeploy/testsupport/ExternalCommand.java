package io.jenkins.plugins.optimizeddeploy.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** Runs a short-lived command to completion with an argument list (never a shell string). */
final class ExternalCommand {
    static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);
    /** A developer's own settings that would point the docker client somewhere other than the test daemon. */
    private static final List<String> REDIRECTING_VARIABLES =
            List.of("DOCKER_CONTEXT", "DOCKER_TLS", "DOCKER_TLS_VERIFY", "DOCKER_CERT_PATH");

    private ExternalCommand() {
    }

    static CommandResult run(List<String> command, Map<String, String> environment, String stdin, Duration timeout) {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeAll(REDIRECTING_VARIABLES);
        builder.environment().putAll(environment);
        return complete(builder, stdin, timeout);
    }

    /**
     * Like {@link #run} without standard input, but in {@code directory} and seeing only {@code environment}, none
     * of our variables.
     */
    static CommandResult runWithOnly(List<String> command, Path directory, Map<String, String> environment,
            Duration timeout) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
        builder.environment().clear();
        builder.environment().putAll(environment);
        return complete(builder, null, timeout);
    }

    private static CommandResult complete(ProcessBuilder builder, String stdin, Duration timeout) {
        List<String> command = builder.command();
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + String.join(" ", command), e);
        }
        CompletableFuture<String> stdout = CompletableFuture.supplyAsync(() -> drain(process.getInputStream()));
        CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> drain(process.getErrorStream()));
        try (OutputStream in = process.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            process.destroyForcibly();
            throw new UncheckedIOException("Cannot write the standard input of " + String.join(" ", command), e);
        }
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish within " + timeout);
            }
            return new CommandResult(command, process.exitValue(), stdout.get(), stderr.get());
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for " + String.join(" ", command), e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot read the output of " + String.join(" ", command), e);
        }
    }

    private static String drain(InputStream stream) {
        try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read process output", e);
        }
    }
}
