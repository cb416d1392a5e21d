package io.jenkins.plugins.optimizeddeploy.steps;

import io.jenkins.plugins.optimizeddeploy.engine.errors.EngineException;
import io.jenkins.plugins.optimizeddeploy.engine.findings.FailureThreshold;
import io.jenkins.plugins.optimizeddeploy.engine.findings.LintReport;
import io.jenkins.plugins.optimizeddeploy.engine.image.ImageReference;
import io.jenkins.plugins.optimizeddeploy.engine.inspect.ImageInspector;
import io.jenkins.plugins.optimizeddeploy.engine.metrics.Phase;
import io.jenkins.plugins.optimizeddeploy.engine.registry.RegistryClient;
import io.jenkins.plugins.optimizeddeploy.engine.registry.RegistryOptions;
import io.jenkins.plugins.optimizeddeploy.engine.verify.ImageVerifier;
import java.util.List;
import java.util.Objects;

/** The engine's image checks, as {@link ImageReadOnAgent} runs them: every platform of the image. */
final class VerifyImageOnAgent extends ImageReadOnAgent<LintSummary> {

    private static final long serialVersionUID = 1L;

    private final FailureThreshold threshold;

    /**
     * @param login                 the step's credentials, or null for the docker config
     * @param dockerConfigDirectory DOCKER_CONFIG of the build, or null for the docker client's default
     */
    VerifyImageOnAgent(ImageReference reference, RegistryOptions options, FailureThreshold threshold,
            RegistryLogin login, String dockerConfigDirectory) {
        super(reference, options, login, dockerConfigDirectory);
        this.threshold = Objects.requireNonNull(threshold, "failure threshold is required for " + reference);
    }

    @Override
    LintSummary readWith(RegistryClient client) {
        long started = System.nanoTime();
        LintReport report = new ImageVerifier(new ImageInspector(client)).verify(List.of(reference), threshold);
        return LintSummary.of(VerifyImageStep.FUNCTION_NAME, Phase.VERIFY, report, List.of(reference.toString()), null,
                started);
    }

    @Override
    String userError(EngineException e) {
        return VerifyImageStep.userError(e);
    }
}
