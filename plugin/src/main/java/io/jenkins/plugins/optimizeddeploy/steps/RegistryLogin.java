package io.jenkins.plugins.optimizeddeploy.steps;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.AbortException;
import hudson.model.Run;
import io.jenkins.plugins.optimizeddeploy.engine.registry.auth.RegistryCredentials;
import java.io.Serializable;
import java.util.Objects;

/**
 * A registry username and password on their way from the controller's credentials store to the agent. It crosses
 * the remoting channel inside the step's callable and is never persisted; {@link #toString()} hides the
 * password.
 */
public final class RegistryLogin implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String username;
    private final String password;

    public RegistryLogin(String username, String password) {
        this.username = Objects.requireNonNull(username, "registry username is required");
        this.password = Objects.requireNonNull(password, "registry password is required for user '" + username + "'");
    }

    /**
     * The username/password credentials {@code credentialsId} names, as {@code run} may use them; their use is
     * tracked on the run. Null when {@code credentialsId} is: the step then uses the agent's docker login.
     *
     * @throws AbortException naming the step and the id when there are none
     */
    public static RegistryLogin find(String functionName, String credentialsId, Run<?, ?> run) throws AbortException {
        if (credentialsId == null) {
            return null;
        }
        StandardUsernamePasswordCredentials credentials =
                CredentialsProvider.findCredentialById(credentialsId, StandardUsernamePasswordCredentials.class, run);
        if (credentials == null) {
            throw new AbortException(functionName + ": no username/password credentials with id '" + credentialsId
                    + "' are available to " + run + " (check the id and the credentials' scope)");
        }
        CredentialsProvider.track(run, credentials);
        return new RegistryLogin(credentials.getUsername(), credentials.getPassword().getPlainText());
    }

    RegistryCredentials toCredentials() {
        return new RegistryCredentials(username, password);
    }

    /** {@code username:password}, as docker's config.json holds a login (base64-encoded). */
    String basicAuthentication() {
        return username + ":" + password;
    }

    @Override
    public String toString() {
        return "RegistryLogin[username=" + username + ", password=****]";
    }
}
