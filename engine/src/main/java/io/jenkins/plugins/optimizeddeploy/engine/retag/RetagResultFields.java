package io.jenkins.plugins.optimizeddeploy.engine.retag;

import io.jenkins.plugins.optimizeddeploy.engine.image.Digest;
import io.jenkins.plugins.optimizeddeploy.engine.image.ImageReference;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A retag's result as plain ordered maps, lists, strings and numbers: the one shape the command line's JSON and the
 * Pipeline step's returned value share, so a field has one name in both.
 */
public final class RetagResultFields {

    private RetagResultFields() {
    }

    /**
     * {@code outcome}, {@code failure} ("" when it did not fail), {@code images} (see {@link #images}), {@code tags}:
     * per target tag {@code target}, {@code source}, {@code previousDigest}, {@code digest}, {@code outcome} and
     * {@code note}; {@code traffic}: {@code requests} by kind and {@code blobBytes}; and {@code durationMillis}.
     */
    public static Map<String, Object> of(RetagResult result) {
        List<Map<String, Object>> tags = new ArrayList<>();
        for (TagResult tag : result.tags()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("target", tag.target().toString());
            entry.put("source", tag.source().toString());
            entry.put("previousDigest", textOf(tag.previousDigest()));
            entry.put("digest", textOf(tag.digest()));
            entry.put("outcome", tag.outcome().name());
            entry.put("note", tag.note());
            tags.add(entry);
        }
        Map<String, Object> requests = new TreeMap<>();
        result.traffic().requests().forEach((kind, count) -> requests.put(kind.name(), count));
        Map<String, Object> traffic = new LinkedHashMap<>();
        traffic.put("requests", requests);
        traffic.put("blobBytes", result.traffic().blobBytes());
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("outcome", result.outcome().name());
        map.put("failure", result.failure());
        map.put("images", images(result));
        map.put("tags", tags);
        map.put("traffic", traffic);
        map.put("durationMillis", result.durationMillis());
        return map;
    }

    /**
     * Per source image, in the order given: {@code image}, {@code digest}, {@code mediaType} and {@code tags}
     * (pointing at it now); what the {@code retagImages} step returns.
     */
    public static List<Map<String, Object>> images(RetagResult result) {
        List<Map<String, Object>> images = new ArrayList<>();
        for (RetaggedImage image : result.images()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("image", image.source().toString());
            entry.put("digest", image.digest().toString());
            entry.put("mediaType", image.mediaType());
            entry.put("tags", new ArrayList<>(image.tags().stream().map(ImageReference::toString).toList()));
            images.add(entry);
        }
        return images;
    }

    /** A digest as text, "" for none: a tag that did not exist. */
    private static String textOf(Digest digest) {
        return digest == null ? "" : digest.toString();
    }
}
