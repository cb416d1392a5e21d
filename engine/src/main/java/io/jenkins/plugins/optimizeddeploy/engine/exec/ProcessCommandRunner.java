package io.jenkins.plugins.optimizeddeploy.engine.exec;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs commands as local processes ({@link ProcessBuilder}); output is read line by line as it comes. */
public final class ProcessCommandRunner implements CommandRunner {
    private static final Duration READER_GRACE = Duration.ofSeconds(10);

    @Override
    public CommandResult run(Command command, OutputListener listener) {
        SecretMask mask = command.mask();
        ProcessBuilder builder = new ProcessBuilder(command.arguments());
        builder.environment().putAll(command.environment());
        command.workingDirectory().ifPresent(directory -> builder.directory(directory.toFile()));
        long started = System.nanoTime();
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new CommandFailedException(command.display(), "could not be started: " + mask.apply(e.getMessage()), null);
        }
        List<String> stdout = Collections.synchronizedList(new ArrayList<>());
        List<String> stderr = Collections.synchronizedList(new ArrayList<>());
        Thread outReader = reader(process.getInputStream(), OutputStreamName.STDOUT, stdout, mask, listener);
        Thread errReader = reader(process.getErrorStream(), OutputStreamName.STDERR, stderr, mask, listener);
        feed(process, command);
        boolean finished = waitFor(process, command.timeout());
        if (!finished) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            waitFor(process, READER_GRACE);
        }
        join(outReader);
        join(errReader);
        Duration duration = Duration.ofNanos(System.nanoTime() - started);
        CommandResult result = new CommandResult(command.display(), finished ? process.exitValue() : -1,
                List.copyOf(stdout), List.copyOf(stderr), duration);
        if (!finished) {
            throw CommandFailedException.timedOut(result, command.timeout());
        }
        return result;
    }

    private static Thread reader(InputStream stream, OutputStreamName name, List<String> lines, SecretMask mask,
            OutputListener listener) {
        Thread thread = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    String masked = mask.apply(line);
                    lines.add(masked);
                    listener.line(name, masked);
                }
            } catch (IOException e) {
                // the stream closes when the process is killed: what was read so far is kept
                lines.add("[output " + name + " ended early: " + e.getMessage() + "]");
            }
        }, "command-output-" + name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void feed(Process process, Command command) {
        try (OutputStream stdin = process.getOutputStream()) {
            if (command.stdin().isPresent()) {
                stdin.write(command.stdin().get().getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            // the command may exit without reading its input; its exit code tells what happened
            if (!process.isAlive() && process.exitValue() == 0) {
                throw new UncheckedIOException(command.display() + ": could not write standard input", e);
            }
        }
    }

    private static boolean waitFor(Process process, Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void join(Thread reader) {
        try {
            reader.join(READER_GRACE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
