package io.jenkins.plugins.optimizeddeploy.engine.registry;

import java.io.Closeable;
import java.io.IOException;
import java.net.Proxy;
import java.net.ProxySelector;
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
 * response gives it back once its body is read. At most {@code idlePerServer} connections per server are kept
 * between requests (one per request a client sends at once), none for longer than {@link #IDLE_LIMIT}: servers
 * and proxies close idle connections on their own, and one that was closed, or that the server sent something on
 * while it was idle, is not used again. Requests go through the HTTP proxy the JVM's proxy selector names for their
 * URL (the {@code https.proxyHost} and {@code http.proxyHost} the agent was started with), directly otherwise.
 * Closing the pool closes every connection, those in use too.
 */
final class ConnectionPool implements Closeable {
    static final Duration IDLE_LIMIT = Duration.ofSeconds(20);

    private final Supplier<SSLSocketFactory> tlsSetup;
    private final Supplier<ProxySelector> proxies;
    private final Duration connectTimeout;
    private final int idlePerServer;
    private final Map<String, Deque<HttpConnection>> idle = new HashMap<>();
    private final Set<HttpConnection> open = ConcurrentHashMap.newKeySet();
    private boolean closed;
    private volatile SSLSocketFactory tls;

    /**
     * @param tlsSetup gives the TLS socket factory; asked when the first https connection is opened
     * @param proxies  gives the proxy selector (none: direct), asked for every request
     */
    ConnectionPool(Supplier<SSLSocketFactory> tlsSetup, Supplier<ProxySelector> proxies, Duration connectTimeout,
            int idlePerServer) {
        this.tlsSetup = tlsSetup;
        this.proxies = proxies;
        this.connectTimeout = connectTimeout;
        this.idlePerServer = idlePerServer;
    }

    /**
     * The most recently used idle connection for {@code uri} that is still usable, or a new one.
     *
     * @param timeout the request's timeout, which also bounds a new connection's TLS handshake
     */
    HttpConnection take(URI uri, Duration timeout) throws IOException {
        Proxy proxy = proxyFor(uri);
        String key = HttpConnection.key(uri, proxy);
        List<HttpConnection> unusable = new ArrayList<>();
        HttpConnection kept = null;
        synchronized (this) {
            checkOpen();
            Deque<HttpConnection> waiting = idle.getOrDefault(key, new ArrayDeque<>());
            long now = System.nanoTime();
            while (kept == null && !waiting.isEmpty()) {
                HttpConnection candidate = waiting.pollFirst();
                if (now - candidate.idleSinceNanos() < IDLE_LIMIT.toNanos() && candidate.usableAfterIdle()) {
                    kept = candidate;
                } else {
                    unusable.add(candidate);
                }
            }
        }
        unusable.forEach(this::discard);
        return kept != null ? kept : open(uri, proxy, timeout);
    }

    /** Opens a connection for {@code uri} and keeps it for the requests to come, within the idle limit. */
    void openAhead(URI uri, Duration timeout) throws IOException {
        HttpConnection connection = open(uri, proxyFor(uri), timeout);
        connection.markIdle();
        release(connection);
    }

    /** A new connection for {@code uri}, not one that was kept. */
    HttpConnection open(URI uri, Duration timeout) throws IOException {
        return open(uri, proxyFor(uri), timeout);
    }

    private HttpConnection open(URI uri, Proxy proxy, Duration timeout) throws IOException {
        synchronized (this) {
            checkOpen();
        }
        Duration handshakeTimeout = timeout.compareTo(connectTimeout) < 0 ? timeout : connectTimeout;
        HttpConnection connection = HttpConnection.open(uri, proxy, "https".equalsIgnoreCase(uri.getScheme())
                ? tls() : null, connectTimeout, handshakeTimeout, this);
        open.add(connection);
        synchronized (this) {
            if (closed) { // closed while connecting
                discard(connection);
                checkOpen();
            }
        }
        return connection;
    }

    /** Set up outside the pool's lock: it may take a while, and responses hand connections back meanwhile. */
    private SSLSocketFactory tls() {
        SSLSocketFactory made = tls;
        if (made == null) {
            made = tlsSetup.get();
            tls = made;
        }
        return made;
    }

    /**
     * The first HTTP proxy the selector names for {@code uri}, else none (as the JDK's own HTTP client does).
     *
     * @throws IOException when the selector fails
     */
    private Proxy proxyFor(URI uri) throws IOException {
        ProxySelector selector = proxies.get();
        if (selector == null) {
            return Proxy.NO_PROXY;
        }
        List<Proxy> named;
        try {
            named = selector.select(uri);
        } catch (RuntimeException e) {
            throw new IOException("the JVM's proxy selector failed for this URL: " + e, e);
        }
        return named == null ? Proxy.NO_PROXY : named.stream().filter(proxy -> proxy.type() == Proxy.Type.HTTP)
                .findFirst().orElse(Proxy.NO_PROXY);
    }

    /** Keeps {@code connection}, whose last answer was read whole, for the next request to its server. */
    void release(HttpConnection connection) {
        synchronized (this) {
            Deque<HttpConnection> waiting = idle.computeIfAbsent(connection.key(), key -> new ArrayDeque<>());
            if (!closed && waiting.size() < idlePerServer) {
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
