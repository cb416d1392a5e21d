package io.jenkins.plugins.optimizeddeploy.steps;

import hudson.AbortException;
import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.optimizeddeploy.engine.image.ImageReference;
import io.jenkins.plugins.optimizeddeploy.engine.lint.FailureThreshold;
import io.jenkins.plugins.optimizeddeploy.engine.lint.LintReport;
import io.jenkins.plugins.optimizeddeploy.engine.registry.CredentialsException;
import io.jenkins.plugins.optimizeddeploy.engine.registry.ImageInspector;
import io.jenkins.plugins.optimizeddeploy.engine.registry.RegistryClient;
import io.jenkins.plugins.optimizeddeploy.engine.registry.RegistryException;
import io.jenkins.plugins.optimizeddeploy.engine.registry.RegistryOptions;
import io.jenkins.plugins.optimizeddeploy.engine.verify.ImageVerifier;
import java.io.File;
import java.util.List;
import java.util.Objects;
import jenkins.MasterToSlaveFileCallable;

/**
 * The engine's image checks, run on the agent that holds the workspace: the registry is reached from where the
 * build's images are pushed. Credentials are the step's, else the agent's docker config.json, as for
 * {@code inspectImage}.
 */
final class VerifyImageOnAgent extends MasterToSlaveFileCallable<LintSummary> {

    private static final long serialVersionUID = 1L;

    private final ImageReference reference;
    private final RegistryOptions options;
    private final FailureThreshold threshold;
    private final AgentCredentials credentials;

    /**
     * @param login                 the step's credentials, or null for the docker config
     * @param dockerConfigDirectory DOCKER_CONFIG of the build, or null for the docker client's default
     */
    VerifyImageOnAgent(ImageReference reference, RegistryOptions options, FailureThreshold threshold,
            RegistryLogin login, String dockerConfigDirectory) {
        this.reference = Objects.requireNonNull(reference, "image reference is required");
        this.options = Objects.requireNonNull(options, "registry options are required for " + reference);
        this.threshold = Objects.requireNonNull(threshold, "failure threshold is required for " + reference);
        this.credentials = new AgentCredentials(login, dockerConfigDirectory);
    }

    @Override
    public LintSummary invoke(File workspace, VirtualChannel channel) throws AbortException {
        try {
            return verify();
        } catch (RegistryException | CredentialsException | IllegalArgumentException e) {
            throw new AbortException(VerifyImageStep.userError(e));
        }
    }

    /**
     * Checks every platform of the image.
     *
     * @throws RegistryException    naming the operation, status, error codes and URL when the registry refuses
     * @throws CredentialsException naming the docker config when it cannot be read
     */
    LintSummary verify() {
        LintReport report;
        try (RegistryClient client = new RegistryClient(options, credentials.toSource())) {
            report = new ImageVerifier(new ImageInspector(client)).verify(List.of(reference), threshold);
        }
        return LintSummary.of(VerifyImageStep.FUNCTION_NAME, report, List.of(reference.toString()), null);
    }
}
