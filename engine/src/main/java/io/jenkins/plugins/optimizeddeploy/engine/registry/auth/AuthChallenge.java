package io.jenkins.plugins.optimizeddeploy.engine.registry.auth;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One challenge of a {@code WWW-Authenticate} header (RFC 7235): a scheme ({@code basic}, {@code bearer}, lower
 * case) and its parameters ({@code realm}, {@code service}, {@code scope}, {@code error}) with lower-case names.
 */
public record AuthChallenge(String scheme, Map<String, String> parameters) {
    public static final String BASIC = "basic";
    public static final String BEARER = "bearer";

    public AuthChallenge {
        parameters = Map.copyOf(parameters);
    }

    public Optional<String> parameter(String name) {
        return Optional.ofNullable(parameters.get(name));
    }

    /** Every challenge in the given header values; a value may hold several, separated by commas. */
    public static List<AuthChallenge> parse(List<String> headerValues) {
        List<AuthChallenge> challenges = new ArrayList<>();
        for (String value : headerValues) {
            new ChallengeReader(value).readAll(challenges);
        }
        return challenges;
    }

    /** The challenge to answer: bearer when offered (it scopes access), else basic. */
    public static Optional<AuthChallenge> preferred(List<AuthChallenge> challenges) {
        return challenges.stream().filter(c -> c.scheme().equals(BEARER)).findFirst()
                .or(() -> challenges.stream().filter(c -> c.scheme().equals(BASIC)).findFirst());
    }

    private static final class ChallengeReader {
        private final String text;
        private int position;

        ChallengeReader(String text) {
            this.text = text;
        }

        void readAll(List<AuthChallenge> into) {
            skip(" \t,");
            while (position < text.length()) {
                String scheme = token();
                if (scheme.isEmpty()) {
                    // Not a token (a stray '=' or quote): step over it rather than loop forever.
                    position++;
                    skip(" \t,");
                    continue;
                }
                Map<String, String> parameters = new LinkedHashMap<>();
                skip(" \t");
                while (position < text.length()) {
                    int start = position;
                    String name = token();
                    skip(" \t");
                    if (name.isEmpty() || !peek('=')) {
                        position = start;
                        break;
                    }
                    position++;
                    skip(" \t");
                    parameters.put(name.toLowerCase(Locale.ROOT), peek('"') ? quoted() : token());
                    skip(" \t,");
                }
                into.add(new AuthChallenge(scheme.toLowerCase(Locale.ROOT), parameters));
                skip(" \t,");
            }
        }

        private boolean peek(char expected) {
            return position < text.length() && text.charAt(position) == expected;
        }

        private void skip(String characters) {
            while (position < text.length() && characters.indexOf(text.charAt(position)) >= 0) {
                position++;
            }
        }

        private String token() {
            int start = position;
            while (position < text.length() && " \t,=\"".indexOf(text.charAt(position)) < 0) {
                position++;
            }
            return text.substring(start, position);
        }

        private String quoted() {
            StringBuilder value = new StringBuilder();
            position++;
            while (position < text.length() && text.charAt(position) != '"') {
                if (text.charAt(position) == '\\' && position + 1 < text.length()) {
                    position++;
                }
                value.append(text.charAt(position++));
            }
            position++;
            return value.toString();
        }
    }
}
