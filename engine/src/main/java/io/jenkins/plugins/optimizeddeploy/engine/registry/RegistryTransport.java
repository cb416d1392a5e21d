package io.jenkins.plugins.optimizeddeploy.engine.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Authenticator;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLSocketFactory;

/**
 * Sends requests over the JDK's blocking HTTP connections on the caller's thread, with the options' TLS trust and
 * timeouts, and the retry policy: requests are repeated after connection errors and HTTP 408, 429, 500, 502, 503
 * and 504, pausing as {@link RegistryOptions} says (with jitter, so that parallel requests do not retry in
 * lockstep). Every attempt is counted by kind. Connections are kept alive between requests in the JDK's cache
 * (per host and TLS trust), which outlives the client: the next client to the same registry reuses them.
 *
 * <p>The read timeout is the request timeout: no byte of the response may take longer to arrive, headers or body,
 * so a registry that stops sending halfway fails the read instead of holding it forever.
 */
final class RegistryTransport {
    private static final int ERROR_BODY_LIMIT = 64 * 1024;
    private static final Set<Integer> RETRYABLE_STATUSES = Set.of(408, 429, 500, 502, 503, 504);
    private static final Set<String> METHODS_WITH_BODY = Set.of("POST", "PUT");
    /**
     * Answers no challenge, so that an authenticator installed JVM-wide (Jenkins installs one for its proxy) never
     * hands its credentials to a registry: challenges are answered by {@link Authorizations} only.
     */
    private static final Authenticator NO_AUTHENTICATOR = new Authenticator() { };

    private final RegistryOptions options;
    private final SSLSocketFactory tls;
    private final RegistryTraffic traffic = new RegistryTraffic();

    RegistryTransport(RegistryOptions options) {
        this.options = options;
        this.tls = RegistryTrust.socketFactory(options);
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
                RequestBody.EMPTY);
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

    private RegistryResponse exchange(RegistryRequest request) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) request.uri().toURL().openConnection();
        try {
            if (connection instanceof HttpsURLConnection https) {
                https.setSSLSocketFactory(tls);
            }
            connection.setAuthenticator(NO_AUTHENTICATOR);
            connection.setConnectTimeout(millis(options.connectTimeout()));
            connection.setReadTimeout(millis(request.timeout()));
            connection.setInstanceFollowRedirects(false);
            connection.setUseCaches(false);
            connection.setRequestMethod(request.method());
            request.headers().forEach(connection::setRequestProperty);
            if (METHODS_WITH_BODY.contains(request.method())) {
                connection.setDoOutput(true);
                if (request.body().streamed()) {
                    connection.setFixedLengthStreamingMode(request.body().length());
                }
                try (OutputStream out = connection.getOutputStream()) {
                    request.body().writer().writeTo(out);
                }
            }
            int status = connection.getResponseCode();
            if (status < 0) {
                throw new IOException("the answer is not HTTP");
            }
            InputStream body = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
            return new RegistryResponse(status, request.uri(), connection.getHeaderFields(),
                    body == null ? InputStream.nullInputStream() : body);
        } catch (IOException | RuntimeException e) {
            // Half a request or an unread answer: the connection cannot be reused.
            connection.disconnect();
            throw e;
        }
    }

    private static int millis(Duration duration) {
        return (int) Math.min(Integer.MAX_VALUE, duration.toMillis());
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
            // The JDK's connection ends a body early, without an error, when the server closes it halfway.
            Optional<Long> announced = response.headerAsLong("Content-Length");
            if (announced.isPresent() && announced.get() != content.length) {
                throw new BrokenResponseException(operation, response.statusCode(), response.uri(),
                        "the response broke off after " + content.length + " of " + announced.get() + " bytes", null);
            }
            return content;
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

    /** Releases a response that will not be read, so that its connection can be reused or closed. */
    static void discard(RegistryResponse response) {
        try (InputStream body = response.body()) {
            body.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            // The connection is dropped instead of reused; nothing else depends on it.
        }
    }

    static String describe(Throwable failure) {
        String message = failure.getMessage();
        return failure.getClass().getSimpleName() + (message == null || message.isEmpty() ? "" : " " + message);
    }
}
