package io.jenkins.plugins.optimizeddeploy.engine.retag;

import io.jenkins.plugins.optimizeddeploy.engine.registry.RequestKind;
import io.jenkins.plugins.optimizeddeploy.engine.registry.TrafficSnapshot;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a retag did: the outcome for the whole set, why it failed ("" when it did not), per source image its digest
 * and the tags pointing at it now, per target tag what happened, the requests it sent by kind, the blob bytes it
 * copied and how long it took.
 */
public record RetagResult(RetagOutcome outcome, String failure, List<RetaggedImage> images, List<TagResult> tags,
        TrafficSnapshot traffic, long durationMillis) implements Serializable {
    public RetagResult {
        images = List.copyOf(images);
        tags = List.copyOf(tags);
    }

    /** Whether every target tag moved. */
    public boolean moved() {
        return outcome == RetagOutcome.MOVED;
    }

    /** The request counts by kind label ({@code manifest PUT}...), without kinds that were not used. */
    public Map<String, Long> requestCounts() {
        return traffic.requests().entrySet().stream().filter(count -> count.getValue() > 0)
                .sorted(Map.Entry.comparingByKey())
                .collect(Collectors.toMap(count -> count.getKey().label(), Map.Entry::getValue, Long::sum,
                        LinkedHashMap::new));
    }

    /** The report people read, one line each: outcome, reason, tags that did not simply move, counters. */
    public List<String> summary() {
        List<String> lines = new ArrayList<>();
        switch (outcome) {
            case MOVED -> lines.add("retag: all " + tags.size() + " tags of " + images.size()
                    + " image(s) point at their sources");
            case NOTHING_MOVED -> lines.add("retag: nothing moved: " + failure);
            case ROLLBACK_INCOMPLETE -> lines.add("retag: failed and could not put every tag back: " + failure);
        }
        for (TagResult tag : tags) {
            if (outcome == RetagOutcome.MOVED || tag.outcome() != TagOutcome.NOT_TOUCHED) {
                lines.add("  " + tag.target() + " " + describe(tag));
            }
        }
        lines.add("  " + traffic.totalRequests() + " requests (" + requestCounts().entrySet().stream()
                .map(count -> count.getValue() + " " + count.getKey()).collect(Collectors.joining(", ")) + "), "
                + traffic.blobBytes() + " blob bytes copied, " + durationMillis + " ms");
        return lines;
    }

    private static String describe(TagResult tag) {
        String text = switch (tag.outcome()) {
            case MOVED -> "-> " + tag.digest() + (tag.previousDigest() == null ? " (new tag)"
                    : " (was " + tag.previousDigest() + ")");
            case ALREADY_THERE -> "= " + tag.digest() + " (already there)";
            case NOT_TOUCHED -> "not touched";
            case RESTORED -> "put back to " + tag.previousDigest();
            case REMOVED -> "removed again (it did not exist before)";
            case LEFT_AT_NEW_DIGEST -> "LEFT pointing at " + tag.digest() + " although it did not exist before";
            // NOT_RESTORED; a default, as an exhaustive enum switch compiles to an exception without a message
            default -> "NOT put back to " + (tag.previousDigest() == null ? "nothing" : tag.previousDigest());
        };
        return tag.note().isEmpty() ? text : text + ": " + tag.note();
    }

    /** How many requests of {@code kind} the retag sent. */
    public long requests(RequestKind kind) {
        return traffic.requests(kind);
    }
}
