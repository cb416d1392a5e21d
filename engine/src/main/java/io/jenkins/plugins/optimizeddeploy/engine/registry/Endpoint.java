package io.jenkins.plugins.optimizeddeploy.engine.registry;

import java.net.URI;
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
}
