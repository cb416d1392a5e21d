package io.jenkins.plugins.optimizeddeploy.engine.retag;

import io.jenkins.plugins.optimizeddeploy.engine.errors.BadInputException;
import io.jenkins.plugins.optimizeddeploy.engine.image.ImageReference;
import io.jenkins.plugins.optimizeddeploy.engine.image.InvalidReferenceException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Which images get which new tags: every source (by tag or digest) gets every tag, in its own repository or, with
 * a target repository, in that one (on the same registry or another). Immutable; {@link #of} checks it whole.
 */
public final class RetagRequest implements Serializable {
    private static final long serialVersionUID = 1L;

    private final List<ImageReference> sources;
    private final List<String> tags;
    private final ImageReference targetRepository;

    private RetagRequest(List<ImageReference> sources, List<String> tags, ImageReference targetRepository) {
        this.sources = List.copyOf(sources);
        this.tags = List.copyOf(tags);
        this.targetRepository = targetRepository;
    }

    /**
     * @param sources          image references, e.g. {@code registry.example.com/team/web:abc123}
     * @param tags             the new tags, e.g. {@code latest}, {@code prod}
     * @param targetRepository null to tag within each source's repository, else {@code registry/repository}
     * @throws BadInputException naming the input when a reference or tag is invalid, a list is empty, or
     *                           two sources would get the same target tag
     */
    public static RetagRequest of(List<String> sources, List<String> tags, String targetRepository) {
        if (sources == null || sources.isEmpty()) {
            throw new BadInputException("at least one source image is required");
        }
        if (tags == null || tags.isEmpty()) {
            throw new BadInputException("at least one new tag is required");
        }
        List<ImageReference> parsedSources = new ArrayList<>();
        for (String source : new LinkedHashSet<>(sources)) {
            parsedSources.add(ImageReference.parse(Objects.requireNonNull(source, "source image").trim()));
        }
        ImageReference target = targetRepository == null || targetRepository.isBlank() ? null
                : repository(targetRepository.trim());
        List<String> uniqueTags = List.copyOf(new LinkedHashSet<>(tags));
        RetagRequest request = new RetagRequest(parsedSources, uniqueTags, target);
        Map<ImageReference, ImageReference> claimedBy = new HashMap<>();
        for (ImageReference source : parsedSources) {
            for (ImageReference tagged : request.targetsOf(source)) {
                ImageReference earlier = claimedBy.putIfAbsent(tagged, source);
                if (earlier != null && !earlier.equals(source)) {
                    throw new BadInputException(earlier + " and " + source + " would both become "
                            + tagged + "; give them different target repositories or tags");
                }
            }
        }
        return request;
    }

    /**
     * A target repository ({@code registry/repository}), as {@code to} of a retag names it.
     *
     * @throws InvalidReferenceException when it breaks the grammar or carries a tag or digest
     */
    public static ImageReference repository(String name) {
        ImageReference parsed = ImageReference.parse(name);
        if (name.contains("@") || parsed.tag().filter(tag -> name.endsWith(":" + tag)).isPresent()) {
            throw new InvalidReferenceException(name, "a target repository takes no tag or digest; the tags are"
                    + " given separately");
        }
        return parsed;
    }

    public List<ImageReference> sources() {
        return sources;
    }

    public List<String> tags() {
        return tags;
    }

    /** The repository every source is tagged into, or empty for each source's own. */
    public Optional<ImageReference> targetRepository() {
        return Optional.ofNullable(targetRepository);
    }

    /** The registries the new tags go to: the target repository's, else each source's. */
    public Set<String> targetRegistries() {
        return targetRepository != null ? Set.of(targetRepository.registry())
                : sources.stream().map(ImageReference::registry).collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * The tagged references {@code source} becomes.
     *
     * @throws InvalidReferenceException when a tag breaks the tag grammar
     */
    public List<ImageReference> targetsOf(ImageReference source) {
        ImageReference repository = targetRepository != null ? targetRepository : source;
        ImageReference bare = ImageReference.parse(repository.name());
        List<ImageReference> targets = new ArrayList<>();
        for (String tag : tags) {
            targets.add(bare.withTag(tag));
        }
        return targets;
    }

    /** Every source with its targets, in the order given. */
    Map<ImageReference, List<ImageReference>> moves() {
        Map<ImageReference, List<ImageReference>> moves = new LinkedHashMap<>();
        sources.forEach(source -> moves.put(source, targetsOf(source)));
        return moves;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RetagRequest that && sources.equals(that.sources) && tags.equals(that.tags)
                && Objects.equals(targetRepository, that.targetRepository);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sources, tags, targetRepository);
    }

    @Override
    public String toString() {
        return "RetagRequest[sources=" + sources + ", tags=" + tags + ", to="
                + (targetRepository == null ? "each source's repository" : targetRepository.name()) + "]";
    }
}
