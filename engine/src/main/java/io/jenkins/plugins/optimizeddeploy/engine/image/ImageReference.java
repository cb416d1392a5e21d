package io.jenkins.plugins.optimizeddeploy.engine.image;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.io.Serializable;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An image reference parsed by the distribution reference grammar and normalised as docker does
 * (distribution/reference's {@code ParseNormalizedNamed}, then {@code TagNameOnly}): {@code ubuntu} is
 * {@code docker.io/library/ubuntu:latest}.
 *
 * <pre>
 * reference        := name [ ":" tag ] [ "@" digest ]
 * name             := [ domain "/" ] path-component [ "/" path-component ]*
 * domain           := host [ ":" port ]      host: domain-component [ "." domain-component ]* | "[" IPv6 "]"
 * domain-component := [a-zA-Z0-9] | [a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]
 * path-component   := [a-z0-9]+ ( separator [a-z0-9]+ )*     separator := [._] | "__" | "-"+
 * tag              := [\w][\w.-]{0,127}
 * digest           := algorithm ":" hex       (lowercase hex: sha256 64, sha384 96, sha512 128 characters)
 * </pre>
 *
 * The first path component is the registry only if it contains {@code .} or {@code :}, is {@code localhost} or has
 * an uppercase letter ({@code Example/app} is on the registry {@code Example}, as docker reads it); otherwise the
 * registry is {@code docker.io}, where a single-component repository gets the {@code library/} prefix.
 * {@code index.docker.io} is written {@code docker.io}. A reference with neither tag nor digest gets the tag
 * {@code latest}; one with a digest only gets no tag; one with both keeps both. The repository path, with its
 * {@code library/} prefix and without the registry, is at most 255 characters. Digests of other algorithms are
 * refused as unsupported, as docker refuses them (distribution/reference on its own also refuses sha512 and sha384
 * unless its program links those hashes, which docker does). Beyond the grammar, a port is 1 to 65535 and brackets
 * hold an IPv6 address, so that a reference no connection could use is refused as one.
 */
public final class ImageReference implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The registry that references without one resolve to. */
    public static final String DOCKER_HUB = "docker.io";
    private static final String LEGACY_DOCKER_HUB = "index.docker.io";
    private static final String OFFICIAL_REPOSITORY_PREFIX = "library/";
    private static final String DEFAULT_TAG = "latest";
    private static final int REPOSITORY_MAX_LENGTH = 255;
    private static final String REFERENCE = "image reference";
    private static final String PREFIX = "registry and repository prefix";

    private static final String DOMAIN_COMPONENT = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
    private static final Pattern DOMAIN = Pattern.compile(
            "(?:" + DOMAIN_COMPONENT + "(?:\\." + DOMAIN_COMPONENT + ")*|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?");
    private static final Pattern PATH_COMPONENT = Pattern.compile("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*");
    private static final Pattern TAG = Pattern.compile("[\\w][\\w.-]{0,127}");
    private static final Pattern IMAGE_ID = Pattern.compile("[a-f0-9]{64}");

    private final String registry;
    private final String repository;
    private final String tag;
    private final String digest;

    private ImageReference(String registry, String repository, String tag, String digest) {
        this.registry = registry;
        this.repository = repository;
        this.tag = tag;
        this.digest = digest;
    }

    /**
     * Parses and normalises {@code reference}.
     *
     * @throws InvalidReferenceException naming the reference and the part that breaks the grammar
     */
    @JsonCreator
    public static ImageReference parse(String reference) {
        if (reference == null || reference.isEmpty()) {
            throw new InvalidReferenceException(String.valueOf(reference), "an image reference is required");
        }
        if (IMAGE_ID.matcher(reference).matches()) {
            throw new InvalidReferenceException(reference,
                    "a 64-character hex string is an image ID, not a repository name");
        }
        int slash = reference.indexOf('/');
        String registry = DOCKER_HUB;
        String remainder = reference;
        if (slash >= 0 && namesRegistry(reference.substring(0, slash))) {
            registry = reference.substring(0, slash);
            remainder = reference.substring(slash + 1);
            refuse(REFERENCE, reference, registryProblem(registry));
            registry = withoutLegacyHub(registry);
        }

        String digest = null;
        int at = remainder.indexOf('@');
        if (at >= 0) {
            digest = remainder.substring(at + 1);
            remainder = remainder.substring(0, at);
            refuse(REFERENCE, reference, Digest.problemWith(digest));
        }
        String tag = null;
        int colon = remainder.indexOf(':');
        if (colon >= 0) {
            tag = remainder.substring(colon + 1);
            remainder = remainder.substring(0, colon);
            requireTag(reference, tag);
        }
        String repository = registry.equals(DOCKER_HUB) && remainder.indexOf('/') < 0
                ? OFFICIAL_REPOSITORY_PREFIX + remainder
                : remainder;
        refuse(REFERENCE, reference, repositoryProblem(remainder, repository));
        if (repository.length() > REPOSITORY_MAX_LENGTH) {
            throw new InvalidReferenceException(reference, "repository '" + repository + "' is "
                    + repository.length() + " characters long, more than the " + REPOSITORY_MAX_LENGTH + " allowed");
        }
        if (tag == null && digest == null) {
            tag = DEFAULT_TAG;
        }
        return new ImageReference(registry, repository, tag, digest);
    }

    /**
     * The registry of a registry and repository prefix that images go under, as docker reads {@code PREFIX/name}:
     * {@code registry.example.com/team} and {@code 127.0.0.1:5000} are on those hosts, {@code localhost} is,
     * {@code team} and {@code docker.io} are on {@code docker.io}. Trailing slashes are ignored.
     *
     * @throws InvalidReferenceException naming the prefix as given and what is wrong with it
     */
    public static String registryOf(String prefix) {
        String given = String.valueOf(prefix);
        String trimmed = given.replaceAll("/+$", "");
        if (trimmed.isEmpty()) {
            throw new InvalidReferenceException(PREFIX, given, "a registry is required, e.g. registry.example.com/team");
        }
        int slash = trimmed.indexOf('/');
        String first = slash < 0 ? trimmed : trimmed.substring(0, slash);
        String registry = DOCKER_HUB;
        String path = trimmed;
        if (namesRegistry(first)) {
            registry = first;
            path = slash < 0 ? "" : trimmed.substring(slash + 1);
            refuse(PREFIX, given, registryProblem(registry));
        }
        if (path.contains(":") || path.contains("@")) {
            throw new InvalidReferenceException(PREFIX, given, "a prefix takes no tag or digest");
        }
        if (!path.isEmpty()) {
            refuse(PREFIX, given, repositoryProblem(path, path));
        }
        return withoutLegacyHub(registry);
    }

    private static void refuse(String kind, String input, Optional<String> problem) {
        if (problem.isPresent()) {
            throw new InvalidReferenceException(kind, input, problem.get());
        }
    }

    private static String withoutLegacyHub(String registry) {
        return registry.equals(LEGACY_DOCKER_HUB) ? DOCKER_HUB : registry;
    }

    /**
     * A registry out of the domain grammar, or one the grammar lets through but no connection can use: a port
     * outside 1-65535, brackets around something that is not an IPv6 address ({@code [:::::]}).
     */
    private static Optional<String> registryProblem(String registry) {
        if (!DOMAIN.matcher(registry).matches()) {
            return Optional.of("registry '" + registry + "' is not a valid host[:port]"
                    + (looksLikeHost(registry) ? "" : " (a first part with an uppercase letter names a registry)"));
        }
        int portColon = registry.indexOf(':', registry.lastIndexOf(']') + 1);
        String host = portColon < 0 ? registry : registry.substring(0, portColon);
        if (portColon >= 0) {
            String port = registry.substring(portColon + 1);
            if (port.length() > 5 || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535) {
                return Optional.of("port " + port + " of registry '" + registry + "' is not between 1 and 65535");
            }
        }
        if (host.startsWith("[")) {
            try {
                // a bracketed literal is parsed, never looked up
                InetAddress.getByName(host);
            } catch (UnknownHostException e) {
                return Optional.of("registry '" + registry + "' does not hold an IPv6 address in its brackets");
            }
        }
        return Optional.empty();
    }

    private static boolean namesRegistry(String firstComponent) {
        return looksLikeHost(firstComponent) || !firstComponent.equals(firstComponent.toLowerCase(Locale.ROOT));
    }

    private static boolean looksLikeHost(String firstComponent) {
        return firstComponent.contains(".") || firstComponent.contains(":") || firstComponent.equals("localhost");
    }

    private static void requireTag(String reference, String tag) {
        if (!TAG.matcher(tag).matches()) {
            throw new InvalidReferenceException(reference, "tag '" + tag
                    + "' must be 1 to 128 letters, digits, '_', '.' or '-', not starting with '.' or '-'");
        }
    }

    /** @param given the repository as written; {@code repository} with the {@code library/} prefix docker adds */
    private static Optional<String> repositoryProblem(String given, String repository) {
        if (given.isEmpty()) {
            return Optional.of("the repository name is missing");
        }
        if (!given.equals(given.toLowerCase(Locale.ROOT))) {
            return Optional.of("repository '" + given + "' must be lowercase");
        }
        for (String component : repository.split("/", -1)) {
            if (!PATH_COMPONENT.matcher(component).matches()) {
                return Optional.of(component.isEmpty()
                        ? "repository '" + given + "' has an empty path component"
                        : "repository path component '" + component + "' must be lowercase letters and digits,"
                                + " separated by '.', '_', '__' or dashes, starting and ending with a letter or digit");
            }
        }
        return Optional.empty();
    }

    /** The registry host, with its port when it has one: {@code docker.io}, {@code 127.0.0.1:5000}. */
    public String registry() {
        return registry;
    }

    /** The repository path without the registry: {@code library/ubuntu}. */
    public String repository() {
        return repository;
    }

    /** {@code registry/repository}, without tag or digest. */
    public String name() {
        return registry + "/" + repository;
    }

    public Optional<String> tag() {
        return Optional.ofNullable(tag);
    }

    public Optional<String> digest() {
        return Optional.ofNullable(digest);
    }

    /** What a registry is asked for: the digest when there is one (it pins the content), else the tag. */
    public String manifestIdentifier() {
        return digest != null ? digest : tag;
    }

    /**
     * A copy with {@code newTag}; the digest, if any, is kept.
     *
     * @throws InvalidReferenceException when the tag breaks the tag grammar
     */
    public ImageReference withTag(String newTag) {
        requireTag(name() + ":" + newTag, Objects.requireNonNull(newTag, "tag for " + this));
        return new ImageReference(registry, repository, newTag, digest);
    }

    /**
     * A copy with {@code newDigest}; the tag, if any, is kept.
     *
     * @throws InvalidReferenceException when the digest is not a valid digest
     */
    public ImageReference withDigest(String newDigest) {
        String given = name() + "@" + newDigest;
        Digest.problemWith(newDigest).ifPresent(problem -> {
            throw new InvalidReferenceException(given, problem);
        });
        return new ImageReference(registry, repository, tag, newDigest);
    }

    private Object readResolve() {
        return parse(toString());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ImageReference that && registry.equals(that.registry)
                && repository.equals(that.repository) && Objects.equals(tag, that.tag)
                && Objects.equals(digest, that.digest);
    }

    @Override
    public int hashCode() {
        return Objects.hash(registry, repository, tag, digest);
    }

    /** The canonical form: {@code docker.io/library/ubuntu:latest}, {@code host:5000/app@sha256:…}; JSON's too. */
    @JsonValue
    @Override
    public String toString() {
        return name() + (tag == null ? "" : ":" + tag) + (digest == null ? "" : "@" + digest);
    }
}
