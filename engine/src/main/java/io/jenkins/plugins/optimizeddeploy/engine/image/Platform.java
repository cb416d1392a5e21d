package io.jenkins.plugins.optimizeddeploy.engine.image;

import java.io.Serializable;
import java.util.Optional;
import java.util.regex.Pattern;

/** An image platform such as {@code linux/amd64} or {@code linux/arm64/v8}. */
public final class Platform implements Serializable {
    private static final long serialVersionUID = 1L;

    private static final Pattern COMPONENT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private final String os;
    private final String architecture;
    private final String variant;

    private Platform(String os, String architecture, String variant) {
        this.os = os;
        this.architecture = architecture;
        this.variant = variant;
    }

    /**
     * Parses {@code os/architecture[/variant]}.
     *
     * @throws InvalidReferenceException naming the platform and the offending part
     */
    public static Platform parse(String platform) {
        if (platform == null) {
            throw new InvalidReferenceException("platform", "null",
                    "a platform 'os/architecture[/variant]' is required");
        }
        String[] parts = platform.split("/", -1);
        if (parts.length < 2 || parts.length > 3) {
            throw new InvalidReferenceException("platform", platform,
                    "expected 'os/architecture' or 'os/architecture/variant'");
        }
        if (parts.length == 3) {
            requireComponent(platform, "variant", parts[2]);
        }
        return of(platform, parts[0], parts[1], parts.length == 3 ? parts[2] : "");
    }

    /**
     * A platform from its parts; {@code variant} may be empty (or null) when the architecture has none.
     *
     * @throws InvalidReferenceException naming the offending part
     */
    public static Platform of(String os, String architecture, String variant) {
        String given = os + "/" + architecture + (variant == null || variant.isEmpty() ? "" : "/" + variant);
        return of(given, os, architecture, variant == null ? "" : variant);
    }

    private static Platform of(String given, String os, String architecture, String variant) {
        requireComponent(given, "os", os);
        requireComponent(given, "architecture", architecture);
        if (!variant.isEmpty()) {
            requireComponent(given, "variant", variant);
        }
        return new Platform(os, architecture, variant);
    }

    private static void requireComponent(String given, String name, String value) {
        if (value == null || !COMPONENT.matcher(value).matches()) {
            throw new InvalidReferenceException("platform", given,
                    name + " '" + value + "' must be letters, digits, '.', '_' or '-'");
        }
    }

    public String os() {
        return os;
    }

    public String architecture() {
        return architecture;
    }

    public Optional<String> variant() {
        return variant.isEmpty() ? Optional.empty() : Optional.of(variant);
    }

    private Object readResolve() {
        return of(toString(), os, architecture, variant);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Platform that && os.equals(that.os) && architecture.equals(that.architecture)
                && variant.equals(that.variant);
    }

    @Override
    public int hashCode() {
        return (os.hashCode() * 31 + architecture.hashCode()) * 31 + variant.hashCode();
    }

    /** {@code os/architecture} or {@code os/architecture/variant}. */
    @Override
    public String toString() {
        return os + "/" + architecture + (variant.isEmpty() ? "" : "/" + variant);
    }
}
