package io.jenkins.plugins.optimizeddeploy.engine.imagebuild;

import io.jenkins.plugins.optimizeddeploy.engine.cache.CachePlan;
import io.jenkins.plugins.optimizeddeploy.engine.errors.BadInputException;
import io.jenkins.plugins.optimizeddeploy.engine.image.ImageReference;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One target as it will be built: absolute context and Dockerfile, the stage, the intermediate stages it needs
 * (in Dockerfile order), every image reference it is pushed as, labels (OCI ones included), build arguments,
 * named build contexts (a local folder made absolute, else as written: {@code docker-image://REF},
 * {@code target:NAME}, a URL), platforms (none: the agent's) and its cache plan.
 */
public record PlannedTarget(String name, Path context, Path dockerfile, String stage, List<String> intermediateStages,
        List<ImageReference> images, Map<String, String> labels, Map<String, String> args, Map<String, String> contexts,
        List<String> platforms, CachePlan cache) {
    private static final Pattern URL_USER_INFO = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*://([^/@]+)@");

    public PlannedTarget {
        Objects.requireNonNull(name, "target name");
        intermediateStages = List.copyOf(intermediateStages);
        images = List.copyOf(images);
        if (images.isEmpty()) {
            throw new BadInputException("Target " + name + " has no image name: give a registry or tags in the bake file");
        }
        labels = Map.copyOf(labels);
        args = Map.copyOf(args);
        contexts = Map.copyOf(contexts);
        platforms = List.copyOf(platforms);
    }

    /**
     * The target {@code name} built from {@code dockerfile} in {@code context} to {@code stage} (empty for the last);
     * every other part is named on the builder.
     */
    public static Builder builder(String name, Path context, Path dockerfile, String stage) {
        return new Builder(name, context, dockerfile, stage);
    }

    /**
     * For a backend that builds one platform per image.
     *
     * @throws ImageBuildException naming the target and its platforms when there are several
     */
    public void requireOnePlatform(Path bakeFile, String backend) {
        if (platforms.size() > 1) {
            throw new ImageBuildException("Target " + name + " of " + bakeFile + " is for the platforms " + platforms + ", but "
                    + backend + " builds one platform per image: build it with the buildx backend, or ask for one platform");
        }
    }

    /** The first image reference: the one the digest is read from. */
    public ImageReference image() {
        return images.get(0);
    }

    /**
     * {@link #images()} as the backends tag and push them: canonical, {@code docker.io/library/web:latest} for a
     * bake file's {@code web}. docker stores that as {@code web:latest} and pushes it where {@code web} goes; buildah
     * would read the short name as {@code localhost/web}.
     */
    public List<String> imagesAsText() {
        return images.stream().map(ImageReference::toString).toList();
    }

    public SortedMap<String, String> sortedArgs() {
        return new TreeMap<>(args);
    }

    /**
     * What to mask of named contexts given as URLs with user information ({@code https://user:token@host/...}): the
     * user information and its password part.
     */
    public List<String> contextCredentials() {
        List<String> credentials = new ArrayList<>();
        for (String value : contexts.values()) {
            Matcher url = URL_USER_INFO.matcher(value);
            if (url.find()) {
                String userInfo = url.group(1);
                credentials.add(userInfo);
                if (userInfo.contains(":")) {
                    credentials.add(userInfo.substring(userInfo.indexOf(':') + 1));
                }
            }
        }
        return credentials;
    }

    public SortedMap<String, String> sortedContexts() {
        return new TreeMap<>(contexts);
    }

    public SortedMap<String, String> sortedLabels() {
        return new TreeMap<>(labels);
    }

    /** Names each part of a target as it is set: unset maps and lists are empty, an unset cache plan null. */
    public static final class Builder {
        private final String name;
        private final Path context;
        private final Path dockerfile;
        private final String stage;
        private List<String> intermediateStages = List.of();
        private List<ImageReference> images = List.of();
        private Map<String, String> labels = Map.of();
        private Map<String, String> args = Map.of();
        private Map<String, String> contexts = Map.of();
        private List<String> platforms = List.of();
        private CachePlan cache;

        private Builder(String name, Path context, Path dockerfile, String stage) {
            this.name = name;
            this.context = context;
            this.dockerfile = dockerfile;
            this.stage = stage;
        }

        /** @param intermediateStages the stages the target needs, in Dockerfile order */
        public Builder intermediateStages(List<String> intermediateStages) {
            this.intermediateStages = intermediateStages;
            return this;
        }

        /** @param images every reference the target is pushed as; the first is the one the digest is read from */
        public Builder images(List<ImageReference> images) {
            this.images = images;
            return this;
        }

        public Builder labels(Map<String, String> labels) {
            this.labels = labels;
            return this;
        }

        public Builder args(Map<String, String> args) {
            this.args = args;
            return this;
        }

        /** @param contexts the named build contexts, by name */
        public Builder contexts(Map<String, String> contexts) {
            this.contexts = contexts;
            return this;
        }

        /** @param platforms none: the agent's */
        public Builder platforms(List<String> platforms) {
            this.platforms = platforms;
            return this;
        }

        public Builder cache(CachePlan cache) {
            this.cache = cache;
            return this;
        }

        public PlannedTarget build() {
            return new PlannedTarget(name, context, dockerfile, stage, intermediateStages, images, labels, args,
                    contexts, platforms, cache);
        }
    }
}
