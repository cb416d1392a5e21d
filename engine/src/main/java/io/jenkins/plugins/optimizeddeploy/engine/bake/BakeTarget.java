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

    /**
     * A target named {@code name} built from {@code dockerfile} in {@code context}, to {@code stage} (empty for the
     * last); every other part is named on the builder.
     */
    public static Builder builder(String name, String context, String dockerfile, String stage) {
        return new Builder(name, context, dockerfile, stage);
    }

    /** The build arguments in name order, for stable argument lists. */
    public SortedMap<String, String> sortedArgs() {
        return new TreeMap<>(args);
    }

    /** Names each part of a target as it is set: unset maps and lists are empty. */
    public static final class Builder {
        private final String name;
        private final String context;
        private final String dockerfile;
        private final String stage;
        private Map<String, String> args = Map.of();
        private List<String> tags = List.of();
        private Map<String, String> labels = Map.of();
        private List<String> platforms = List.of();
        private List<String> cacheFrom = List.of();
        private List<String> cacheTo = List.of();
        private Map<String, String> contexts = Map.of();

        private Builder(String name, String context, String dockerfile, String stage) {
            this.name = name;
            this.context = context;
            this.dockerfile = dockerfile;
            this.stage = stage;
        }

        public Builder args(Map<String, String> args) {
            this.args = args;
            return this;
        }

        public Builder tags(List<String> tags) {
            this.tags = tags;
            return this;
        }

        public Builder labels(Map<String, String> labels) {
            this.labels = labels;
            return this;
        }

        public Builder platforms(List<String> platforms) {
            this.platforms = platforms;
            return this;
        }

        /** @param cacheFrom the {@code cache-from} entries, {@code cacheTo} the {@code cache-to} ones */
        public Builder cache(List<String> cacheFrom, List<String> cacheTo) {
            this.cacheFrom = cacheFrom;
            this.cacheTo = cacheTo;
            return this;
        }

        /** @param contexts the named contexts, by name */
        public Builder contexts(Map<String, String> contexts) {
            this.contexts = contexts;
            return this;
        }

        public BakeTarget build() {
            return new BakeTarget(name, context, dockerfile, stage, args, tags, labels, platforms, cacheFrom, cacheTo,
                    contexts);
        }
    }
}
