package io.jenkins.plugins.optimizeddeploy.steps.deploy;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import hudson.AbortException;
import hudson.model.Run;
import java.io.Serializable;
import java.util.Objects;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/**
 * The secret of an HTTP deploy target (the CapRover password or app token, the deploy hook's HMAC key) on its way
 * from the controller's credentials store to the agent. It crosses the remoting channel inside the step's callable
 * and is never persisted; {@link #toString()} hides it.
 */
final class TargetSecret implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String value;

    TargetSecret(String value) {
        this.value = Objects.requireNonNull(value, "the target's secret is required");
    }

    /**
     * The secret text credentials {@code credentialsId} names, as {@code run} may use them; their use is tracked on
     * the run. Null when {@code credentialsId} is (a target without a secret).
     *
     * @throws AbortException naming the step and the id when there are none
     */
    static TargetSecret find(String functionName, String credentialsId, Run<?, ?> run) throws AbortException {
        if (credentialsId == null) {
            return null;
        }
        StringCredentials credentials = CredentialsProvider.findCredentialById(credentialsId, StringCredentials.class, run);
        if (credentials == null) {
            throw new AbortException(functionName + ": no secret text credentials with id '" + credentialsId
                    + "' are available to " + run + " (check the id and the credentials' scope)");
        }
        CredentialsProvider.track(run, credentials);
        return new TargetSecret(credentials.getSecret().getPlainText());
    }

    String value() {
        return value;
    }

    @Override
    public String toString() {
        return "TargetSecret[****]";
    }
}
