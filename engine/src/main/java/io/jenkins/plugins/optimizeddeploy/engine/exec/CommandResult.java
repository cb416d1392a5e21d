package io.jenkins.plugins.optimizeddeploy.engine.exec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What a finished command left behind, secrets masked: the command as displayed, its exit code, its output
 * lines (each stream on its own) and how long it ran.
 */
public record CommandResult(String command, int exitCode, List<String> stdout, List<String> stderr, Duration duration) {
    private static final int LINES_IN_MESSAGE = 20;

    public CommandResult {
        stdout = List.copyOf(stdout);
        stderr = List.copyOf(stderr);
    }

    public boolean succeeded() {
        return exitCode == 0;
    }

    /** This result when the command exited 0, else a {@link CommandFailedException} with its last output lines. */
    public CommandResult requireSuccess() {
        if (!succeeded()) {
            throw new CommandFailedException(this, "exited with " + exitCode + lastLines());
        }
        return this;
    }

    /** Standard output and standard error, lines joined by newlines. */
    public String output() {
        StringBuilder text = new StringBuilder();
        stdout.forEach(line -> text.append(line).append('\n'));
        stderr.forEach(line -> text.append(line).append('\n'));
        return text.toString();
    }

    /** The last {@code count} lines of standard output then standard error, joined by newlines. */
    public String tail(int count) {
        List<String> lines = new ArrayList<>(stdout);
        lines.addAll(stderr);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - count), lines.size()));
    }

    /** The last line of standard error, else of standard output, else "no output": the usual one-line reason. */
    public String lastLine() {
        List<String> lines = stderr.isEmpty() ? stdout : stderr;
        return lines.isEmpty() ? "no output" : lines.get(lines.size() - 1);
    }

    private String lastLines() {
        List<String> tail = stderr.isEmpty() ? stdout : stderr;
        List<String> shown = tail.subList(Math.max(0, tail.size() - LINES_IN_MESSAGE), tail.size());
        return shown.isEmpty() ? " and printed nothing" : ":\n" + String.join("\n", shown);
    }
}
