package io.jenkins.plugins.optimizeddeploy.engine.registry.auth;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Fixed credentials that record every lookup. The client looks credentials up for each Bearer token request it
 * sends (and for nothing else when the registry uses tokens), so the lookups count the token requests.
 */
public final class CountingCredentials implements CredentialsSource {
    private final RegistryCredentials credentials;
    private final List<String> lookups = new CopyOnWriteArrayList<>();

    public CountingCredentials(String username, String password) {
        this.credentials = new RegistryCredentials(username, password);
    }

    @Override
    public Optional<RegistryCredentials> lookup(String registryHost) {
        lookups.add(registryHost);
        return Optional.of(credentials);
    }

    public List<String> lookups() {
        return List.copyOf(lookups);
    }
}
