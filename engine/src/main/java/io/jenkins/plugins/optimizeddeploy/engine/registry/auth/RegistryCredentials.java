package io.jenkins.plugins.optimizeddeploy.engine.registry.auth;

import io.jenkins.plugins.optimizeddeploy.engine.errors.BadInputException;
import java.util.Objects;

/**
 * A username and password (or token) for a registry. Deliberately not {@link java.io.Serializable} so that it
 * cannot end up in a persisted record; {@link #toString()} never shows the password.
 */
public record RegistryCredentials(String username, String password) {
    public RegistryCredentials {
        Objects.requireNonNull(username, "registry username is required");
        Objects.requireNonNull(password, "registry password is required for user '" + username + "'");
        if (username.isEmpty()) {
            throw new BadInputException("registry username must not be empty");
        }
    }

    @Override
    public String toString() {
        return "RegistryCredentials[username=" + username + ", password=****]";
    }
}
