package io.jenkins.plugins.optimizeddeploy.steps.verify;

import hudson.AbortException;
import hudson.Extension;
import io.jenkins.plugins.optimizeddeploy.config.StepDefaults;
import io.jenkins.plugins.optimizeddeploy.engine.errors.BadInputException;
import io.jenkins.plugins.optimizeddeploy.engine.findings.FailureThreshold;
import io.jenkins.plugins.optimizeddeploy.engine.image.ImageReference;
import io.jenkins.plugins.optimizeddeploy.engine.registry.RegistryOptions;
import io.jenkins.plugins.optimizeddeploy.forms.CredentialsIdField;
import io.jenkins.plugins.optimizeddeploy.forms.FailOnField;
import io.jenkins.plugins.optimizeddeploy.forms.ImageField;
import io.jenkins.plugins.optimizeddeploy.steps.AgentStepDescriptor;
import io.jenkins.plugins.optimizeddeploy.steps.AgentStepWork;
import io.jenkins.plugins.optimizeddeploy.steps.BuildContext;
import io.jenkins.plugins.optimizeddeploy.steps.LintSummary;
import io.jenkins.plugins.optimizeddeploy.steps.OptionalText;
import io.jenkins.plugins.optimizeddeploy.steps.PipelineExecution;
import io.jenkins.plugins.optimizeddeploy.steps.RegistryStep;
import io.jenkins.plugins.optimizeddeploy.steps.StepInBuild;
import io.jenkins.plugins.optimizeddeploy.steps.StepLabel;
import io.jenkins.plugins.optimizeddeploy.steps.UserError;
import java.io.IOException;
import java.util.Map;
import jenkins.YesNoMaybe;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code verifyImage(image: 'registry.example.com/team/app:1.0', credentialsId: 'registry-login', failOn: 'error')}:
 * checks a built image, every platform of it, from its registry without downloading a layer (root user, no health
 * check, secrets in its environment or labels, remote downloads in its history, SSH port), writes the findings to the
 * build log and returns them counted by severity; the step fails when they reach the failure threshold.
 */
public class VerifyImageStep extends RegistryStep implements StepInBuild {

    static final String FUNCTION_NAME = "verifyImage";
    static final String DEFAULT_FAIL_ON = "error";

    private final String image;
    private String failOn;

    @DataBoundConstructor
    public VerifyImageStep(String image) {
        this.image = image;
    }

    public String getImage() {
        return image;
    }

    /** {@code error}, {@code warning}, {@code info}, {@code style} or {@code none}; unset: the default, else error. */
    public String getFailOn() {
        return failOn;
    }

    @DataBoundSetter
    public void setFailOn(String failOn) {
        this.failOn = OptionalText.of(failOn);
    }

    /**
     * The image argument as a reference.
     *
     * @throws BadInputException naming the argument when it is missing or is not a valid image reference
     */
    static ImageReference parseImage(String image) {
        if (image == null || image.isBlank()) {
            throw new BadInputException("the argument 'image' is required, e.g. "
                    + FUNCTION_NAME + "(image: 'registry.example.com/team/app:1.0')");
        }
        return ImageReference.parse(image.trim());
    }

    /**
     * The failure threshold {@code failOn} names, {@code error} when it is null.
     *
     * @throws BadInputException naming the value and the accepted ones
     */
    static FailureThreshold parseFailOn(String failOn) {
        return FailureThreshold.parse(failOn == null ? DEFAULT_FAIL_ON : failOn);
    }

    /**
     * The threshold given, else the default under Manage Jenkins, else {@code error}.
     *
     * @throws BadInputException naming the value and the accepted ones
     */
    FailureThreshold threshold(StepDefaults defaults) {
        return parseFailOn(StepDefaults.orDefault(failOn, defaults.failOn()));
    }

    /** The one line a user sees for a problem with their input or their registry. */
    static String userError(RuntimeException e) {
        return UserError.line(FUNCTION_NAME, e);
    }

    @Override
    public StepExecution start(StepContext context) {
        return new PipelineExecution<>(new Execution(this), context);
    }

    @Override
    public Map<String, Object> perform(BuildContext build) throws IOException, InterruptedException {
        return new Execution(this).perform(build);
    }

    /**
     * Resolves the credentials on the controller, checks the image on the agent, writes the findings to the build log,
     * records them with the build and fails the step when they reach the threshold.
     */
    private static final class Execution extends AgentStepWork<VerifyImageStep, LintSummary, Map<String, Object>> {

        Execution(VerifyImageStep step) {
            super(step, FUNCTION_NAME);
        }

        @Override
        protected VerifyImageOnAgent onAgent(BuildContext build) throws AbortException {
            ImageReference reference = parseImage(step.getImage());
            FailureThreshold threshold = step.threshold(build.defaults());
            return new VerifyImageOnAgent(reference, RegistryOptions.builder().insecureTls(step.isInsecure()).build(),
                    threshold, login(step, build), dockerConfig(build));
        }
    }

    @Extension(dynamicLoadable = YesNoMaybe.YES)
    @Symbol(FUNCTION_NAME)
    public static final class DescriptorImpl extends AgentStepDescriptor
            implements ImageField, CredentialsIdField, FailOnField {
        public DescriptorImpl() {
            super(FUNCTION_NAME, "Verify a built container image in its registry");
        }

        @Override
        public String defaultFailOnLabel() {
            return "Default (Manage Jenkins, else error)";
        }

        @Override
        public String argumentsToString(Map<String, Object> namedArgs) {
            return StepLabel.image(namedArgs);
        }
    }
}
