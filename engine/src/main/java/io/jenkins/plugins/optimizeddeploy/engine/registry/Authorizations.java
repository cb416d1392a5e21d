package io.jenkins.plugins.optimizeddeploy.engine.registry;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.optimizeddeploy.engine.registry.auth.AuthChallenge;
import io.jenkins.plugins.optimizeddeploy.engine.registry.auth.CredentialsSource;
import io.jenkins.plugins.optimizeddeploy.engine.registry.auth.RegistryCredentials;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Answers a registry's challenge: nothing for an open registry, the credentials for {@code Basic}, and for
 * {@code Bearer} a token from the challenge's realm (with the credentials when there are any, anonymously
 * otherwise). The credentials go to a realm only over https or on the registry's own address (scheme, host and
 * port): a plain http realm anywhere else (another host, another port, or plain http for an https registry) is asked
 * anonymously. One token is kept per registry and scope ({@code repository:NAME:ACTIONS}) until it expires.
 */
final class Authorizations {
    /** The token lifetime the distribution token specification prescribes when the server names none. */
    private static final Duration DEFAULT_TOKEN_LIFETIME = Duration.ofSeconds(60);
    /** Renew a little early so a token does not expire between the check and the request. */
    private static final Duration EXPIRY_MARGIN = Duration.ofSeconds(5);
    private static final int TOKEN_RESPONSE_LIMIT = 1024 * 1024;
    /** For a request that needs no repository access, such as the API root: the token request names no scope. */
    static final String NO_SCOPE = "";

    private final RegistryTransport transport;
    private final CredentialsSource credentials;
    private final Clock clock;
    private final ConcurrentMap<String, BearerToken> tokens = new ConcurrentHashMap<>();

    Authorizations(RegistryTransport transport, CredentialsSource credentials, Clock clock) {
        this.transport = transport;
        this.credentials = credentials;
        this.clock = clock;
    }

    /** An {@code Authorization} header value and the user it speaks for (empty when anonymous). */
    record Authorization(String header, Optional<String> user) {
    }

    /**
     * The authorization for a request to {@code endpoint} needing {@code scope}; empty when the registry asked
     * for none or basic credentials are missing. {@code renew} drops a cached token first.
     */
    Optional<Authorization> forRequest(Endpoint endpoint, String scope, boolean renew) {
        if (endpoint.challenge().isEmpty()) {
            return Optional.empty();
        }
        AuthChallenge challenge = endpoint.challenge().get();
        if (challenge.scheme().equals(AuthChallenge.BEARER)) {
            String key = endpoint.registry() + " " + challenge.parameter("realm").orElse("") + " " + scope;
            if (renew) {
                tokens.remove(key);
            }
            BearerToken broader = scope.endsWith(":pull") ? tokens.get(key + ",push") : null;
            if (!renew && broader != null && broader.validAt(clock.instant())) {
                // A token that may push may pull too: no second token for the same repository.
                return Optional.of(new Authorization("Bearer " + broader.value(), broader.user()));
            }
            BearerToken token = tokens.compute(key, (k, cached) -> cached != null && cached.validAt(clock.instant())
                    ? cached
                    : requestToken(endpoint, challenge, scope));
            return Optional.of(new Authorization("Bearer " + token.value(), token.user()));
        }
        if (challenge.scheme().equals(AuthChallenge.BASIC)) {
            return credentials.lookup(endpoint.registry())
                    .map(found -> new Authorization(basic(found), Optional.of(found.username())));
        }
        throw new RegistryException("authenticate to " + endpoint.registry(), 401, List.of(), endpoint.apiRoot(),
                "the registry asks for '" + challenge.scheme() + "' authentication; only Basic and Bearer are"
                        + " supported");
    }

    private BearerToken requestToken(Endpoint endpoint, AuthChallenge challenge, String scope) {
        String operation = "request a token for " + (scope.equals(NO_SCOPE) ? "the API root" : scope) + " at "
                + endpoint.registry();
        String realm = challenge.parameter("realm").orElseThrow(() -> new RegistryException(operation, 401,
                List.of(), endpoint.apiRoot(), "the Bearer challenge names no realm (token server)"));
        URI tokenUri = tokenUri(operation, endpoint, realm, challenge.parameter("service"), scope);
        boolean trusted = "https".equals(tokenUri.getScheme()) || endpoint.isOwn(tokenUri);
        Optional<RegistryCredentials> found =
                trusted ? credentials.lookup(endpoint.registry()) : Optional.empty();
        RegistryRequest asked = transport.request("GET", tokenUri).header("Accept", "application/json");
        RegistryRequest request = found.map(c -> asked.header("Authorization", basic(c))).orElse(asked);
        return transport.retryingBrokenResponses(
                () -> requestToken(operation, tokenUri, request, found, endpoint, trusted));
    }

