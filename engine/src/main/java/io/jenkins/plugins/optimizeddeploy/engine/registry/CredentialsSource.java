package io.jenkins.plugins.optimizeddeploy.engine.registry;

import java.util.Objects;
import java.util.Optional;

/**
 * Where the registry client finds credentials. It is asked only when a registry demands authentication, with
 * the registry as written in the image reference ({@code docker.io}, {@code 127.0.0.1:5000}).
 */
@FunctionalInterface
public interface CredentialsSource {
    /**
     * The credentials for {@code registryHost}, or empty to go on anonymously.
     *
     * @throws CredentialsException when the credentials exist but cannot be read
     */
    Optional<RegistryCredentials> lookup(String registryHost);

    /** No credentials for any registry. */
    static CredentialsSource anonymous() {
        return registryHost -> Optional.empty();
    }

    /** The same credentials for every registry. */
    static CredentialsSource fixed(RegistryCredentials credentials) {
        Objects.requireNonNull(credentials, "credentials are required for a fixed credentials source");
        return registryHost -> Optional.of(credentials);
    }
}
