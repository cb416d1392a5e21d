package io.jenkins.plugins.optimizeddeploy.engine.registry;

import io.jenkins.plugins.optimizeddeploy.engine.http.OwnedHttpClient;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ProxySelector;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.concurrent.Cancellable;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.EndpointDetails;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.HttpStatus;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.core5.http.io.entity.AbstractHttpEntity;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * Sends requests on the caller's thread with an {@link OwnedHttpClient} (its connections, interrupts, proxies and
 * TLS set-up), with the options' TLS trust and timeouts, and the retry policy: requests are repeated after connection
 * errors and HTTP 408, 429, 500, 502, 503 and 504, pausing as {@link RegistryOptions} says (with jitter, so that
 * parallel requests do not retry in lockstep). Every attempt is counted by kind. HttpClient itself retries nothing,
 * follows no redirect and answers no authentication challenge: {@link RegistryClient} does, by its own rules.
 *
 * <p>A thread interrupted while it waits for an answer (an aborted build, Ctrl-C) ends its request at once, without
 * retrying; so does one interrupted in a pause before a retry. No byte of an answer may take longer than the request
 * timeout to arrive, nor any write of the request stay blocked that long, so a registry that stops reading or sending
 * halfway fails the request instead of holding it forever; nor may the whole exchange take longer than the request
 * deadline (plus a second per 256 KiB moved; see {@link ExchangeWatch}), which is not retried: a registry that
 * trickles its answer would do so again.
 *
 * <p>Requests go through the HTTP proxy the JVM's proxy selector names for their URL; through a proxy, the
 * certificate is still checked against the registry's host, and a proxy that asks for authentication is named in the
 * failure. A connection is kept between requests for at most {@link #IDLE_LIMIT}; closing the transport closes every
 * connection, those in use too.
 */
final class RegistryTransport implements AutoCloseable {
    /** How long a connection is kept between requests: servers and proxies close idle connections on their own. */
    static final TimeValue IDLE_LIMIT = TimeValue.ofSeconds(20);
    private static final int ERROR_BODY_LIMIT = 64 * 1024;
    /** What is read of a body nobody needs, to keep its connection: error bodies and pings are far shorter. */
    private static final int DISCARDED_BODY_LIMIT = 64 * 1024;
    private static final Set<Integer> RETRYABLE_STATUSES = Set.of(408, 429, 500, 502, 503, 504);

    private final RegistryOptions options;
    private final OwnedHttpClient http;
    private final RegistryTraffic traffic = new RegistryTraffic();

    RegistryTransport(RegistryOptions options) {
        this(options, null);
    }

    /** With the proxy selector {@code proxies} instead of the JVM's (null: the JVM's, asked for every request). */
    RegistryTransport(RegistryOptions options, ProxySelector proxies) {
        this.options = options;
        this.http = new OwnedHttpClient(options.connectTimeout(), options.requestTimeout(),
                RegistryTrust.tlsStrategy(options), proxies, OwnedHttpClient.Connections.KEPT);
    }

    RegistryOptions options() {
        return options;
    }

    RegistryTraffic traffic() {
        return traffic;
    }

    /** A request with the options' timeout and user agent, and no body. */
    RegistryRequest request(String method, URI uri) {
        return new RegistryRequest(method, uri, Map.of("User-Agent", options.userAgent()), options.requestTimeout(),
                options.requestDeadline(), RequestBody.EMPTY);
    }

    /** Sends with the configured number of retries. */
    RegistryResponse send(RequestKind kind, String operation, RegistryRequest request) {
        return send(kind, operation, request, options.maxRetries());
    }

    /**
     * Sends {@code request}, retrying up to {@code retries} times. A response that is still retryable after the
     * last retry is returned for the caller to report.
     *
     * @throws RegistryException with status 0 when no response came
     */
    RegistryResponse send(RequestKind kind, String operation, RegistryRequest request, int retries) {
        return send(kind, operation, request, retries, true);
    }

    /**
     * {@link #send(RequestKind, String, RegistryRequest, int)}, where {@code retryingConnectionErrors} false gives up at
     * once when no response comes (a retryable status is still retried).
     */
    RegistryResponse send(RequestKind kind, String operation, RegistryRequest request, int retries,
            boolean retryingConnectionErrors) {
        int attempt = 0;
        while (true) {
            RegistryResponse response;
            try {
                traffic.count(kind);
                response = exchange(request);
            } catch (IOException e) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new RegistryException(operation, 0, List.of(), request.uri(), "interrupted", e);
                }
                if (e instanceof ExchangeWatch.DeadlineExceededException) {
                    throw new RegistryException(operation, 0, List.of(), request.uri(), "the registry is too slow: "
                            + e.getMessage(), e);
                }
                if (attempt < retries && retryingConnectionErrors) {
                    pause(operation, request, jittered(options.backoffBefore(++attempt)));
                    continue;
                }
                throw new RegistryException(operation, 0, List.of(), request.uri(),
                        "cannot reach the registry" + (attempt > 0 ? " after " + (attempt + 1) + " attempts" : "")
                                + ": " + describe(e), e);
            }
            int status = response.statusCode();
            if (RETRYABLE_STATUSES.contains(status) && attempt < retries) {
                discard(response);
                attempt++;
                pause(operation, request, retryAfter(response).orElse(jittered(options.backoffBefore(attempt))));
                continue;
            }
            return response;
        }
    }

    /**
     * One attempt. A kept connection that the server closed while it was idle breaks before any answer: the request
     * goes once more, on a new connection (the other kept ones were likely closed as well, and are dropped).
     */
    private RegistryResponse exchange(RegistryRequest request) throws IOException {
        OwnedHttpClient.checkTarget(request.uri());
        HttpClientContext context = HttpClientContext.create();
        try {
            return exchange(request, context);
        } catch (NoHttpResponseException closedWhileIdle) {
            EndpointDetails connection = context.getEndpointDetails();
            if (connection == null || connection.getRequestCount() <= 1 || Thread.currentThread().isInterrupted()) {
                throw closedWhileIdle;
            }
        }
        http.closeIdleConnections();
        return exchange(request, HttpClientContext.create());
    }

    private RegistryResponse exchange(RegistryRequest request, HttpClientContext context) throws IOException {
        HttpUriRequestBase message = new HttpUriRequestBase(request.method(), request.uri());
        request.headers().forEach((name, value) -> OwnedHttpClient.addHeader(message, name, value));
        message.setConfig(RequestConfig.custom().setAuthenticationEnabled(false).setConnectionKeepAlive(IDLE_LIMIT)
                .setResponseTimeout(Timeout.of(request.timeout())).build());
        ExchangeWatch watch = new ExchangeWatch(message, request.timeout(), request.deadline());
        boolean withBody = request.method().equals("PUT") || request.method().equals("POST")
                || request.body().length() > 0;
        if (withBody) {
            message.setEntity(new WatchedBody(request.body(), watch));
        }
        ClassicHttpResponse response;
        try {
            response = http.open(message, context);
        } catch (IOException e) {
            watch.stop();
            throw watch.failure(e);
        } catch (RuntimeException e) {
            watch.stop();
            throw e;
        }
        if (response.getCode() == HttpStatus.SC_PROXY_AUTHENTICATION_REQUIRED) {
            HttpHost proxy = http.route(request.uri(), context).getProxyHost();
            if (proxy != null) { // HttpClient hands on the proxy's refusal of a tunnel as the answer
                message.cancel();
                watch.stop();
                throw new IOException("the proxy " + proxy + " asks for authentication (407), which the registry"
                        + " client does not answer; let the agent reach " + request.uri().getHost() + ":"
                        + OwnedHttpClient.port(request.uri()) + " without it");
            }
        }
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Header header : response.getHeaders()) {
            headers.computeIfAbsent(header.getName(), name -> new ArrayList<>()).add(header.getValue());
        }
        HttpEntity entity = response.getEntity();
        if (entity == null) {
            watch.stop();
            return new RegistryResponse(response.getCode(), request.uri(), headers, InputStream.nullInputStream());
        }
        return new RegistryResponse(response.getCode(), request.uri(), headers,
                new AnswerBody(entity.getContent(), message, watch));
    }

    /**
     * Opens a connection to the server of {@code uri} ahead of the requests that will need it, so that they need not
     * wait for its TCP and TLS handshakes (best effort, see {@link OwnedHttpClient#openAhead}).
     */
    void openAhead(URI uri) {
        http.openAhead(uri, options.requestTimeout(), IDLE_LIMIT);
    }

    /** Closes every connection of this transport, those in use too. */
    @Override
    public void close() {
        http.close();
    }

    /** Whether a request that got {@code status} (0: no response) is worth repeating. */
    static boolean isRetryable(int status) {
        return status == 0 || RETRYABLE_STATUSES.contains(status);
    }

    /** Between half the backoff and all of it ("equal jitter"). */
    static Duration jittered(Duration backoff) {
        long half = backoff.toMillis() / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(half + 1));
    }

    private Optional<Duration> retryAfter(RegistryResponse response) {
        return response.header("Retry-After").flatMap(value -> {
            try {
                Duration wait = Duration.ofSeconds(Long.parseLong(value.strip()));
                return Optional.of(wait.compareTo(options.maxBackoff()) > 0 ? options.maxBackoff() : wait);
            } catch (NumberFormatException httpDate) {
                return Optional.empty();
            }
        });
    }

    private static void pause(String operation, RegistryRequest request, Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryException(operation, 0, List.of(), request.uri(), "interrupted while waiting to retry",
                    e);
        }
    }

    /**
     * The body, which must not be longer than {@code limit} bytes.
     *
     * @throws BrokenResponseException when the body breaks off or stalls, which is worth asking again
     */
    byte[] readBody(String operation, RegistryResponse response, long limit) {
        try (InputStream body = response.body()) {
            byte[] content = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (content.length > limit) {
                throw new RegistryException(operation, response.statusCode(), List.of(), response.uri(),
                        "the response is larger than the " + limit + " bytes allowed");
            }
            return content;
        } catch (ExchangeWatch.DeadlineExceededException e) {
            throw new RegistryException(operation, response.statusCode(), List.of(), response.uri(),
                    "the registry is too slow: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new BrokenResponseException(operation, response.statusCode(), response.uri(),
                    "the response broke off: " + describe(e), e);
        }
    }

    /**
     * Runs {@code attempt} again, after a pause, when a response body broke off or stalled, up to the configured
     * number of retries.
     */
    <T> T retryingBrokenResponses(Supplier<T> attempt) {
        int retry = 0;
        while (true) {
            try {
                return attempt.get();
            } catch (BrokenResponseException e) {
                if (retry >= options.maxRetries()) {
                    throw e;
                }
                try {
                    Thread.sleep(jittered(options.backoffBefore(++retry)).toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** Up to 64 KiB of an error response, enough for the registry's JSON error body. */
    static byte[] readErrorBody(RegistryResponse response) {
        try (InputStream body = response.body()) {
            return body.readNBytes(ERROR_BODY_LIMIT);
        } catch (IOException e) {
            return new byte[0];
        }
    }

    /**
     * Releases a response that will not be read: a short body is read to its end so that its connection can be
     * reused, a longer one (or one that never ends) closes the connection instead.
     */
    static void discard(RegistryResponse response) {
        try (InputStream body = response.body()) {
            body.readNBytes(DISCARDED_BODY_LIMIT);
        } catch (IOException e) {
            // The connection is dropped instead of reused; nothing else depends on it.
        }
    }

    static String describe(Throwable failure) {
        String message = failure.getMessage();
        return failure.getClass().getSimpleName() + (message == null || message.isEmpty() ? "" : " " + message);
    }

    /**
     * A request's body, written afresh for each attempt: exactly the announced number of bytes, so that a body can
     * never desynchronize the connection, each write watched by the exchange's {@link ExchangeWatch}.
     */
    private static final class WatchedBody extends AbstractHttpEntity {
        private final RequestBody body;
        private final ExchangeWatch watch;

        WatchedBody(RequestBody body, ExchangeWatch watch) {
            super((ContentType) null, null);
            this.body = body;
            this.watch = watch;
        }

        @Override
        public void writeTo(OutputStream connection) throws IOException {
            WatchedStream out = new WatchedStream(connection);
            body.writer().writeTo(out);
            if (out.written != body.length()) {
                throw new IOException("the request body ended after " + out.written + " of the " + body.length()
                        + " bytes announced");
            }
            out.send();
        }

        @Override
        public long getContentLength() {
            return body.length();
        }

        @Override
        public InputStream getContent() {
            throw new UnsupportedOperationException("A request body is written, not read");
        }

        @Override
        public boolean isRepeatable() {
            return false;
        }

        @Override
        public boolean isStreaming() {
            return false;
        }

        @Override
        public void close() {
            // Nothing is held between attempts.
        }

        private final class WatchedStream extends FilterOutputStream {
            private long written;

            WatchedStream(OutputStream connection) {
                super(connection);
            }

            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                written += length;
                if (written > body.length()) {
                    throw new IOException("the request body is longer than the " + body.length()
                            + " bytes announced");
                }
                watch.writing();
                out.write(bytes, offset, length);
                watch.written(length);
            }

            /** Whatever the body flushes, the connection sends once the whole body is written. */
            @Override
            public void flush() {
                // See send.
            }

            void send() throws IOException {
                watch.writing();
                out.flush();
                watch.written(0);
            }

            @Override
            public void close() {
                // The connection stays open for the answer.
            }
        }
    }

    /**
     * An answer's body: read to its end, its connection goes back to the pool; closed before, the connection is
     * closed instead of reading the rest. Its reads count towards the exchange's deadline, which ends with it.
     */
    private static final class AnswerBody extends InputStream {
        private final InputStream content;
        private final Cancellable exchange;
        private final ExchangeWatch watch;
        private boolean ended;

        AnswerBody(InputStream content, Cancellable exchange, ExchangeWatch watch) {
            this.content = content;
            this.exchange = exchange;
            this.watch = watch;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            if (ended) {
                return -1;
            }
            int read;
            try {
                read = content.read(bytes, offset, length);
            } catch (IOException e) {
                close();
                throw watch.failure(e);
            }
            if (read == -1) {
                ended = true;
                watch.stop();
            } else {
                watch.moved(read);
            }
            return read;
        }

        @Override
        public void close() {
            if (!ended) {
                ended = true;
                exchange.cancel();
            }
            watch.stop();
            try {
                content.close();
            } catch (IOException e) {
                // The connection was closed above, or released at the end of the body.
            }
        }
    }
}
