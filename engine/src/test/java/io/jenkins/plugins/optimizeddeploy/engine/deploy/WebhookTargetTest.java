package io.jenkins.plugins.optimizeddeploy.engine.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.optimizeddeploy.engine.deploy.HealthServer.Answer;
import io.jenkins.plugins.optimizeddeploy.engine.image.ImageReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Releases through a signed deploy hook to a receiver that verifies both signatures; a second server is the app's health. */
class WebhookTargetTest {
    private static final String SECRET = "It's a Secret to Everybody";
    private static final ImageReference V1 = ImageReference.parse("registry.example.com/team/web@sha256:" + "1".repeat(64));
    private static final ImageReference V2 = ImageReference.parse("registry.example.com/team/web@sha256:" + "2".repeat(64));
    private static final Duration PAUSE = Duration.ofMillis(20);

    @TempDir
    Path state;
    private final HealthServer healthy = new HealthServer(List.of(new Answer(200, "ok")));
    private final HealthServer unhealthy = new HealthServer(List.of(new Answer(503, "down")));

    @AfterEach
    void stopServers() {
        healthy.close();
        unhealthy.close();
    }

    @Test
    void shouldSignTheBodyAsGitHubsTestVectorSays() {
        assertThat(WebhookSignature.github(SECRET, "Hello, World!".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17");
    }

    @Test
    void shouldSendTheDigestsSignedThenLetTheHealthProbeDecide() throws Exception {
        try (WebhookReceiver hook = new WebhookReceiver(SECRET, List.of(202))) {
            DeployHistory history = historyWith(hook, V1);

            ReleaseResult result = release(hook, SECRET, history, healthy, Duration.ofSeconds(20));

            assertThat(result.healthy()).as(String.join("\n", result.summary())).isTrue();
            assertThat(hook.accepted()).singleElement().satisfies(payload -> {
                assertThat(payload.path("type").asText()).isEqualTo("deploy.requested");
                assertThat(Instant.parse(payload.path("timestamp").asText())).isBefore(Instant.now());
                JsonNode data = payload.path("data");
                assertThat(data.path("deployId").asText()).isNotBlank();
                assertThat(data.path("service").asText()).isEqualTo("web");
                assertThat(data.path("image").asText()).isEqualTo(V2.toString());
                assertThat(data.path("previousImage").asText()).isEqualTo(V1.toString());
                assertThat(data.path("rollback").asBoolean()).isFalse();
            });
            assertThat(history.live(target(hook, SECRET, history).identity(), "web")).contains(V2);
            assertThat(Files.readString(history.file())).doesNotContain(SECRET, "hook-token-123");
        }
    }

    @Test
    void shouldSendTheRollbackHookWithThePreviousImageWhenTheHealthProbeFails() throws Exception {
        try (WebhookReceiver hook = new WebhookReceiver(SECRET, List.of(200))) {
            DeployHistory history = historyWith(hook, V1);

            ReleaseResult result = release(hook, SECRET, history, unhealthy, Duration.ofSeconds(1));

            assertThat(result.rolledBack()).isTrue();
            assertThat(result.services()).singleElement().satisfies(web ->
                    assertThat(web.outcome()).as(web.reason()).isEqualTo(Outcome.UNHEALTHY));
            assertThat(hook.accepted()).hasSize(2);
            JsonNode rollback = hook.accepted().get(1).path("data");
            assertThat(rollback.path("rollback").asBoolean()).isTrue();
            assertThat(rollback.path("image").asText()).isEqualTo(V1.toString());
            assertThat(rollback.path("previousImage").asText()).isEqualTo(V2.toString());
            assertThat(history.live(target(hook, SECRET, history).identity(), "web")).contains(V1);
        }
    }

    @Test
    void shouldSendARollbackAskedForWithTheRollbackFlag() throws Exception {
        try (WebhookReceiver hook = new WebhookReceiver(SECRET, List.of(200))) {
            DeployHistory history = historyWith(hook, V2);

            ReleaseResult result = new Release(target(hook, SECRET, history), history, Duration.ofSeconds(5)).run(
                    Action.ROLLBACK, List.of(new ServiceDeploy("web", V1, Optional.of(HttpHealthCheck.of(healthy.url())
                            .withSuccesses(1).withInterval(PAUSE)))), Duration.ofSeconds(20), "build 8");

            assertThat(result.healthy()).as(String.join("\n", result.summary())).isTrue();
            assertThat(hook.accepted()).singleElement().satisfies(payload -> {
                assertThat(payload.path("data").path("rollback").asBoolean()).isTrue();
                assertThat(payload.path("data").path("image").asText()).isEqualTo(V1.toString());
                assertThat(payload.path("data").path("previousImage").asText()).isEqualTo(V2.toString());
            });
        }
    }

    @Test
    void shouldAskABusyHookAgainUntilItTakesTheDeploy() throws Exception {
        try (WebhookReceiver hook = new WebhookReceiver(SECRET, List.of(503, 429, 204))) {
            ReleaseResult result = release(hook, SECRET, historyWith(hook, V1), healthy, Duration.ofSeconds(20));

            assertThat(result.healthy()).as(String.join("\n", result.summary())).isTrue();
            assertThat(hook.accepted()).hasSize(3).extracting(payload -> payload.path("data").path("deployId").asText())
                    .as("one delivery, one id").containsOnly(hook.accepted().get(0).path("data").path("deployId").asText());
        }
    }

    @Test
    void shouldFailWhenTheReceiverRefusesTheSignature() throws Exception {
        try (WebhookReceiver hook = new WebhookReceiver(SECRET, List.of(200))) {
            ReleaseResult result = release(hook, "another secret", historyWith(hook, V1), healthy,
                    Duration.ofSeconds(5));

            assertThat(hook.accepted()).isEmpty();
            assertThat(hook.refused()).isEqualTo(2);
            assertThat(result.broken()).isTrue();
            assertThat(result.services()).singleElement().satisfies(web -> {
                assertThat(web.outcome()).isEqualTo(Outcome.ROLLBACK_FAILED);
                assertThat(web.reason()).contains("HTTP 401").doesNotContain("another secret", "hook-token-123");
            });
        }
    }

    @Test
    @Timeout(60)
    void shouldEndTheHookCallAndItsRequestAtOnceWhenInterrupted() throws Exception {
        try (SilentServer hook = new SilentServer()) {
            DeployHistory history = new DeployHistory(state.resolve("history.jsonl"));
            WebhookTarget target = new WebhookTarget(hook.url("/hook"), SECRET, history, PAUSE);
            Thread caller = Thread.currentThread();
            CompletableFuture.runAsync(() -> {
                hook.awaitRequest();
                caller.interrupt();
            });
            long start = System.nanoTime();

            assertThatThrownBy(() -> target.deploy("web", V2, Instant.now().plusSeconds(30)))
                    .isInstanceOf(DeployException.class).hasMessageContaining("interrupted");
            assertThat(Thread.interrupted()).as("the interrupt status is kept").isTrue();
            // well under the 30 s deadline that would end it otherwise, whatever the load of the machine
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
            assertThat(hook.endedByTheClientWithin(Duration.ofSeconds(2))).as("the request's connection is closed")
                    .isTrue();
        }
    }

    private ReleaseResult release(WebhookReceiver hook, String secret, DeployHistory history, HealthServer health,
            Duration timeout) throws Exception {
        return new Release(target(hook, secret, history), history, Duration.ofSeconds(5)).run(Action.DEPLOY,
                List.of(new ServiceDeploy("web", V2, Optional.of(HttpHealthCheck.of(health.url()).withSuccesses(1)
                        .withInterval(PAUSE)))), timeout, "build 7");
    }

    private WebhookTarget target(WebhookReceiver hook, String secret, DeployHistory history) {
        return new WebhookTarget(hook.url(), secret, history, PAUSE);
    }

    /** A history in which web went healthy to {@code image} through the hook. */
    private DeployHistory historyWith(WebhookReceiver hook, ImageReference image) {
        DeployHistory history = new DeployHistory(state.resolve("history.jsonl"));
        history.append(List.of(DeployRecord.builder(target(hook, SECRET, history).identity(), "web", Action.DEPLOY)
                .images(null, image)
                .ended(Instant.parse("2026-12-06T10:00:00Z"), 800L, Outcome.HEALTHY, null).by("build 6").build()));
        return history;
    }
}
