package io.jenkins.plugins.optimizeddeploy.engine.registry;

import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import javax.net.ssl.SSLSocketFactory;

/**
 * The connections of one registry client: a request takes an idle connection to its server or opens one, and its
 * response gives it back once its body is read. At most {@code idlePerOrigin} connections per server are kept
 * between requests (one per request a client sends at once), none for longer than {@link #IDLE_LIMIT}: servers
 * and proxies close idle connections on their own, and a request on a closed one needs another try. Closing the pool
 * closes every connection, those in use too.
 */
final class ConnectionPool implements Closeable {
    static final Duration IDLE_LIMIT = Duration.ofSeconds(20);

    private final Supplier<SSLSocketFactory> tlsSetup;
    private final Duration connectTimeout;
    private final int idlePerOrigin;
    private final Map<String, Deque<HttpConnection>> idle = new HashMap<>();
    private final Set<HttpConnection> open = ConcurrentHashMap.newKeySet();
    private boolean closed;
    private SSLSocketFactory tls;

    /** @param tlsSetup gives the TLS socket factory; asked when the first https connection is opened */
    ConnectionPool(Supplier<SSLSocketFactory> tlsSetup, Duration connectTimeout, int idlePerOrigin) {
        this.tlsSetup = tlsSetup;
        this.connectTimeout = connectTimeout;
        this.idlePerOrigin = idlePerOrigin;
    }

    /** The most recently used idle connection to the server of {@code uri}, or a new one. */
    HttpConnection take(URI uri) throws IOException {
        String origin = HttpConnection.origin(uri);
        List<HttpConnection> expired = new ArrayList<>();
        HttpConnection kept = null;
        synchronized (this) {
            checkOpen();
            Deque<HttpConnection> waiting = idle.getOrDefault(origin, new ArrayDeque<>());
            long now = System.nanoTime();
            while (kept == null && !waiting.isEmpty()) {
                HttpConnection candidate = waiting.pollFirst();
                if (now - candidate.idleSinceNanos() < IDLE_LIMIT.toNanos()) {
                    kept = candidate;
                } else {
                    expired.add(candidate);
                }
            }
        }
        expired.forEach(this::discard);
        return kept != null ? kept : open(uri);
    }

    /** A new connection to the server of {@code uri}. */
    HttpConnection open(URI uri) throws IOException {
        SSLSocketFactory secure;
        synchronized (this) {
            checkOpen();
            if (tls == null && "https".equalsIgnoreCase(uri.getScheme())) {
                tls = tlsSetup.get();
            }
            secure = tls;
        }
        HttpConnection connection = HttpConnection.open(uri, secure, connectTimeout, this);
        open.add(connection);
        synchronized (this) {
            if (closed) { // closed while connecting
                discard(connection);
                checkOpen();
            }
        }
        return connection;
    }

    /** Keeps {@code connection}, whose last answer was read whole, for the next request to its server. */
    void release(HttpConnection connection) {
        synchronized (this) {
            Deque<HttpConnection> waiting = idle.computeIfAbsent(connection.origin(), origin -> new ArrayDeque<>());
            if (!closed && waiting.size() < idlePerOrigin) {
                waiting.addFirst(connection);
                return;
            }
        }
        discard(connection);
    }

    /** Closes {@code connection}: it failed, or its answer was not read whole. */
    void discard(HttpConnection connection) {
        open.remove(connection);
        connection.close();
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            idle.clear();
        }
        open.forEach(this::discard);
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("The registry client is closed");
        }
    }
}
