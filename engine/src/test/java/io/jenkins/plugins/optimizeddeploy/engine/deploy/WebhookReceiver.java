package io.jenkins.plugins.optimizeddeploy.engine.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A deploy hook on loopback that checks both signatures the way a receiver would, with its own HMAC code: GitHub's
 * {@code X-Hub-Signature-256} over the raw body and Standard Webhooks' {@code webhook-signature} over
 * {@code id.timestamp.body}. A request whose signatures do not both match gets 401; a signed one gets the next
 * scripted status (the last repeating) and its JSON body is kept.
 */
final class WebhookReceiver implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final byte[] key;
    private final List<Integer> statuses;
    private final List<JsonNode> accepted = new ArrayList<>();
    private int refused;
    private int answered;

    WebhookReceiver(String secret, List<Integer> statuses) {
        this.key = secret.getBytes(StandardCharsets.UTF_8);
        this.statuses = List.copyOf(statuses);
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on loopback for the webhook receiver", e);
        }
        server.createContext("/hooks/deploy", this::answer);
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/deploy?token=hook-token-123");
    }

    synchronized List<JsonNode> accepted() {
        return List.copyOf(accepted);
    }

    synchronized int refused() {
        return refused;
    }

    private void answer(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String github = exchange.getRequestHeaders().getFirst("X-Hub-Signature-256");
        String id = exchange.getRequestHeaders().getFirst("webhook-id");
        String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
        String standard = exchange.getRequestHeaders().getFirst("webhook-signature");
        boolean signed = github != null && id != null && timestamp != null && standard != null
                && matches(github, "sha256=" + HexFormat.of().formatHex(hmac(body)))
                && matches(standard, "v1," + Base64.getEncoder().encodeToString(
                        hmac((id + "." + timestamp + "." + new String(body, StandardCharsets.UTF_8))
                                .getBytes(StandardCharsets.UTF_8))));
        int status;
        synchronized (this) {
            if (signed) {
                accepted.add(JSON.readTree(body));
                status = statuses.get(Math.min(answered++, statuses.size() - 1));
            } else {
                refused++;
                status = 401;
            }
        }
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    private static boolean matches(String given, String expected) {
        return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }

    private byte[] hmac(byte[] content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(content);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this Java runtime", e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
