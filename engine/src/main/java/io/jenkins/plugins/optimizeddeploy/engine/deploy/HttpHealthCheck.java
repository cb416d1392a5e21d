package io.jenkins.plugins.optimizeddeploy.engine.deploy;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The HTTP part of a health gate: {@code GET url} must answer {@code expectedStatus} (and, when given, a body in
 * which {@code bodyPattern} is found) {@code successes} times in a row, asked every {@code interval}, each request
 * given at most {@code requestTimeout}. {@link #of(URI)} gives the defaults: 200, any body, 3 in a row, every
 * second, 5 s per request.
 */
public record HttpHealthCheck(URI url, int expectedStatus, Optional<Pattern> bodyPattern, int successes,
        Duration interval, Duration requestTimeout) {
    public HttpHealthCheck {
        Objects.requireNonNull(url, "health check URL");
        if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
            throw new IllegalArgumentException("health check URL " + url + " must be http:// or https://");
        }
        if (expectedStatus < 100 || expectedStatus > 599) {
            throw new IllegalArgumentException("expected HTTP status of " + url + " must be 100-599, was " + expectedStatus);
        }
        Objects.requireNonNull(bodyPattern, "body pattern");
        if (successes < 1) {
            throw new IllegalArgumentException("successes in a row for " + url + " must be at least 1, was " + successes);
        }
        requirePositive(url, "interval", interval);
        requirePositive(url, "request timeout", requestTimeout);
    }

    public static HttpHealthCheck of(URI url) {
        return new HttpHealthCheck(url, 200, Optional.empty(), 3, Duration.ofSeconds(1), Duration.ofSeconds(5));
    }

    public HttpHealthCheck withExpectedStatus(int status) {
        return new HttpHealthCheck(url, status, bodyPattern, successes, interval, requestTimeout);
    }

    public HttpHealthCheck withBodyPattern(Pattern pattern) {
        return new HttpHealthCheck(url, expectedStatus, Optional.of(pattern), successes, interval, requestTimeout);
    }

    public HttpHealthCheck withSuccesses(int count) {
        return new HttpHealthCheck(url, expectedStatus, bodyPattern, count, interval, requestTimeout);
    }

    public HttpHealthCheck withInterval(Duration every) {
        return new HttpHealthCheck(url, expectedStatus, bodyPattern, successes, every, requestTimeout);
    }

    private static void requirePositive(URI url, String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " of the health check of " + url + " must be positive, was " + value);
        }
    }
}
