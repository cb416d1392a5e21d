package io.jenkins.plugins.optimizeddeploy.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

/** One in-process run of {@code optimized-deploy}: what it printed and how it exited. */
public record CliRun(int exitCode, String out, String err) {

    public static CliRun withStdin(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = OptimizedDeployCommand.newCommandLine(
                        new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                        new PrintWriter(out, true), new PrintWriter(err, true))
                .execute(args);
        return new CliRun(exitCode, out.toString(), err.toString());
    }

    public static CliRun of(String... args) {
        return withStdin("", args);
    }
}
