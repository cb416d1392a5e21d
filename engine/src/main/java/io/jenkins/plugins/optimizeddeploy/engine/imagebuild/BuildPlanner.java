package io.jenkins.plugins.optimizeddeploy.engine.imagebuild;

import io.jenkins.plugins.optimizeddeploy.engine.bake.BakeDefinition;
import io.jenkins.plugins.optimizeddeploy.engine.bake.BakeFileReader;
import io.jenkins.plugins.optimizeddeploy.engine.bake.BakeReading;
import io.jenkins.plugins.optimizeddeploy.engine.bake.BakeTarget;
import io.jenkins.plugins.optimizeddeploy.engine.bake.BuildableTargetCheck;
import io.jenkins.plugins.optimizeddeploy.engine.cache.CachePlan;
import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Dockerfile;
import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.DockerfileParser;
import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Stage;
import io.jenkins.plugins.optimizeddeploy.engine.errors.BadInputException;
import io.jenkins.plugins.optimizeddeploy.engine.image.ImageReference;
import io.jenkins.plugins.optimizeddeploy.engine.image.InvalidReferenceException;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns a bake file and a {@link BuildRequest} into a {@link BuildPlan}: the selected targets, image names
 * ({@code REGISTRY/TARGET:TAG}), tags (given, else commit, build number and branch), OCI labels and platform.
 */
public final class BuildPlanner {
    /** The OCI annotation keys every planned image is labelled with (when the value is known). */
    public static final String LABEL_SOURCE = "org.opencontainers.image.source";
    public static final String LABEL_REVISION = "org.opencontainers.image.revision";
    public static final String LABEL_CREATED = "org.opencontainers.image.created";
    private static final int SHORT_COMMIT = 12;

    private BuildPlanner() {
    }

    /**
     * Reads {@code bakeFile} with the built-in reader (variables overridden by the request's environment) and plans
     * the request.
     */
    public static BuildPlan plan(Path bakeFile, BuildRequest request) {
        Path absolute = bakeFile.toAbsolutePath().normalize();
        return plan(absolute, BakeFileReader.read(absolute, request.environment()), request);
    }

    static BuildPlan plan(Path bakeFile, BakeDefinition bake, BuildRequest request) {
        return plan(bakeFile, new BakeReading(bake, request.targets(), "the built-in reader", ""), request);
    }

    /** Plans the request's targets as {@code reading} selects them from {@code bakeFile}. */
    public static BuildPlan plan(Path bakeFile, BakeReading reading, BuildRequest request) {
        BakeDefinition bake = reading.definition();
        List<String> tags = request.tags().isEmpty() ? derivedTags(request.revision()) : request.tags();
        Map<Path, Dockerfile> dockerfiles = new LinkedHashMap<>();
        List<PlannedTarget> targets = new ArrayList<>();
        for (BakeTarget target : reading.requested()) {
            Path context = bakeFile.getParent().resolve(target.context()).normalize();
            Path dockerfile = context.resolve(target.dockerfile()).normalize();
            targets.add(PlannedTarget.builder(target.name(), context, dockerfile, target.stage())
                    .intermediateStages(intermediateStages(dockerfiles.computeIfAbsent(dockerfile, DockerfileParser::parse),
                            target.stage()))
                    .images(images(bakeFile, target, request.registry(), tags))
                    .labels(labels(target, request.revision()))
                    .args(target.args())
                    .contexts(namedContexts(target, bakeFile.getParent()))
                    .platforms(request.platform().isBlank() ? target.platforms() : requestedPlatforms(request.platform()))
                    .cache(CachePlan.forTarget(target.name(), request.cache()))
                    .build());
        }
        Map<String, String> variableValues = new LinkedHashMap<>(request.environment());
        variableValues.keySet().removeIf(name -> !bake.variables().containsKey(name) && !name.equals(SourceDate.VARIABLE));
        return new BuildPlan(bakeFile, targets, variableValues);
    }

