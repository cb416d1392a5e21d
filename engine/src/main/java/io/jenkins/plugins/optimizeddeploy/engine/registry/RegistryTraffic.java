package io.jenkins.plugins.optimizeddeploy.engine.registry;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/** Counters of one client: requests sent by kind (every attempt, retries included) and blob bytes uploaded. */
final class RegistryTraffic {
    private final AtomicLongArray requests = new AtomicLongArray(RequestKind.values().length);
    private final LongAdder blobBytes = new LongAdder();

    void count(RequestKind kind) {
        requests.incrementAndGet(kind.ordinal());
    }

    void addBlobBytes(long bytes) {
        blobBytes.add(bytes);
    }

    TrafficSnapshot snapshot() {
        Map<RequestKind, Long> byKind = new EnumMap<>(RequestKind.class);
        for (RequestKind kind : RequestKind.values()) {
            byKind.put(kind, requests.get(kind.ordinal()));
        }
        return new TrafficSnapshot(byKind, blobBytes.sum());
    }
}
