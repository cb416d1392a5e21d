package io.jenkins.plugins.optimizeddeploy.engine.registry;

import io.jenkins.plugins.optimizeddeploy.engine.registry.auth.AuthChallenge;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * A registry as discovered by its {@code /v2/} ping: the API root (https, or http for a loopback registry that
 * does not speak TLS) and the authentication it asked for, if any.
 */
record Endpoint(String registry, URI apiRoot, Optional<AuthChallenge> challenge) {
    Endpoint withChallenge(AuthChallenge newChallenge) {
        return new Endpoint(registry, apiRoot, Optional.of(newChallenge));
    }

    URI resolve(String path) {
        return apiRoot.resolve(path);
    }

    /**
     * Whether {@code uri} is on the registry's own scheme, host and port: only there does the registry's
     * {@code Authorization} go (an upload {@code Location} elsewhere gets none), and only there, or over https, does
     * a token realm get the registry's credentials.
     */
    boolean isOwn(URI uri) {
        return scheme(uri).equals(scheme(apiRoot)) && host(uri).equals(host(apiRoot)) && port(uri) == port(apiRoot);
    }

    private static String scheme(URI uri) {
        return uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    }

    private static String host(URI uri) {
        return uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
    }

    private static int port(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : scheme(uri).equals("https") ? 443 : 80;
    }
}
