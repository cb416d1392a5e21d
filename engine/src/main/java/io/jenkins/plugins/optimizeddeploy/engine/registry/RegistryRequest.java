package io.jenkins.plugins.optimizeddeploy.engine.registry;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One HTTP request to a registry or its token server, as {@link RegistryTransport} sends it: immutable, so that
 * every attempt sends the same thing (a body is written afresh for each).
 *
 * @param timeout  how long to wait for the response, and the longest pause allowed while its body is read
 * @param deadline how long the whole exchange may take, up to the last byte of the answer's body, before its pace
 *                 counts (see {@link RegistryOptions#requestDeadline()})
 */
record RegistryRequest(String method, URI uri, Map<String, String> headers, Duration timeout, Duration deadline,
        RequestBody body) {
    RegistryRequest {
        headers = Map.copyOf(headers);
    }

    /** This request with the header {@code name} set to {@code value}. */
    RegistryRequest header(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new RegistryRequest(method, uri, more, timeout, deadline, body);
    }

    RegistryRequest timeout(Duration other) {
        return new RegistryRequest(method, uri, headers, other, deadline, body);
    }

    RegistryRequest body(RequestBody other) {
        return new RegistryRequest(method, uri, headers, timeout, deadline, other);
    }

    /** Without the headers' values, which may hold credentials. */
    @Override
    public String toString() {
        return method + " " + RedactedUrl.of(uri) + " " + headers.keySet();
    }
}
