package io.jenkins.plugins.optimizeddeploy.engine.registry;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A response body that is closed when a read waits longer than the timeout. The HTTP client's request timeout
 * ends when the headers arrive; without this a registry that stops sending halfway would hold a read forever.
 */
final class StallGuardedInputStream extends FilterInputStream {
    private static final ScheduledExecutorService ALARMS = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "registry body stall guard");
        thread.setDaemon(true);
        return thread;
    });

    private final Duration timeout;
    private volatile boolean stalled;

    StallGuardedInputStream(InputStream body, Duration timeout) {
        super(body);
        this.timeout = timeout;
    }

    @Override
    public int read() throws IOException {
        ScheduledFuture<?> alarm = arm();
        try {
            return checked(super.read());
        } finally {
            alarm.cancel(false);
        }
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        ScheduledFuture<?> alarm = arm();
        try {
            return checked(super.read(buffer, offset, length));
        } finally {
            alarm.cancel(false);
        }
    }

    private ScheduledFuture<?> arm() {
        return ALARMS.schedule(this::abort, timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private int checked(int result) throws IOException {
        if (stalled) {
            throw new IOException("no data arrived for " + timeout.toMillis() + " ms");
        }
        return result;
    }

    private void abort() {
        stalled = true;
        try {
            in.close();
        } catch (IOException e) {
            // Closing is only a way to wake the blocked reader, which then reports the stall.
        }
    }
}
