package io.jenkins.plugins.optimizeddeploy.engine.deploy;

import io.jenkins.plugins.optimizeddeploy.engine.http.OwnedHttpClient;
import io.jenkins.plugins.optimizeddeploy.engine.http.TextResponse;
import io.jenkins.plugins.optimizeddeploy.engine.image.Digest;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;

/**
 * The one door of the targets that deploy over HTTP (CapRover, a webhook): a request that never follows a redirect
 * (it would carry the credentials elsewhere) and ends by the deploy's deadline, or at once when the thread is
 * interrupted. Failures are a {@link DeployException} naming what was being done, never a header or a body, which
 * hold the secrets.
 */
final class DeployHttp {
    private static final Duration CONNECT = Duration.ofSeconds(10);
    /** The longest one request may take, however far the deadline is (Standard Webhooks suggests 15-30 s). */
    private static final Duration LONGEST_REQUEST = Duration.ofSeconds(30);
    private static final Duration SHORTEST_REQUEST = Duration.ofSeconds(1);

    private final OwnedHttpClient client = OwnedHttpClient.forSingleExchanges(CONNECT);

    /**
     * Sends {@code request}, which may take what is left until {@code deadline}, within bounds.
     *
     * @param what what the request does, for messages, e.g. {@code log in to CapRover https://captain.example.com}
     */
    TextResponse send(HttpUriRequestBase request, Instant deadline, String what) {
        Duration left = Duration.between(Instant.now(), deadline);
        Duration timeout = left.compareTo(SHORTEST_REQUEST) < 0 ? SHORTEST_REQUEST
                : left.compareTo(LONGEST_REQUEST) > 0 ? LONGEST_REQUEST : left;
        try {
            return client.send(request, timeout);
        } catch (IOException e) {
            throw new DeployException("could not " + what + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeployException("interrupted while trying to " + what, e);
        }
    }

    /**
     * A {@code method} request to {@code url} with {@code headers} and {@code body} (none when null).
     *
     * @throws IllegalArgumentException when a header value holds a line break (the value is not shown)
     */
    static HttpUriRequestBase request(String method, URI url, Map<String, String> headers, byte[] body) {
        HttpUriRequestBase request = new HttpUriRequestBase(method, url);
        headers.forEach((name, value) -> OwnedHttpClient.addHeader(request, name, value));
        if (body != null) {
            request.setEntity(new ByteArrayEntity(body, null));
        }
        return request;
    }

    /** The first line of a response body, at most 200 characters: what a message quotes of a refusal. */
    static String firstLine(String body) {
        String line = body.strip().lines().findFirst().orElse("");
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }

    /**
     * {@code scheme://host[:port]} and a short hash of the whole URL: names an endpoint in a lock and the history
     * without its path and query, which may hold a token (many deploy hooks put their secret there).
     */
    static String redacted(URI url) {
        return origin(url) + " #" + Digest.sha256Of(url.toString().getBytes(StandardCharsets.UTF_8)).hex().substring(0, 12);
    }

    /** {@code scheme://host[:port]}: no user information, path or query. */
    static String origin(URI url) {
        return url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort());
    }
}
