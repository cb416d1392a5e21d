package io.jenkins.plugins.optimizeddeploy.engine.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.optimizeddeploy.engine.deploy.HealthServer.Answer;
import io.jenkins.plugins.optimizeddeploy.engine.errors.BadInputException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class HttpProbeTest {
    private static final Duration EVERY = Duration.ofMillis(20);

    @Test
    void shouldPassOnlyAfterTheGivenSuccessesInARow() throws Exception {
        try (HealthServer server = new HealthServer(List.of(new Answer(200, "ok"), new Answer(503, "starting"),
                new Answer(200, "ok")))) {
            HttpHealthCheck check = HttpHealthCheck.of(server.url()).withSuccesses(3).withInterval(EVERY);

            assertThat(new HttpProbe().await(check, Instant.now().plusSeconds(10))).isEmpty();
            assertThat(server.requests()).as("one success, the failure, then three in a row").isEqualTo(5);
        }
    }

    @Test
    void shouldFailWithTheLastReasonWhenTheBodyNeverMatches() throws Exception {
        try (HealthServer server = new HealthServer(List.of(new Answer(200, "{\"status\":\"DOWN\"}")))) {
            HttpHealthCheck check = HttpHealthCheck.of(server.url()).withBodyPattern(Pattern.compile("\"status\":\"UP\""))
                    .withInterval(EVERY);

            assertThat(new HttpProbe().await(check, Instant.now().plusMillis(300))).hasValueSatisfying(reason ->
                    assertThat(reason).contains(server.url().toString(), "3 times in a row", "\"status\":\"UP\""));
        }
    }

    @Test
    void shouldFailOnAnotherStatusThanExpected() throws Exception {
        try (HealthServer server = new HealthServer(List.of(new Answer(200, "ok")))) {
            HttpHealthCheck check = HttpHealthCheck.of(server.url()).withExpectedStatus(204).withInterval(EVERY);

            assertThat(new HttpProbe().await(check, Instant.now().plusMillis(300)))
                    .hasValueSatisfying(reason -> assertThat(reason).contains("HTTP 200, expected 204"));
        }
    }

    @Test
    @Timeout(60)
    void shouldEndTheProbeAndItsRequestAtOnceWhenInterrupted() throws Exception {
        try (SilentServer server = new SilentServer()) {
            HttpHealthCheck check = new HttpHealthCheck(server.url("/health"), 200, Optional.empty(), 1, EVERY,
                    Duration.ofSeconds(30));
            Thread caller = Thread.currentThread();
            CompletableFuture.runAsync(() -> {
                server.awaitRequest();
                caller.interrupt();
            });
            long start = System.nanoTime();

            assertThatThrownBy(() -> new HttpProbe().await(check, Instant.now().plusSeconds(30)))
                    .isInstanceOf(InterruptedException.class);
            // well under the 30 s deadline that would end it otherwise, whatever the load of the machine
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
            assertThat(server.endedByTheClientWithin(Duration.ofSeconds(2))).as("the request's connection is closed")
                    .isTrue();
        }
    }

    @Test
    @Timeout(60)
    void shouldGiveUpOnAnAnswerThatTricklesPastTheRequestTimeout() throws Exception {
        try (SilentServer server = SilentServer.trickling(Duration.ofMillis(50))) {
            HttpHealthCheck check = new HttpHealthCheck(server.url("/health"), 200, Optional.empty(), 1, EVERY,
                    Duration.ofMillis(500));
            long start = System.nanoTime();

            assertThat(new HttpProbe().await(check, Instant.now().plusMillis(300))).hasValueSatisfying(reason ->
                    assertThat(reason).contains("SocketTimeoutException", "500 ms"));
            // the trickle alone would go on until the test times out; under load, the 300 ms take seconds
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
        }
    }

    @Test
    void shouldAskThroughTheProxyTheJvmIsSetToUse() throws Exception {
        try (HealthServer proxy = new HealthServer(List.of(new Answer(200, "ok")))) {
            URI unreachable = URI.create("http://service.invalid/health");
            HttpHealthCheck check = HttpHealthCheck.of(unreachable).withSuccesses(1).withInterval(EVERY);
            System.setProperty("http.proxyHost", "127.0.0.1");
            System.setProperty("http.proxyPort", Integer.toString(proxy.url().getPort()));
            try {
                assertThat(new HttpProbe().await(check, Instant.now().plusSeconds(10))).isEmpty();
            } finally {
                System.clearProperty("http.proxyHost");
                System.clearProperty("http.proxyPort");
            }
            assertThat(proxy.requestTargets()).as("the proxy is asked for the whole URL").containsExactly(unreachable);
        }
    }

    @Test
    void shouldRefuseAUrlThatIsNotHttp() {
        assertThatThrownBy(() -> HttpHealthCheck.of(URI.create("ftp://127.0.0.1/health")))
                .isInstanceOf(BadInputException.class).hasMessageContaining("http:// or https://");
    }
}
