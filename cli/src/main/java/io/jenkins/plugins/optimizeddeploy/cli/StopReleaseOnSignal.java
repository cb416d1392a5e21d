package io.jenkins.plugins.optimizeddeploy.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * From its opening until its closing, once the result is printed: a signal that ends the process (Ctrl-C, a CI job
 * cancelled with SIGTERM) interrupts the release, which then puts back every service it had moved, and the process
 * waits for that at most {@link #GRACE} before it exits.
 */
final class StopReleaseOnSignal implements AutoCloseable {
    /** Under the 30 s that container platforms commonly leave between SIGTERM and SIGKILL. */
    static final Duration GRACE = Duration.ofSeconds(25);

    private final PrintWriter err;
    private final Thread releasing = Thread.currentThread();
    private final CountDownLatch reported = new CountDownLatch(1);
    private final Thread hook = new Thread(this::stop, "optimized-deploy: put services back before exiting");

    StopReleaseOnSignal(PrintWriter err) {
        this.err = err;
        Runtime.getRuntime().addShutdownHook(hook);
    }

    private void stop() {
        err.println("optimized-deploy: stopped: putting back every service the release moved");
        err.flush();
        releasing.interrupt();
        try {
            if (!reported.await(GRACE.toSeconds(), TimeUnit.SECONDS)) {
                err.println("optimized-deploy: gave up waiting after " + GRACE.toSeconds()
                        + " s; see the deploy history for what each service ran before");
                err.flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        reported.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running: the process ends once it returns.
        }
    }
}
