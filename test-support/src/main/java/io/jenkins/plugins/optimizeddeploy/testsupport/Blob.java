package io.jenkins.plugins.optimizeddeploy.testsupport;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/** Content pushed to a registry, addressed by its sha256 digest. */
record Blob(String mediaType, byte[] content) {

    static String sha256(byte[] content) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This JVM has no SHA-256 MessageDigest", e);
        }
    }

    String digest() {
        return sha256(content);
    }

    /** The descriptor that a manifest or an index uses to point at this blob. */
    Map<String, Object> descriptor() {
        Map<String, Object> descriptor = new LinkedHashMap<>();
        descriptor.put("mediaType", mediaType);
        descriptor.put("size", content.length);
        descriptor.put("digest", digest());
        return descriptor;
    }
}
