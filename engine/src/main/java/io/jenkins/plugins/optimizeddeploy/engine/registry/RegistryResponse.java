package io.jenkins.plugins.optimizeddeploy.engine.registry;

import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A response's status and headers (names in any case), the URI it came from, and its body, which the receiver
 * reads or {@linkplain RegistryTransport#discard discards} so that the connection can be kept for the next request.
 */
final class RegistryResponse {
    private final int status;
    private final URI uri;
    private final Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final InputStream body;

    RegistryResponse(int status, URI uri, Map<String, List<String>> headers, InputStream body) {
        this.status = status;
        this.uri = uri;
        headers.forEach((name, values) -> this.headers.put(name, List.copyOf(values)));
        this.body = body;
    }

    int statusCode() {
        return status;
    }

    URI uri() {
        return uri;
    }

    InputStream body() {
        return body;
    }

    Optional<String> header(String name) {
        return headers(name).stream().findFirst();
    }

    List<String> headers(String name) {
        return headers.getOrDefault(name, List.of());
    }

    /** The header's value as a number, or empty when it is absent or not a number. */
    Optional<Long> headerAsLong(String name) {
        try {
            return header(name).map(value -> Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
