package io.jenkins.plugins.optimizeddeploy.engine.registry;

import java.io.Serializable;
import java.util.EnumMap;
import java.util.Map;

/**
 * What a client has sent so far: requests by kind (each attempt counts, so retries show) and the bytes of blobs
 * it uploaded. {@link #since} gives the traffic of one operation.
 */
public record TrafficSnapshot(Map<RequestKind, Long> requests, long blobBytes) implements Serializable {
    public TrafficSnapshot {
        EnumMap<RequestKind, Long> complete = new EnumMap<>(RequestKind.class);
        for (RequestKind kind : RequestKind.values()) {
            complete.put(kind, requests.getOrDefault(kind, 0L));
        }
        requests = Map.copyOf(complete);
    }

    /** The requests of one kind. */
    public long requests(RequestKind kind) {
        return requests.get(kind);
    }

    /** All requests. */
    public long totalRequests() {
        return requests.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The traffic between {@code earlier} and this snapshot. */
    public TrafficSnapshot since(TrafficSnapshot earlier) {
        Map<RequestKind, Long> difference = new EnumMap<>(RequestKind.class);
        requests.forEach((kind, count) -> difference.put(kind, count - earlier.requests(kind)));
        return new TrafficSnapshot(difference, blobBytes - earlier.blobBytes);
    }
}
