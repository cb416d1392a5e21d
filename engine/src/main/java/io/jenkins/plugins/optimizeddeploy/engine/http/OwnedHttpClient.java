package io.jenkins.plugins.optimizeddeploy.engine.http;

import java.io.IOException;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hc.client5.http.HttpRoute;
import org.apache.hc.client5.http.auth.AuthSchemeFactory;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.config.TlsConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.DefaultHttpClientConnectionOperator;
import org.apache.hc.client5.http.impl.io.ManagedHttpClientConnectionFactory;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.routing.SystemDefaultRoutePlanner;
import org.apache.hc.client5.http.io.ConnectionEndpoint;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.client5.http.routing.HttpRoutePlanner;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.ParseException;
import org.apache.hc.core5.http.URIScheme;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.config.RegistryBuilder;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.pool.PoolConcurrencyPolicy;
import org.apache.hc.core5.pool.PoolReusePolicy;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * An Apache HttpClient 5 client over connections of its own, which close with it (those in use too): the one HTTP
 * stack of the engine. It follows no redirect, answers no authentication challenge, retries nothing, keeps no cookie
 * and decompresses nothing: its users do what they need by their own rules.
 *
 * <p>Connections run over socket channels, so a thread interrupted while it connects, writes or waits for an answer
 * (an aborted build, Ctrl-C) closes its connection and ends its request at once. TLS is set up by the given strategy
 * (see {@link Tls#whenNeeded}), only for https. Requests go through the HTTP proxy the proxy selector names for their
 * URL (by default the JVM's, asked for every request: the {@code https.proxyHost}, {@code http.proxyHost} and
 * {@code http.nonProxyHosts} the agent was started with), directly otherwise; https through a proxy goes through a
 * {@code CONNECT} tunnel. Of the JVM's settings only the proxy selector takes part: no authenticator answers a server
 * or a proxy, and no connection or cache is shared with other code.
 */
public final class OwnedHttpClient implements AutoCloseable {
    /** A server answers with a dozen or two headers: a hostile one cannot make the answer's head endless. */
    private static final int HEADER_COUNT_LIMIT = 100;
    private static final int HEADER_LINE_LIMIT = 8 * 1024;

    /** What becomes of a connection once its exchange is over. */
    public enum Connections {
        /** Kept for the next request to the same server, and checked before it is used again. */
        KEPT,
        /** Closed: nothing outlives an exchange, so a client that is never closed holds nothing. */
        CLOSED_AFTER_EACH_EXCHANGE
    }

    private final PoolingHttpClientConnectionManager connections;
    private final HttpRoutePlanner routes;
    private final CloseableHttpClient http;
    private volatile boolean closed;

    /**
     * @param connectTimeout how long a TCP connection (and a TLS handshake, within the socket timeout) may take
     * @param socketTimeout  how long a request may wait for each byte of its answer, unless the request says
     * @param proxies        the proxy selector, or null for the JVM's, asked for every request
     */
    public OwnedHttpClient(Duration connectTimeout, Duration socketTimeout, TlsSocketStrategy tls,
            ProxySelector proxies, Connections reuse) {
        this.connections = connectionPool(connectTimeout, socketTimeout, tls);
        this.routes = new SystemDefaultRoutePlanner(proxies);
        HttpClientBuilder builder = HttpClients.custom()
                .setConnectionManager(connections)
                .setRoutePlanner(routes)
                .setDefaultAuthSchemeRegistry(RegistryBuilder.<AuthSchemeFactory>create().build())
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableContentCompression()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableConnectionState();
        if (reuse == Connections.CLOSED_AFTER_EACH_EXCHANGE) {
            builder.setConnectionReuseStrategy((request, response, context) -> false);
        }
        this.http = builder.build();
    }

    /**
     * A client with the runtime's TLS trust and the JVM's proxy selector that keeps no connection after its exchange,
     * so that it needs no closing: for the few requests of a deploy or a health check.
     */
    public static OwnedHttpClient forSingleExchanges(Duration connectTimeout) {
        return new OwnedHttpClient(connectTimeout, connectTimeout, Tls.whenNeeded(Tls::runtimeDefault), null,
                Connections.CLOSED_AFTER_EACH_EXCHANGE);
    }

    /**
     * No limit on connections, so that requests never wait for each other's; a kept connection that was closed, or
     * that the server sent something on while it was idle (such as a 408 before closing it, which would be taken for
     * the next answer), is not used again.
     */
    private static PoolingHttpClientConnectionManager connectionPool(Duration connectTimeout, Duration socketTimeout,
            TlsSocketStrategy tls) {
        PoolingHttpClientConnectionManager pool = new PoolingHttpClientConnectionManager(
                new DefaultHttpClientConnectionOperator(OwnedHttpClient::interruptibleSocket, null, null,
                        RegistryBuilder.<TlsSocketStrategy>create().register(URIScheme.HTTPS.id, tls).build()),
                PoolConcurrencyPolicy.STRICT, PoolReusePolicy.LIFO, TimeValue.NEG_ONE_MILLISECOND,
                ManagedHttpClientConnectionFactory.builder().http1Config(Http1Config.custom()
                        .setMaxHeaderCount(HEADER_COUNT_LIMIT).setMaxLineLength(HEADER_LINE_LIMIT).build()).build());
        pool.setMaxTotal(Integer.MAX_VALUE);
        pool.setDefaultMaxPerRoute(Integer.MAX_VALUE);
        pool.setDefaultConnectionConfig(ConnectionConfig.custom()
                .setConnectTimeout(Timeout.of(connectTimeout))
                .setSocketTimeout(Timeout.of(socketTimeout))
                .setValidateAfterInactivity(TimeValue.ZERO_MILLISECONDS)
                .build());
        Duration handshake = socketTimeout.compareTo(connectTimeout) < 0 ? socketTimeout : connectTimeout;
        pool.setDefaultTlsConfig(TlsConfig.custom().setHandshakeTimeout(Timeout.of(handshake)).build());
        return pool;
    }

    /**
     * A socket over a channel: a thread interrupted while it connects, writes or reads on it closes it at once (the
     * streams of a plain socket ignore interrupts). TLS runs on top of it.
     */
    private static Socket interruptibleSocket(Proxy socksProxy) throws IOException {
        return SocketChannel.open().socket();
    }

    /**
     * Sends {@code request} and returns its answer, whose body must be read to its end (its connection is then
     * released) or closed (its connection is then closed).
     *
     * @throws IOException when no answer came
     * @throws IllegalStateException when this client is closed
     */
    public ClassicHttpResponse open(ClassicHttpRequest request, HttpClientContext context) throws IOException {
        if (closed) {
            throw new IllegalStateException("The HTTP client is closed");
        }
        return http.executeOpen(null, request, context);
    }

    /**
     * Sends {@code request} and reads its answer's body as text (in the charset the answer names, else UTF-8), all
     * within {@code timeout}, which also bounds the wait for each byte.
     *
     * @throws IOException            when the URL is not http(s) with a host, or the exchange failed
     * @throws SocketTimeoutException when the exchange took longer, and was ended
     * @throws InterruptedException   when the thread was interrupted: the exchange was ended at once
     */
    public TextResponse send(HttpUriRequestBase request, Duration timeout) throws IOException, InterruptedException {
        try {
            checkTarget(request.getUri());
        } catch (URISyntaxException e) {
            throw new IOException("the request's URL cannot be read: " + e.getMessage(), e);
        }
        request.setConfig(RequestConfig.custom().setAuthenticationEnabled(false)
                .setResponseTimeout(Timeout.of(timeout)).build());
        AtomicBoolean late = new AtomicBoolean();
        ScheduledFuture<?> timer = RequestTimers.schedule(() -> {
            late.set(true);
            request.cancel();
        }, timeout.toNanos());
        try (ClassicHttpResponse response = open(request, HttpClientContext.create())) {
            String body = response.getEntity() == null ? ""
                    : EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8);
            return new TextResponse(response.getCode(), body);
        } catch (IOException | ParseException e) {
            if (Thread.interrupted()) {
                InterruptedException interrupted = new InterruptedException("interrupted during the HTTP exchange");
                interrupted.initCause(e);
                throw interrupted;
            }
            if (late.get()) {
                throw new SocketTimeoutException("no whole answer within the " + timeout.toMillis() + " ms the"
                        + " request may take");
            }
            throw e instanceof IOException io ? io : new IOException(e.getMessage(), e);
        } finally {
            timer.cancel(false);
        }
    }

    /** The way to the server of {@code uri}: directly or through the proxy the selector names for it. */
    public HttpRoute route(URI uri, HttpContext context) throws IOException {
        try {
            return routes.determineRoute(new HttpHost(uri.getScheme(), uri.getHost(), port(uri)), context);
        } catch (HttpException e) {
            throw new IOException("the JVM's proxy selector failed for this URL: " + e.getMessage(), e);
        }
    }

    /**
     * Opens a connection to the server of {@code uri} ahead of the requests that will need it, so that they need not
     * wait for its TCP and TLS handshakes. Best effort: a connection that cannot be opened is left to the request
     * that needs it, which then says why; a tunnel through a proxy is left to the request too.
     *
     * @param keepFor how long the connection may wait for its first request
     */
    public void openAhead(URI uri, Duration timeout, TimeValue keepFor) {
        try {
            checkTarget(uri);
            HttpClientContext context = HttpClientContext.create();
            HttpRoute route = route(uri, context);
            if (closed || route.isTunnelled()) {
                return;
            }
            Timeout within = Timeout.of(timeout);
            ConnectionEndpoint endpoint = connections.lease("ahead", route, within, null).get(within);
            try {
                connections.connect(endpoint, null, context);
                connections.release(endpoint, null, keepFor);
            } catch (IOException | RuntimeException e) {
                endpoint.close(CloseMode.IMMEDIATE);
                connections.release(endpoint, null, TimeValue.ZERO_MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // See above: the request that needs the connection reports the problem.
        }
    }

    /** Closes the connections that wait for a request: the server likely closed them as well. */
    public void closeIdleConnections() {
        connections.closeIdle(TimeValue.ZERO_MILLISECONDS);
    }

    /** Closes every connection of this client, those in use too. */
    @Override
    public void close() {
        closed = true;
        http.close(CloseMode.IMMEDIATE);
    }

    /**
     * Adds the header {@code name: value} to {@code request}.
     *
     * @throws IllegalArgumentException when the value holds a line break or a character HTTP cannot send (the value
     *                                  is not shown: it may be a credential)
     */
    public static void addHeader(HttpRequest request, String name, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n' || c > 0xff) {
                throw new IllegalArgumentException("The request header " + name
                        + " holds a line break or a character HTTP cannot send");
            }
        }
        request.addHeader(name, value);
    }

    /** The port of {@code uri}, or its scheme's. */
    public static int port(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    /** Refuses a URL that is not http(s) with a host, before anything is sent. */
    public static void checkTarget(URI uri) throws IOException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IOException("cannot send a request to a '" + scheme + "' URL, only to http and https");
        }
        if (uri.getHost() == null) {
            throw new IOException("the URL names no host (or one Java cannot read, such as a name with '_')");
        }
    }
}
