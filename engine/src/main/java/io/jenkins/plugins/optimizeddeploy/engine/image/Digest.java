package io.jenkins.plugins.optimizeddeploy.engine.image;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.io.Serializable;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A content digest such as {@code sha256:0123…}: an algorithm and its lowercase hex value, validated by the
 * OCI digest grammar and by the length the algorithm produces.
 */
public final class Digest implements Serializable {
    private static final long serialVersionUID = 1L;

    private static final Pattern ALGORITHM =
            Pattern.compile("[a-z0-9]+(?:[.+_-][a-z0-9]+)*");
    private static final Map<String, Integer> HEX_LENGTHS = Map.of("sha256", 64, "sha384", 96, "sha512", 128);
    private static final Pattern LOWER_HEX = Pattern.compile("[a-f0-9]+");

    private final String algorithm;
    private final String hex;

    private Digest(String algorithm, String hex) {
        this.algorithm = algorithm;
        this.hex = hex;
    }

    /**
     * Parses {@code algorithm:hex}.
     *
     * @throws InvalidReferenceException naming the digest and what is wrong with it
     */
    @JsonCreator
    public static Digest parse(String digest) {
        Optional<String> problem = problemWith(digest);
        if (problem.isPresent()) {
            throw new InvalidReferenceException("digest", String.valueOf(digest), problem.get());
        }
        int colon = digest.indexOf(':');
        return new Digest(digest.substring(0, colon), digest.substring(colon + 1));
    }

    /** What is wrong with {@code digest}, or empty when it is valid. */
    static Optional<String> problemWith(String digest) {
        if (digest == null) {
            return Optional.of("a digest 'algorithm:hex' is required");
        }
        int colon = digest.indexOf(':');
        if (colon < 0) {
            return Optional.of("digest '" + digest + "' must be 'algorithm:hex', the ':' is missing");
        }
        String algorithm = digest.substring(0, colon);
        String hex = digest.substring(colon + 1);
        if (!ALGORITHM.matcher(algorithm).matches()) {
            return Optional.of("digest algorithm '" + algorithm + "' is not valid");
        }
        Integer length = HEX_LENGTHS.get(algorithm);
        if (length == null) {
            return Optional.of("digest algorithm '" + algorithm
                    + "' is not supported (supported: sha256, sha384, sha512)");
        }
        if (hex.length() != length || !LOWER_HEX.matcher(hex).matches()) {
            return Optional.of("digest value '" + hex + "' must be " + length + " lowercase hex characters for "
                    + algorithm);
        }
        return Optional.empty();
    }

    /** The sha256 digest of the given bytes. */
    public static Digest sha256Of(byte[] content) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(content);
            return new Digest("sha256", HexFormat.of().formatHex(hash));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This Java runtime has no SHA-256, which every Java runtime must have", e);
        }
    }

    /** Whether {@code content} hashes to this digest (computed with this digest's algorithm). */
    public boolean matches(byte[] content) {
        String javaName = "SHA-" + algorithm.substring("sha".length());
        try {
            byte[] hash = MessageDigest.getInstance(javaName).digest(content);
            return HexFormat.of().formatHex(hash).equals(hex);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This Java runtime has no " + javaName + " for digest " + this, e);
        }
    }

    public String algorithm() {
        return algorithm;
    }

    public String hex() {
        return hex;
    }

    private Object readResolve() {
        return parse(algorithm + ":" + hex);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Digest that && algorithm.equals(that.algorithm) && hex.equals(that.hex);
    }

    @Override
    public int hashCode() {
        return algorithm.hashCode() * 31 + hex.hashCode();
    }

    /** {@code algorithm:hex}, in JSON too. */
    @JsonValue
    @Override
    public String toString() {
        return algorithm + ":" + hex;
    }
}