    /**
     * The request's comma-separated platforms, blanks dropped.
     *
     * @throws BadInputException naming the platform argument when one is not os/arch[/variant]
     */
    static List<String> requestedPlatforms(String platform) {
        List<String> platforms = new ArrayList<>();
        for (String entry : platform.split(",")) {
            if (!entry.isBlank()) {
                platforms.add(entry.strip());
            }
        }
        platforms.forEach(entry -> BuildableTargetCheck.requireValidPlatform(entry, problem ->
                new BadInputException("The platform argument '" + platform + "' has '" + entry + "', which " + problem)));
        return platforms;
    }

    /** Named contexts as bake passes them: a value without a scheme is a folder, relative to the bake file's. */
    static Map<String, String> namedContexts(BakeTarget target, Path bakeDirectory) {
        Map<String, String> contexts = new LinkedHashMap<>();
        target.contexts().forEach((name, value) -> contexts.put(name, value.contains("://") || value.startsWith("target:")
                ? value : bakeDirectory.resolve(value).normalize().toString()));
        return contexts;
    }

    /** The commit (first {@value #SHORT_COMMIT} characters), {@code build-N} and the branch; {@code latest} if none is known. */
    static List<String> derivedTags(SourceRevision revision) {
        Set<String> tags = new LinkedHashSet<>();
        revision.commitIfKnown().ifPresent(commit -> tags.add(commit.substring(0, Math.min(SHORT_COMMIT, commit.length()))));
        if (!revision.buildNumber().isEmpty()) {
            tags.add(tag("build-" + revision.buildNumber()));
        }
        if (!revision.branch().isEmpty()) {
            tags.add(tag(revision.branch()));
        }
        return tags.isEmpty() ? List.of("latest") : List.copyOf(tags);
    }

    private static String tag(String value) {
        String tag = value.replaceAll("[^A-Za-z0-9_.-]+", "-").replaceAll("^[.-]+", "");
        return tag.length() > 128 ? tag.substring(0, 128) : tag;
    }

    /** The bake file's tags, or each tag under the registry: parsed here, so no backend starts with a bad one. */
    private static List<ImageReference> images(Path bakeFile, BakeTarget target, String registry, List<String> tags) {
        List<String> references = registry.isEmpty() ? target.tags() : tags.stream()
                .map(tag -> registry.replaceAll("/+$", "") + "/" + target.name().toLowerCase(Locale.ROOT) + ":" + tag)
                .toList();
        return references.stream().map(reference -> imageReference(bakeFile, target, reference)).toList();
    }

    private static ImageReference imageReference(Path bakeFile, BakeTarget target, String reference) {
        try {
            return ImageReference.parse(reference);
        } catch (InvalidReferenceException e) {
            throw new BadInputException("Target " + target.name() + " of " + bakeFile + " cannot be tagged '" + reference
                    + "': " + e.problem(), e);
        }
    }

    private static Map<String, String> labels(BakeTarget target, SourceRevision revision) {
        Map<String, String> labels = new LinkedHashMap<>(target.labels());
        if (!revision.sourceUrl().isEmpty()) {
            labels.put(LABEL_SOURCE, revision.sourceUrl());
        }
        revision.commitIfKnown().ifPresent(commit -> labels.put(LABEL_REVISION, commit));
        labels.put(LABEL_CREATED, DateTimeFormatter.ISO_INSTANT.format(revision.created().truncatedTo(ChronoUnit.SECONDS)));
        return labels;
    }

    /**
     * The stages a build of {@code target} (empty: the last stage) builds before it, in Dockerfile order, each by
     * its name or, when it has none, its index: the docker backend gives each a cache image of its own.
     */
    static List<String> intermediateStages(Dockerfile dockerfile, String target) {
        if (dockerfile.stages().isEmpty()) {
            throw new BadInputException(dockerfile.source() + " has no FROM instruction");
        }
        Stage wanted = (target.isEmpty() ? dockerfile.finalStage() : dockerfile.stage(target)).orElseThrow(() ->
                new BadInputException(dockerfile.source() + " has no stage '" + target + "' (stages: "
                        + dockerfile.stages().stream().map(BuildPlanner::stageName).toList() + ")"));
        return dockerfile.stagesNeededBy(wanted).stream().map(BuildPlanner::stageName).toList();
    }

    private static String stageName(Stage stage) {
        return stage.stageName().orElse(String.valueOf(stage.index()));
    }
}
