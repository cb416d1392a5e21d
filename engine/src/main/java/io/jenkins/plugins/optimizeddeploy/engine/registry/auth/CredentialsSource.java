package io.jenkins.plugins.optimizeddeploy.engine.registry.auth;

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

    /**
     * {@code credentials} for {@code registry} alone ({@code docker.io}, {@code registry.example.com:5000}; the
     * names docker gives Docker Hub count as one), and what {@code others} says for every other registry: explicit
     * credentials never reach a registry they were not given for.
     */
    static CredentialsSource forRegistry(String registry, RegistryCredentials credentials, CredentialsSource others) {
        Objects.requireNonNull(credentials, "credentials are required for registry " + registry);
        Objects.requireNonNull(others, "a credentials source for the other registries is required");
        String bound = DockerConfigCredentials.normalise(registry);
        return registryHost -> DockerConfigCredentials.normalise(registryHost).equals(bound)
                ? Optional.of(credentials)
                : others.lookup(registryHost);
    }
}
