package io.jenkins.plugins.optimizeddeploy.engine.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.optimizeddeploy.engine.deploy.HealthServer.Answer;
import io.jenkins.plugins.optimizeddeploy.engine.errors.BadInputException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

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
    void shouldRefuseAUrlThatIsNotHttp() {
        assertThatThrownBy(() -> HttpHealthCheck.of(URI.create("ftp://127.0.0.1/health")))
                .isInstanceOf(BadInputException.class).hasMessageContaining("http:// or https://");
    }
}
