package io.jenkins.plugins.optimizeddeploy.cli.common;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * From its opening until its closing, once the command's result is printed: a signal that ends the process (Ctrl-C,
 * a CI job cancelled with SIGTERM) interrupts the thread that opened it, which then puts back what it had moved, and
 * the process waits for that at most {@link #GRACE} before it exits. Subclasses say what the user sees.
 */
public abstract class InterruptOnSignal implements AutoCloseable {
    /** Under the 30 s that container platforms commonly leave between SIGTERM and SIGKILL. */
    public static final Duration GRACE = Duration.ofSeconds(25);

    private final Thread working = Thread.currentThread();
    private final CountDownLatch reported = new CountDownLatch(1);
    private final Thread hook;

    /** @param hookName the shutdown hook thread's name: what it waits for */
    protected InterruptOnSignal(String hookName) {
        hook = new Thread(this::stop, hookName);
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Called on the signal, before the working thread is interrupted. */
    protected abstract void signalled();

    /** Called when the working thread did not end within {@link #GRACE}, just before the process ends. */
    protected abstract void gaveUp();

    private void stop() {
        signalled();
        working.interrupt();
        try {
            if (!reported.await(GRACE.toSeconds(), TimeUnit.SECONDS)) {
                gaveUp();
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
