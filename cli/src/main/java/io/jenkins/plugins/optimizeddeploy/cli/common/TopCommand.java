package io.jenkins.plugins.optimizeddeploy.cli.common;

import java.io.InputStream;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * What a command needs of {@code optimized-deploy} itself, its {@code @ParentCommand}: the standard input it was
 * started with, and a fresh command line to run another command in this process. An interface, so that the command
 * packages need not know the top command, which lists them all.
 */
public interface TopCommand {
    InputStream stdin();

    /** The command line with the project's exit codes and one-line error messages. */
    CommandLine freshCommandLine(InputStream stdin, PrintWriter out, PrintWriter err);
}
