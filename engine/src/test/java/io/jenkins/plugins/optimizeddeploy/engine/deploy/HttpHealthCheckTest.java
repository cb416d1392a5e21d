package io.jenkins.plugins.optimizeddeploy.engine.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class HttpHealthCheckTest {

    private static final HttpHealthCheck WEB = HttpHealthCheck.of(URI.create("http://web:8080/health"));

    @Test
    void shouldReadAUrlAloneAsTheDefaultCheck() {
        assertThat(HttpHealthCheck.parse(" http://web:8080/health ")).isEqualTo(WEB);
    }

    @Test
    void shouldReadTheOptionsAfterTheUrlWithTheBodyPatternLast() {
        HttpHealthCheck check = HttpHealthCheck.parse("http://web:8080/health interval=0.5 status=204 successes=2"
                + " body=all  ok body=x");

        assertThat(check.url()).isEqualTo(WEB.url());
        assertThat(check.expectedStatus()).isEqualTo(204);
        assertThat(check.successes()).isEqualTo(2);
        assertThat(check.interval()).isEqualTo(Duration.ofMillis(500));
        assertThat(check.bodyPattern()).hasValueSatisfying(body -> assertThat(body.pattern()).isEqualTo("all  ok body=x"));
        assertThat(WEB.withOptions("body=ok").bodyPattern()).hasValueSatisfying(body ->
                assertThat(body.pattern()).isEqualTo("ok"));
        assertThat(WEB.withOptions("  ")).isEqualTo(WEB);
    }

    @Test
    void shouldNameTheOptionThatIsUnknownOrWrongInOneLine() {
        assertThatThrownBy(() -> WEB.withOptions("status=200 every")).hasMessage("unknown option 'every'; after the URL"
                + " come status=N, successes=N, interval=SECONDS and body=REGEX");
        assertThatThrownBy(() -> WEB.withOptions("successes=0"))
                .hasMessage("successes in a row for http://web:8080/health must be at least 1, was 0");
        assertThatThrownBy(() -> WEB.withOptions("interval=0"))
                .hasMessage("interval of the health check of http://web:8080/health must be positive, was PT0S");
        assertThatThrownBy(() -> WEB.withOptions("body=(")).hasMessage("body pattern Unclosed group: (");
        assertThatThrownBy(() -> HttpHealthCheck.parse("ftp://web/health"))
                .hasMessage("health check URL ftp://web/health must be http:// or https://");
    }
}
