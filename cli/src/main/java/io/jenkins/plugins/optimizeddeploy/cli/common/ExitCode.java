package io.jenkins.plugins.optimizeddeploy.cli.common;

/** The CLI's exit codes, the same for every subcommand. */
public final class ExitCode {
    /** The command did what was asked. */
    public static final int OK = 0;
    /** A gate failed: findings over the threshold, an unhealthy deploy. */
    public static final int GATE_FAILED = 1;
    /** Bad usage or bad input: nothing was attempted. */
    public static final int BAD_INPUT = 2;
    /** The work was attempted and failed (registry, engine, I/O). */
    public static final int FAILURE = 3;

    private ExitCode() {
    }
}
