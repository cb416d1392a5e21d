package io.jenkins.plugins.optimizeddeploy.engine.deploy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.optimizeddeploy.engine.errors.BadInputException;
import io.jenkins.plugins.optimizeddeploy.engine.http.TextResponse;
import io.jenkins.plugins.optimizeddeploy.engine.image.ImageReference;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Any platform behind a deploy hook: a deploy is {@code POST url} of
 * {@code {"type":"deploy.requested","timestamp":...,"data":{"deployId","service","image","previousImage","rollback"}}}
 * with the image by digest, signed with HMAC-SHA256 of the raw body twice ({@link WebhookSignature}: GitHub's
 * {@code X-Hub-Signature-256} and Standard Webhooks' {@code webhook-id}/{@code webhook-timestamp}/
 * {@code webhook-signature}). A 2xx answer means the hook took it; 429, 502, 503 and 504 are asked again (same
 * {@code webhook-id}) until the deadline; anything else is a refusal. The hook says nothing of health, so the health
 * gate's HTTP probe decides. Putting a service back is the same hook with {@code rollback: true} and the previous
 * image, which only our history knows.
 */
public final class WebhookTarget implements DeployTarget {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<Integer> ASK_AGAIN = Set.of(429, 502, 503, 504);

    private final URI url;
    private final String secret;
    private final DeployHistory history;
    private final Duration retryPause;
    private final DeployHttp http = new DeployHttp();
    /** The image this target last sent per service: what a rollback hook names as the one it replaces. */
    private final Map<String, ImageReference> sent = new ConcurrentHashMap<>();

    /**
     * @param secret     the HMAC key (a {@code whsec_<base64>} secret is decoded for the Standard Webhooks signature)
     * @param history    where the images the services ran are recorded: the only source of what a hook runs
     * @param retryPause how long to wait before asking a busy hook again
     */
    public WebhookTarget(URI url, String secret, DeployHistory history, Duration retryPause) {
        if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme()) || url.getHost() == null) {
            throw new BadInputException("webhook URL " + DeployHttp.redacted(url)
                    + " must be http:// or https:// with a host");
        }
        Objects.requireNonNull(secret, "the webhook secret is required");
        if (secret.isBlank()) {
            throw new BadInputException("the webhook secret is empty");
        }
        if (secret.startsWith("whsec_")) {
            try {
                Base64.getDecoder().decode(secret.substring("whsec_".length()));
            } catch (IllegalArgumentException e) {
                throw new BadInputException("the webhook secret starts with whsec_ but what follows is not base64");
            }
        }
        this.url = url;
        this.secret = secret;
        this.history = history;
        this.retryPause = retryPause;
    }

    /** The URL's origin and a hash of the whole URL: its path or query may hold the hook's token. */
    @Override
    public String identity() {
        return "webhook " + DeployHttp.redacted(url);
    }

    @Override
    public Optional<ImageReference> running(String service) {
        return history.live(identity(), service);
    }

    @Override
    public Rollout deploy(String service, ImageReference image, Instant deadline) {
        return move(service, image, false, deadline);
    }

    /** A rollback asked for ({@code rollback} command, {@code rollbackDeploy} step) is sent as one, too. */
    @Override
    public Rollout rollBack(String service, ImageReference image, Instant deadline) {
        return move(service, image, true, deadline);
    }

    /** Sends {@code image} in place of what the history says runs, and remembers it for a rollback hook. */
    private Rollout move(String service, ImageReference image, boolean rollback, Instant deadline) {
        Rollout rollout = send(service, image, running(service), rollback, deadline);
        sent.put(service, image);
        return rollout;
    }

    @Override
    public void undo(String service, Optional<ImageReference> previous, Instant deadline) {
        if (previous.isEmpty()) {
            remove(service);
            return;
        }
        send(service, previous.get(), Optional.ofNullable(sent.get(service)), true, deadline);
        sent.put(service, previous.get());
    }

    /** A hook has no removal: without an earlier image in the history there is nothing to send back. */
    @Override
    public void remove(String service) {
        throw new DeployException("no earlier image of " + service + " on " + identity()
                + " is in the history to send back; the hook keeps the new one");
    }

    private Rollout send(String service, ImageReference image, Optional<ImageReference> previousImage,
            boolean rollback, Instant deadline) {
        String deployId = UUID.randomUUID().toString();
        ObjectNode payload = JSON.createObjectNode().put("type", "deploy.requested")
                .put("timestamp", Instant.now().toString());
        payload.putObject("data").put("deployId", deployId).put("service", service).put("image", image.toString())
                .put("previousImage", previousImage.map(Object::toString).orElse(null)).put("rollback", rollback);
        byte[] body = payload.toString().getBytes(StandardCharsets.UTF_8);
        String doing = (rollback ? "send the rollback of " : "send the deploy of ") + service + " to " + identity();
        while (true) {
            long timestamp = Instant.now().getEpochSecond();
            Map<String, String> headers = Map.of("Content-Type", "application/json",
                    "X-Hub-Signature-256", WebhookSignature.github(secret, body),
                    "webhook-id", deployId, "webhook-timestamp", Long.toString(timestamp),
                    "webhook-signature", WebhookSignature.standard(secret, deployId, timestamp, body));
            TextResponse response = http.send(DeployHttp.request("POST", url, headers, body), deadline, doing);
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return new Rollout(true, "the hook took " + image + " (HTTP " + status + ")");
            }
            if (!ASK_AGAIN.contains(status) || !Instant.now().plus(retryPause).isBefore(deadline)) {
                throw new DeployException("could not " + doing + ": HTTP " + status
                        + (ASK_AGAIN.contains(status) ? " until the deadline" : "")
                        + (response.body().isBlank() ? "" : " " + DeployHttp.firstLine(response.body())));
            }
            Health.pause(retryPause);
        }
    }
}
