package io.jenkins.plugins.optimizeddeploy.steps;

import io.jenkins.plugins.optimizeddeploy.engine.exec.Command;
import io.jenkins.plugins.optimizeddeploy.engine.exec.CommandFailedException;
import io.jenkins.plugins.optimizeddeploy.engine.exec.CommandResult;
import io.jenkins.plugins.optimizeddeploy.engine.exec.CommandRunner;
import io.jenkins.plugins.optimizeddeploy.engine.exec.OutputListener;
import io.jenkins.plugins.optimizeddeploy.engine.exec.OutputStreamName;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * The engine's {@link CommandRunner} on the agent, starting every process through {@link LaunchedProcesses}: where
 * the build's {@code sh} would start it. Output comes back line by line, secrets masked, as the engine expects.
 */
public final class LaunchedCommandRunner implements CommandRunner {

    private final LaunchedProcesses processes;

    public LaunchedCommandRunner(LaunchedProcesses processes) {
        this.processes = processes;
    }

    @Override
    public CommandResult run(Command command, OutputListener listener) {
        OutputLines stdout = new OutputLines(OutputStreamName.STDOUT, command, listener);
        OutputLines stderr = new OutputLines(OutputStreamName.STDERR, command, listener);
        long started = System.nanoTime();
        try {
            int exitCode = processes.run(ProcessRequest.of(command), stdout, stderr);
            return result(command, exitCode, stdout, stderr, started);
        } catch (TimeoutException e) {
            throw CommandFailedException.timedOut(result(command, -1, stdout, stderr, started), command.timeout());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandFailedException(command.display(), "was interrupted", e);
        } catch (IOException e) {
            throw new CommandFailedException(command.display(),
                    "could not be started: " + command.masked(String.valueOf(e.getMessage())), null);
        }
    }

    private static CommandResult result(Command command, int exitCode, OutputLines stdout, OutputLines stderr,
            long started) {
        return new CommandResult(command.display(), exitCode, stdout.finish(), stderr.finish(),
                Duration.ofNanos(System.nanoTime() - started));
    }

    /** One output stream of a process cut into lines, each masked, kept and handed to the listener as it ends. */
    private static final class OutputLines extends OutputStream {
        private final OutputStreamName name;
        private final Command command;
        private final OutputListener listener;
        private final List<String> lines = new ArrayList<>();
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        OutputLines(OutputStreamName name, Command command, OutputListener listener) {
            this.name = name;
            this.command = command;
            this.listener = listener;
        }

        @Override
        public synchronized void write(int b) {
            if (b == '\n') {
                endLine();
            } else {
                line.write(b);
            }
        }

        @Override
        public synchronized void write(byte[] bytes, int offset, int length) {
            for (int i = offset; i < offset + length; i++) {
                write(bytes[i]);
            }
        }

        /** Every line, the last one even without a line break. */
        synchronized List<String> finish() {
            if (line.size() > 0) {
                endLine();
            }
            return List.copyOf(lines);
        }

        private void endLine() {
            String text = line.toString(StandardCharsets.UTF_8);
            line.reset();
            String masked = command.masked(text.endsWith("\r") ? text.substring(0, text.length() - 1) : text);
            lines.add(masked);
            listener.line(name, masked);
        }
    }
}
