package io.jenkins.plugins.optimizeddeploy.steps;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Stands for the step's Launcher where the agent is this JVM: each process starts as core's LocalLauncher starts it
 * (the agent's environment, then the build's, then the command's variables; the program found on this JVM's PATH),
 * behind the prefix a decorating launcher puts in front of it (decorateByPrefix, or {@code container()} running it
 * in a container). Every process it started is listed.
 */
public final class LocalLauncherProcesses implements LaunchedProcesses, Serializable {

    private static final long serialVersionUID = 1L;

    private final List<String> prefix;
    private final HashMap<String, String> buildEnvironment;
    private final transient List<List<String>> started = new ArrayList<>();

    /** @param prefix what a decorating launcher puts in front of every command, none for a plain launcher */
    public LocalLauncherProcesses(List<String> prefix, Map<String, String> buildEnvironment) {
        this.prefix = List.copyOf(prefix);
        this.buildEnvironment = new HashMap<>(buildEnvironment);
    }

    @Override
    public int run(ProcessRequest request, OutputStream stdout, OutputStream stderr)
            throws IOException, InterruptedException, TimeoutException {
        List<String> command = new ArrayList<>(prefix);
        command.addAll(request.arguments());
        synchronized (this) {
            started.add(request.arguments());
        }
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(request.environmentOver(buildEnvironment));
        if (request.workingDirectory() != null) {
            builder.directory(new File(request.workingDirectory()));
        }
        Process process = builder.start();
        Thread out = pump(process.getInputStream(), stdout);
        Thread err = pump(process.getErrorStream(), stderr);
        try (OutputStream stdin = process.getOutputStream()) {
            if (request.stdin() != null) {
                stdin.write(request.stdin().getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            // it exited without reading its input: its exit code says what happened
        }
        try {
            if (!process.waitFor(request.timeoutMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
                throw new TimeoutException("ran past " + request.timeoutMillis() + " ms and was killed");
            }
        } finally {
            out.join();
            err.join();
        }
        return process.exitValue();
    }

    /** The argument lists of the processes started, in order. */
    public synchronized List<List<String>> started() {
        return List.copyOf(started);
    }

    private static Thread pump(InputStream from, OutputStream to) {
        Thread thread = new Thread(() -> {
            try (from) {
                from.transferTo(to);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot copy the output of a process", e);
            }
        });
        thread.start();
        return thread;
    }
}
