package io.jenkins.plugins.optimizeddeploy.engine.registry;

import java.io.IOException;
import java.io.InputStream;
import java.net.ProxySelector;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Sends requests on the caller's thread over the client's own {@link ConnectionPool}, with the options' TLS trust
 * and timeouts, and the retry policy: requests are repeated after connection errors and HTTP 408, 429, 500, 502,
 * 503 and 504, pausing as {@link RegistryOptions} says (with jitter, so that parallel requests do not retry in
 * lockstep). Every attempt is counted by kind. A thread interrupted while it waits for an answer or a retry ends its
 * request at once, without retrying.
 *
 * <p>No byte of a request or an answer may take longer than the request timeout to go out or arrive, so a registry
 * that stops reading or sending halfway fails the request instead of holding it forever; nor may the whole exchange
 * take longer than the request deadline (plus a second per 256 KiB moved), which is not retried: a registry that
 * trickles its answer would do so again. Of the JVM's settings only
 * the proxy selector takes part: no authenticator answers a registry, and no connection is shared with other code.
 */
final class RegistryTransport implements AutoCloseable {
    private static final int ERROR_BODY_LIMIT = 64 * 1024;
    /** What is read of a body nobody needs, to keep its connection: error bodies and pings are far shorter. */
    private static final int DISCARDED_BODY_LIMIT = 64 * 1024;
    private static final Set<Integer> RETRYABLE_STATUSES = Set.of(408, 429, 500, 502, 503, 504);

    private final RegistryOptions options;
    private final ConnectionPool connections;
    private final RegistryTraffic traffic = new RegistryTraffic();

    RegistryTransport(RegistryOptions options) {
        this(options, ProxySelector::getDefault);
    }

    /** With the proxy selector {@code proxies} gives instead of the JVM's. */
    RegistryTransport(RegistryOptions options, Supplier<ProxySelector> proxies) {
        this.options = options;
        this.connections = new ConnectionPool(RegistryTrust.socketFactory(options), proxies, options.connectTimeout(),
                options.parallelism());
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
                if (e instanceof HttpConnection.DeadlineExceededException) {
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
     * goes once more on a new connection.
     */
    private RegistryResponse exchange(RegistryRequest request) throws IOException {
        HttpConnection connection = connections.take(request.uri(), request.timeout());
        try {
            return exchangeOn(connection, request);
        } catch (HttpConnection.NoResponseException closedWhileIdle) {
            if (!connection.reused() || Thread.currentThread().isInterrupted()) {
                throw closedWhileIdle;
            }
        }
        return exchangeOn(connections.open(request.uri(), request.timeout()), request);
    }

    /** {@code request} on {@code connection}, which is closed when the exchange fails. */
    private RegistryResponse exchangeOn(HttpConnection connection, RegistryRequest request) throws IOException {
        try {
            return connection.exchange(request);
        } catch (IOException | RuntimeException e) {
            connections.discard(connection);
            throw e;
        }
    }

    /**
     * Opens a connection to the server of {@code uri} ahead of the requests that will need it, so that they need not
     * wait for its TCP and TLS handshakes. Best effort: a connection that cannot be opened is left to the request
     * that needs it, which then says why.
     */
    void openAhead(URI uri) {
        try {
            connections.openAhead(uri, options.requestTimeout());
        } catch (IOException | RuntimeException e) {
            // See above: the request that needs the connection reports the problem.
        }
    }

    /** Closes every connection of this transport, those in use too. */
    @Override
    public void close() {
        connections.close();
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
        } catch (HttpConnection.DeadlineExceededException e) {
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
}
