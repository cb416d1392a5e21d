package io.jenkins.plugins.optimizeddeploy.engine.metrics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * A run against an earlier one (the previous successful build, or the pinned baseline).
 *
 * @param reference   the earlier build's display name
 * @param images      every image of either run, by name
 * @param phases      every phase either run recorded, in phase order
 * @param totalMillis the phases' wall time, summed
 * @param totalSize   the images' compressed sizes, summed
 */
public record Comparison(String reference, List<ImageChange> images, Map<Phase, Delta> phases, Delta totalMillis,
        Delta totalSize) {
    public Comparison {
        images = List.copyOf(images);
        Map<Phase, Delta> inPhaseOrder = new EnumMap<>(Phase.class);
        inPhaseOrder.putAll(phases);
        phases = Collections.unmodifiableMap(inPhaseOrder);
    }

    public static Comparison of(RunMetrics current, RunMetrics earlier) {
        List<ImageChange> images = new ArrayList<>();
        TreeSet<String> names = new TreeSet<>(current.images().keySet());
        names.addAll(earlier.images().keySet());
        ImageMetrics none = new ImageMetrics(null, null, 0, 0, List.of());
        for (String name : names) {
            ImageMetrics before = earlier.images().get(name);
            ImageMetrics after = current.images().get(name);
            ImageChange.Kind kind = before == null ? ImageChange.Kind.ADDED
                    : after == null ? ImageChange.Kind.REMOVED : ImageChange.Kind.KEPT;
            before = before == null ? none : before;
            after = after == null ? none : after;
            images.add(new ImageChange(name, kind, Delta.of(before.compressedBytes(), after.compressedBytes()),
                    Delta.of(before.layers(), after.layers()),
                    kind != ImageChange.Kind.KEPT || !Objects.equals(before.digest(), after.digest())));
        }
        Map<Phase, Delta> phases = new EnumMap<>(Phase.class);
        for (Phase phase : Phase.values()) {
            if (current.phaseMillis().containsKey(phase) || earlier.phaseMillis().containsKey(phase)) {
                phases.put(phase, Delta.of(earlier.phaseMillis().getOrDefault(phase, 0L),
                        current.phaseMillis().getOrDefault(phase, 0L)));
            }
        }
        return new Comparison(earlier.build(), images, phases, Delta.of(earlier.totalMillis(), current.totalMillis()),
                Delta.of(earlier.totalSize(), current.totalSize()));
    }
}
