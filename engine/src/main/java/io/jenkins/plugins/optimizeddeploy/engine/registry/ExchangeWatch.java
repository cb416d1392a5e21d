package io.jenkins.plugins.optimizeddeploy.engine.registry;

import io.jenkins.plugins.optimizeddeploy.engine.http.RequestTimers;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.hc.core5.concurrent.Cancellable;

/**
 * Holds one exchange, from sending the request to the last byte of the answer's body, to what HttpClient's socket
 * timeout cannot: a write to the socket that stays blocked for the request timeout (the server takes nothing more),
 * and the request's deadline, plus a second for every {@link #BYTES_PER_SECOND} moved either way, so that a large
 * blob is held to a pace rather than to a time and a server sending a byte now and then cannot hold the request
 * either. When one passes the exchange is cancelled, which closes its connection at once; the failure that follows
 * is then reported as {@link #failure}. Time the request's body takes to produce its bytes does not count. The
 * {@link RequestTimers} thread watches.
 */
final class ExchangeWatch implements Runnable {
    static final long BYTES_PER_SECOND = 256 * 1024;

    private final Cancellable exchange;
    private final Duration timeout;
    private final Duration deadline;
    private final long startNanos = System.nanoTime();
    private final AtomicLong moved = new AtomicLong();
    /** When the write to the socket under way began, or 0 when none is. */
    private volatile long writingSinceNanos;
    private IOException failure;
    private boolean stopped;
    private ScheduledFuture<?> check;

    /** Starts watching {@code exchange}, which {@link #run} cancels when its timeout or deadline passes. */
    ExchangeWatch(Cancellable exchange, Duration timeout, Duration deadline) {
        this.exchange = exchange;
        this.timeout = timeout;
        this.deadline = deadline;
        schedule(Math.min(timeout.toNanos(), remainingNanos()));
    }

    /** A write of the request's bytes to the connection begins. */
    void writing() {
        writingSinceNanos = System.nanoTime();
    }

    /** The write begun by {@link #writing} moved {@code bytes}. */
    void written(long bytes) {
        writingSinceNanos = 0;
        moved(bytes);
    }

    /** Bytes of the answer's body arrived. */
    void moved(long bytes) {
        moved.addAndGet(bytes);
    }

    @Override
    public void run() {
        synchronized (this) {
            if (stopped) {
                return;
            }
            long since = writingSinceNanos;
            long blocked = since == 0 ? 0 : System.nanoTime() - since;
            long remaining = remainingNanos();
            if (blocked < timeout.toNanos() && remaining > 0) {
                schedule(Math.min(timeout.toNanos() - blocked, remaining));
                return;
            }
            failure = remaining <= 0
                    ? new DeadlineExceededException("the request took longer than the " + deadline.toSeconds()
                            + " s (plus 1 s per " + BYTES_PER_SECOND / 1024 + " KiB moved) it may take"
                            + " (requestDeadline)")
                    : new WriteStalledException("the server took no byte of the request for " + timeout.toSeconds()
                            + " s");
            stopped = true;
        }
        exchange.cancel();
    }

    /**
     * Why the exchange was cancelled, else {@code cause}: what a failed exchange reports.
     */
    synchronized IOException failure(IOException cause) {
        if (failure == null) {
            return cause;
        }
        failure.addSuppressed(cause);
        return failure;
    }

    /** Stops watching: the exchange is over. */
    synchronized void stop() {
        stopped = true;
        check.cancel(false);
    }

    private long remainingNanos() {
        long bytes = moved.get();
        long earned = bytes / BYTES_PER_SECOND * 1_000_000_000L
                + bytes % BYTES_PER_SECOND * 1_000_000_000L / BYTES_PER_SECOND;
        return deadline.toNanos() + earned - (System.nanoTime() - startNanos);
    }

    private synchronized void schedule(long nanos) {
        check = RequestTimers.schedule(this, nanos);
    }

    /** The request ran past its deadline, so its connection was closed. Not worth repeating. */
    static final class DeadlineExceededException extends IOException {
        private static final long serialVersionUID = 1L;

        DeadlineExceededException(String message) {
            super(message);
        }
    }

    /** No byte of a request went out for the request timeout, so its connection was closed. */
    static final class WriteStalledException extends IOException {
        private static final long serialVersionUID = 1L;

        WriteStalledException(String message) {
            super(message);
        }
    }
}
