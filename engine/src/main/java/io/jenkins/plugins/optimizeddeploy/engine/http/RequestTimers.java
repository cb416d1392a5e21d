package io.jenkins.plugins.optimizeddeploy.engine.http;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The one daemon thread that ends requests whose time is up, for every client in the JVM, started when the first
 * request needs it.
 */
public final class RequestTimers {
    private static final ScheduledThreadPoolExecutor THREAD = new ScheduledThreadPoolExecutor(1, runnable -> {
        Thread thread = new Thread(runnable, "optimized-deploy request deadlines");
        thread.setDaemon(true);
        thread.setContextClassLoader(null); // it outlives the request that started it, and must not pin a loader
        return thread;
    });

    static {
        THREAD.setRemoveOnCancelPolicy(true);
    }

    private RequestTimers() {
    }

    /** Runs {@code task} in {@code nanos}, unless the returned future is cancelled first. */
    public static ScheduledFuture<?> schedule(Runnable task, long nanos) {
        return THREAD.schedule(task, nanos, TimeUnit.NANOSECONDS);
    }
}
