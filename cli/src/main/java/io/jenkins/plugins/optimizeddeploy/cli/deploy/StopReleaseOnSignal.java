package io.jenkins.plugins.optimizeddeploy.cli.deploy;

import io.jenkins.plugins.optimizeddeploy.cli.common.InterruptOnSignal;
import java.io.PrintWriter;

/**
 * A signal that ends the process interrupts the release, which then puts back every service it had moved, before the
 * process exits (see {@link InterruptOnSignal}).
 */
final class StopReleaseOnSignal extends InterruptOnSignal {
    private final PrintWriter err;

    StopReleaseOnSignal(PrintWriter err) {
        super("optimized-deploy: put services back before exiting");
        this.err = err;
    }

    @Override
    protected void signalled() {
        err.println("optimized-deploy: stopped: putting back every service the release moved");
        err.flush();
    }

    @Override
    protected void gaveUp() {
        err.println("optimized-deploy: gave up waiting after " + GRACE.toSeconds()
                + " s; see the deploy history for what each service ran before");
        err.flush();
    }
}
