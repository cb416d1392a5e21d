package io.jenkins.plugins.optimizeddeploy.engine.deploy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The two HMAC-SHA256 signatures a deploy hook carries, so a receiver can check either: GitHub's
 * {@code X-Hub-Signature-256: sha256=<hex of HMAC(secret, body)>} and Standard Webhooks'
 * {@code webhook-signature: v1,<base64 of HMAC(key, id.timestamp.body)>}, whose key is the base64 after
 * {@code whsec_} when the secret has that form, else the secret's UTF-8 bytes as for GitHub's.
 */
final class WebhookSignature {
    private static final String STANDARD_SECRET_PREFIX = "whsec_";

    private WebhookSignature() {
    }

    static String github(String secret, byte[] body) {
        return "sha256=" + HexFormat.of().formatHex(hmac(secret.getBytes(StandardCharsets.UTF_8), body));
    }

    static String standard(String secret, String id, long timestamp, byte[] body) {
        byte[] key = secret.startsWith(STANDARD_SECRET_PREFIX)
                ? Base64.getDecoder().decode(secret.substring(STANDARD_SECRET_PREFIX.length()))
                : secret.getBytes(StandardCharsets.UTF_8);
        byte[] prefix = (id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8);
        byte[] signed = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, signed, 0, prefix.length);
        System.arraycopy(body, 0, signed, prefix.length, body.length);
        return "v1," + Base64.getEncoder().encodeToString(hmac(key, signed));
    }

    private static byte[] hmac(byte[] key, byte[] content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(content);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this Java runtime", e);
        }
    }
}
