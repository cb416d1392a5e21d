package io.jenkins.plugins.optimizeddeploy.engine.deploy;

import io.jenkins.plugins.optimizeddeploy.engine.errors.BadInputException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The HTTP part of a health gate: {@code GET url} must answer {@code expectedStatus} (and, when given, a body in
 * which {@code bodyPattern} is found) {@code successes} times in a row, asked every {@code interval}, each request
 * given at most {@code requestTimeout}. {@link #of(URI)} gives the defaults: 200, any body, 3 in a row, every
 * second, 5 s per request.
 */
public record HttpHealthCheck(URI url, int expectedStatus, Optional<Pattern> bodyPattern, int successes,
        Duration interval, Duration requestTimeout) {
    private static final Pattern BODY_OPTION = Pattern.compile("(?:^|\\s)body=");

    public HttpHealthCheck {
        Objects.requireNonNull(url, "health check URL");
        if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
            throw new BadInputException("health check URL " + url + " must be http:// or https://");
        }
        if (expectedStatus < 100 || expectedStatus > 599) {
            throw new BadInputException("expected HTTP status of " + url + " must be 100-599, was " + expectedStatus);
        }
        Objects.requireNonNull(bodyPattern, "body pattern");
        if (successes < 1) {
            throw new BadInputException("successes in a row for " + url + " must be at least 1, was " + successes);
        }
        requirePositive(url, "interval", interval);
        requirePositive(url, "request timeout", requestTimeout);
    }

    public static HttpHealthCheck of(URI url) {
        return new HttpHealthCheck(url, 200, Optional.empty(), 3, Duration.ofSeconds(1), Duration.ofSeconds(5));
    }

    /**
     * {@code URL [OPTION=VALUE...]}: the check {@link #of} gives for the URL, with the options of
     * {@link #withOptions}.
     *
     * @throws BadInputException in one line, naming what is wrong
     */
    public static HttpHealthCheck parse(String text) {
        String[] urlAndOptions = text.strip().split("\\s+", 2);
        HttpHealthCheck check;
        try {
            check = of(new URI(urlAndOptions[0]));
        } catch (URISyntaxException e) {
            throw new BadInputException("health check URL '" + urlAndOptions[0] + "' is not a URL: " + e.getReason(),
                    e);
        }
        return urlAndOptions.length == 1 ? check : check.withOptions(urlAndOptions[1]);
    }

    /**
     * This check with the options written in {@code words}: {@code status=N}, {@code successes=N},
     * {@code interval=SECONDS} (fractions allowed) and {@code body=REGEX}, which comes last, as the rest of the text is
     * its pattern.
     *
     * @throws BadInputException in one line, naming the option that is unknown or wrong
     */
    public HttpHealthCheck withOptions(String words) {
        Matcher body = BODY_OPTION.matcher(words);
        boolean hasBody = body.find();
        HttpHealthCheck check = this;
        for (String option : (hasBody ? words.substring(0, body.start()) : words).strip().split("\\s+")) {
            if (option.isEmpty()) {
                continue;
            }
            int equals = option.indexOf('=');
            String value = option.substring(equals + 1);
            try {
                check = switch (equals < 0 ? option : option.substring(0, equals)) {
                    case "status" -> check.withExpectedStatus(Integer.parseInt(value));
                    case "successes" -> check.withSuccesses(Integer.parseInt(value));
                    case "interval" ->
                            check.withInterval(Duration.ofMillis(Math.round(Double.parseDouble(value) * 1000)));
                    default -> throw new BadInputException("unknown option '" + option + "'; after the URL come"
                            + " status=N, successes=N, interval=SECONDS and body=REGEX");
                };
            } catch (NumberFormatException e) {
                throw new BadInputException("option '" + option + "' needs a number", e);
            }
        }
        if (!hasBody) {
            return check;
        }
        String pattern = words.substring(body.end());
        try {
            return check.withBodyPattern(Pattern.compile(pattern));
        } catch (PatternSyntaxException e) {
            throw new BadInputException("body pattern " + e.getDescription() + ": " + pattern, e);
        }
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
            throw new BadInputException(name + " of the health check of " + url + " must be positive, was " + value);
        }
    }
}
