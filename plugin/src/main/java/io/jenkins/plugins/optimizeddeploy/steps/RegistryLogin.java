package io.jenkins.plugins.optimizeddeploy.steps;

import io.jenkins.plugins.optimizeddeploy.engine.registry.RegistryCredentials;
import java.io.Serializable;
import java.util.Objects;

/**
 * A registry username and password on their way from the controller's credentials store to the agent. It crosses
 * the remoting channel inside {@link InspectImageOnAgent} and is never persisted; {@link #toString()} hides the
 * password.
 */
final class RegistryLogin implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String username;
    private final String password;

    RegistryLogin(String username, String password) {
        this.username = Objects.requireNonNull(username, "registry username is required");
        this.password = Objects.requireNonNull(password, "registry password is required for user '" + username + "'");
    }

    RegistryCredentials toCredentials() {
        return new RegistryCredentials(username, password);
    }

    @Override
    public String toString() {
        return "RegistryLogin[username=" + username + ", password=****]";
    }
}
