package io.jenkins.plugins.optimizeddeploy.engine.deploy;

import io.jenkins.plugins.optimizeddeploy.engine.http.OwnedHttpClient;
import io.jenkins.plugins.optimizeddeploy.engine.http.TextResponse;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.apache.hc.client5.http.classic.methods.HttpGet;

/**
 * Asks a service's health URL until it passes its {@link HttpHealthCheck} or the deadline passes. No redirect is
 * followed; an interrupted thread ends the request under way at once.
 */
final class HttpProbe {
    private final OwnedHttpClient client = OwnedHttpClient.forSingleExchanges(Duration.ofSeconds(5));

    /** Empty when the check passed before {@code deadline}, else the last reason it did not. */
    Optional<String> await(HttpHealthCheck check, Instant deadline) throws InterruptedException {
        int inARow = 0;
        String lastFailure = "it was not asked before the deadline";
        while (Instant.now().isBefore(deadline)) {
            Optional<String> failure = ask(check);
            if (failure.isEmpty()) {
                inARow++;
                if (inARow == check.successes()) {
                    return Optional.empty();
                }
            } else {
                inARow = 0;
                lastFailure = failure.get();
            }
            Thread.sleep(check.interval().toMillis());
        }
        return Optional.of("health check " + check.url() + " did not pass " + check.successes()
                + " times in a row before the deadline; last: " + lastFailure);
    }

    private Optional<String> ask(HttpHealthCheck check) throws InterruptedException {
        try {
            TextResponse response = client.send(new HttpGet(check.url()), check.requestTimeout());
            if (response.statusCode() != check.expectedStatus()) {
                return Optional.of("HTTP " + response.statusCode() + ", expected " + check.expectedStatus());
            }
            if (check.bodyPattern().isPresent() && !check.bodyPattern().get().matcher(response.body()).find()) {
                return Optional.of("the body did not contain /" + check.bodyPattern().get() + "/");
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }
}