    private BearerToken requestToken(String operation, URI tokenUri, RegistryRequest request,
            Optional<RegistryCredentials> found, Endpoint endpoint, boolean trusted) {
        RegistryResponse response = transport.send(RequestKind.TOKEN, operation, request);
        if (response.statusCode() != 200) {
            RegistryErrors errors = RegistryErrors.parse(RegistryJson.reader(), RegistryTransport.readErrorBody(response));
            String anonymousRefused = trusted
                    ? "the token server refused anonymous access; credentials are needed for " + endpoint.registry()
                    : "the token server refused anonymous access, and the credentials for " + endpoint.registry()
                            + " are not sent to it: it is neither on the registry's own address (scheme, host and"
                            + " port) nor https";
            String problem = response.statusCode() == 401 || response.statusCode() == 403
                    ? found.map(c -> "the token server rejected the credentials of user '" + c.username() + "'")
                            .orElse(anonymousRefused)
                    : errors.describe("the token server answered HTTP " + response.statusCode());
            throw new RegistryException(operation, response.statusCode(), errors.codes(), tokenUri,
                    problem + (errors.messages().isEmpty() ? "" : " (" + errors.describe("") + ")"));
        }
        byte[] body = transport.readBody(operation, response, TOKEN_RESPONSE_LIMIT);
        JsonNode answer;
        try {
            answer = RegistryJson.reader().readTree(body);
        } catch (IOException e) {
            // Not echoing the body: it may hold a token.
            throw new RegistryException(operation, 200, List.of(), tokenUri, "the token server's answer is not JSON");
        }
        String token = answer.path("token").asText("");
        if (token.isEmpty()) {
            token = answer.path("access_token").asText("");
        }
        if (token.isEmpty()) {
            throw new RegistryException(operation, 200, List.of(), tokenUri,
                    "the token server's answer has neither 'token' nor 'access_token'");
        }
        long lifetime = answer.path("expires_in").asLong(0);
        Duration expiresIn = lifetime > 0 ? Duration.ofSeconds(lifetime) : DEFAULT_TOKEN_LIFETIME;
        return new BearerToken(token, issuedAt(answer).plus(expiresIn), found.map(RegistryCredentials::username));
    }

    private Instant issuedAt(JsonNode answer) {
        String issued = answer.path("issued_at").asText("");
        if (!issued.isEmpty()) {
            try {
                Instant at = Instant.parse(issued);
                // A token server with a skewed clock must not make a fresh token look expired.
                return at.isAfter(clock.instant()) ? clock.instant() : at;
            } catch (DateTimeParseException ignored) {
                // issued_at is optional; the local clock stands in.
            }
        }
        return clock.instant();
    }

    private static URI tokenUri(String operation, Endpoint endpoint, String realm, Optional<String> service,
            String scope) {
        StringBuilder uri = new StringBuilder(realm).append(realm.contains("?") ? '&' : '?');
        service.ifPresent(s -> uri.append("service=").append(URLEncoder.encode(s, StandardCharsets.UTF_8)).append('&'));
        if (scope.equals(NO_SCOPE)) {
            uri.setLength(uri.length() - 1);
        }
        if (!scope.equals(NO_SCOPE)) {
            uri.append("scope=").append(URLEncoder.encode(scope, StandardCharsets.UTF_8));
        }
        try {
            URI tokenUri = URI.create(uri.toString());
            boolean plainAllowed = "http".equals(tokenUri.getScheme()) && tokenUri.getHost() != null
                    && Loopback.isLoopback(tokenUri.getHost());
            if (!"https".equals(tokenUri.getScheme()) && !plainAllowed) {
                throw new IllegalArgumentException("it must be https (plain http only on a loopback address)");
            }
            return tokenUri;
        } catch (IllegalArgumentException e) {
            throw new RegistryException(operation, 401, List.of(), endpoint.apiRoot(),
                    "the Bearer challenge's realm '" + RedactedUrl.of(URI.create(realm.replace(" ", "%20")))
                            + "' is not usable: " + e.getMessage());
        }
    }

    private static String basic(RegistryCredentials credentials) {
        String pair = credentials.username() + ":" + credentials.password();
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    private record BearerToken(String value, Instant expiresAt, Optional<String> user) {
        boolean validAt(Instant now) {
            return now.isBefore(expiresAt.minus(EXPIRY_MARGIN));
        }

        @Override
        public String toString() {
            return "BearerToken[expiresAt=" + expiresAt + ", user=" + user + "]";
        }
    }
}
