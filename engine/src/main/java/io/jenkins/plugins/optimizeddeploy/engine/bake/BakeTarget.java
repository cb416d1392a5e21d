package io.jenkins.plugins.optimizeddeploy.engine.bake;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One bake target after variables, interpolation and {@code inherits} are applied. {@code stage} is the
 * Dockerfile stage to build ({@code target} in the bake file), empty for the last stage.
 */
public record BakeTarget(
        String name,
        String context,
        String dockerfile,
        String stage,
        Map<String, String> args,
        List<String> tags,
        Map<String, String> labels,
        List<String> platforms,
        List<String> cacheFrom,
        List<String> cacheTo,
        Map<String, String> contexts) implements Serializable {

    public BakeTarget {
        Objects.requireNonNull(name, "target name");
        Objects.requireNonNull(context, "context of target " + name);
        Objects.requireNonNull(dockerfile, "dockerfile of target " + name);
        Objects.requireNonNull(stage, "stage of target " + name);
        args = Map.copyOf(args);
        tags = List.copyOf(tags);
        labels = Map.copyOf(labels);
        platforms = List.copyOf(platforms);
        cacheFrom = List.copyOf(cacheFrom);
        cacheTo = List.copyOf(cacheTo);
        contexts = Map.copyOf(contexts);
    }

    /** The build arguments in name order, for stable argument lists. */
    public SortedMap<String, String> sortedArgs() {
        return new TreeMap<>(args);
    }
}
