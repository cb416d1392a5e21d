package io.jenkins.plugins.optimizeddeploy.steps.inspect;

import hudson.AbortException;
import hudson.Extension;
import io.jenkins.plugins.optimizeddeploy.engine.errors.BadInputException;
import io.jenkins.plugins.optimizeddeploy.engine.image.ImageReference;
import io.jenkins.plugins.optimizeddeploy.engine.registry.RegistryOptions;
import io.jenkins.plugins.optimizeddeploy.forms.CredentialsIdField;
import io.jenkins.plugins.optimizeddeploy.forms.ImageField;
import io.jenkins.plugins.optimizeddeploy.steps.AgentStepDescriptor;
import io.jenkins.plugins.optimizeddeploy.steps.AgentStepWork;
import io.jenkins.plugins.optimizeddeploy.steps.BuildContext;
import io.jenkins.plugins.optimizeddeploy.steps.PipelineExecution;
import io.jenkins.plugins.optimizeddeploy.steps.RegistryStep;
import io.jenkins.plugins.optimizeddeploy.steps.StepInBuild;
import io.jenkins.plugins.optimizeddeploy.steps.StepLabel;
import io.jenkins.plugins.optimizeddeploy.steps.StepOutcome;
import io.jenkins.plugins.optimizeddeploy.steps.UserError;
import java.io.IOException;
import java.util.Map;
import jenkins.YesNoMaybe;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;

/**
 * {@code inspectImage(image: 'registry.example.com/team/app:1.0', credentialsId: 'registry-login', insecure: false)}:
 * reads an image's manifest and configuration from its registry (no layer is downloaded) and returns a Map with
 * its digest, media type and, per platform, compressed size, layer count, user, healthcheck, exposed ports,
 * labels and creation time.
 */
public class InspectImageStep extends RegistryStep implements StepInBuild {

    static final String FUNCTION_NAME = "inspectImage";

    private final String image;

    @DataBoundConstructor
    public InspectImageStep(String image) {
        this.image = image;
    }

    public String getImage() {
        return image;
    }

    /**
     * The image argument as a reference.
     *
     * @throws BadInputException naming the argument when it is missing or is not a valid image reference
     */
    ImageReference reference() {
        return parseImage(image);
    }

    static ImageReference parseImage(String image) {
        if (image == null || image.isBlank()) {
            throw new BadInputException("the argument 'image' is required, e.g. "
                    + FUNCTION_NAME + "(image: 'registry.example.com/team/app:1.0')");
        }
        return ImageReference.parse(image.trim());
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

    /** Resolves the credentials on the controller and inspects the image on the agent. */
    private static final class Execution
            extends AgentStepWork<InspectImageStep, StepOutcome<Map<String, Object>>, Map<String, Object>> {

        Execution(InspectImageStep step) {
            super(step, FUNCTION_NAME);
        }

        @Override
        protected InspectImageOnAgent onAgent(BuildContext build) throws AbortException {
            ImageReference reference = parseImage(step.getImage());
            return new InspectImageOnAgent(reference, RegistryOptions.builder().insecureTls(step.isInsecure()).build(),
                    login(step, build), dockerConfig(build));
        }
    }

    @Extension(dynamicLoadable = YesNoMaybe.YES)
    @Symbol(FUNCTION_NAME)
    public static final class DescriptorImpl extends AgentStepDescriptor implements ImageField, CredentialsIdField {
        public DescriptorImpl() {
            super(FUNCTION_NAME, "Inspect a container image in its registry");
        }

        @Override
        public String argumentsToString(Map<String, Object> namedArgs) {
            return StepLabel.image(namedArgs);
        }
    }
}
