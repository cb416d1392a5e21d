package io.jenkins.plugins.optimizeddeploy.steps.retag;

import hudson.AbortException;
import hudson.Extension;
import io.jenkins.plugins.optimizeddeploy.engine.registry.RegistryOptions;
import io.jenkins.plugins.optimizeddeploy.engine.retag.RetagRequest;
import io.jenkins.plugins.optimizeddeploy.engine.text.TerminalText;
import io.jenkins.plugins.optimizeddeploy.forms.CredentialsIdField;
import io.jenkins.plugins.optimizeddeploy.forms.ImagesField;
import io.jenkins.plugins.optimizeddeploy.forms.TargetRepositoryField;
import io.jenkins.plugins.optimizeddeploy.steps.AgentCredentials;
import io.jenkins.plugins.optimizeddeploy.steps.AgentStepDescriptor;
import io.jenkins.plugins.optimizeddeploy.steps.AgentStepWork;
import io.jenkins.plugins.optimizeddeploy.steps.BuildContext;
import io.jenkins.plugins.optimizeddeploy.steps.NameList;
import io.jenkins.plugins.optimizeddeploy.steps.OptionalText;
import io.jenkins.plugins.optimizeddeploy.steps.PipelineExecution;
import io.jenkins.plugins.optimizeddeploy.steps.RegistryStep;
import io.jenkins.plugins.optimizeddeploy.steps.StepInBuild;
import io.jenkins.plugins.optimizeddeploy.steps.StepLabel;
import io.jenkins.plugins.optimizeddeploy.steps.StepOutcome;
import io.jenkins.plugins.optimizeddeploy.steps.UserError;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jenkins.YesNoMaybe;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code retagImages(images: ['reg/web:abc123', 'reg/worker:abc123'], tags: ['latest', 'prod'], credentialsId: '...')}:
 * gives every image every tag in the registry, without pulling or pushing a layer, all or nothing, and returns per
 * image its digest and the tags that point at it now. With {@code to: 'registry/repository'} the tags go into that
 * repository (another one on the same registry, or another registry) instead of each image's own.
 */
public class RetagImagesStep extends RegistryStep implements StepInBuild {

    static final String FUNCTION_NAME = "retagImages";

    private final List<String> images;
    private final List<String> tags;
    private String to;

    @DataBoundConstructor
    public RetagImagesStep(List<String> images, List<String> tags) {
        this.images = NameList.parse(images);
        this.tags = NameList.parse(tags);
    }

    public List<String> getImages() {
        return new ArrayList<>(images);
    }

    /** The images as the form shows them. */
    public String getImagesText() {
        return NameList.text(images);
    }

    public List<String> getTags() {
        return new ArrayList<>(tags);
    }

    /** The tags as the form shows them. */
    public String getTagsText() {
        return NameList.text(tags);
    }

    /** The repository ({@code registry/repository}) the tags go into; none for each image's own repository. */
    public String getTo() {
        return to;
    }

    @DataBoundSetter
    public void setTo(String to) {
        this.to = OptionalText.of(to);
    }

    /** The one line a user sees for a problem with their input. */
    static String userError(RuntimeException e) {
        return UserError.line(FUNCTION_NAME, e);
    }

    /** A line of the retag's report for the build log: it may quote a registry's answer, so it is escaped. */
    static String logLine(String line) {
        return FUNCTION_NAME + ": " + TerminalText.escape(line);
    }

    /** {@code web:abc123, worker:abc123 -> 1.4.2, prod}, and {@code into REPOSITORY} when the tags go elsewhere. */
    public static String label(Map<String, Object> arguments) {
        String images = StepLabel.join(StepLabel.names(arguments, "images").stream().map(StepLabel::shortImage)
                .toList());
        String tags = StepLabel.join(StepLabel.names(arguments, "tags"));
        if (images == null || tags == null) {
            return images;
        }
        String to = StepLabel.text(arguments, "to");
        return images + " -> " + tags + (to == null ? "" : " into " + to);
    }

    @Override
    public StepExecution start(StepContext context) {
        return new PipelineExecution<>(new Execution(this), context);
    }

    @Override
    public List<Map<String, Object>> perform(BuildContext build) throws IOException, InterruptedException {
        return new Execution(this).perform(build);
    }

    /** Resolves the credentials on the controller and retags on the agent. */
    private static final class Execution
            extends AgentStepWork<RetagImagesStep, StepOutcome<List<Map<String, Object>>>, List<Map<String, Object>>> {

        Execution(RetagImagesStep step) {
            super(step, FUNCTION_NAME);
        }

        @Override
        protected RetagImagesOnAgent onAgent(BuildContext build) throws AbortException {
            RetagRequest request = RetagRequest.of(step.getImages(), step.getTags(), step.getTo());
            return new RetagImagesOnAgent(request, RegistryOptions.builder().insecureTls(step.isInsecure()).build(),
                    new AgentCredentials(login(step, build), dockerConfig(build)), build.listener());
        }
    }

    @Extension(dynamicLoadable = YesNoMaybe.YES)
    @Symbol(FUNCTION_NAME)
    public static final class DescriptorImpl extends AgentStepDescriptor
            implements ImagesField, TargetRepositoryField, CredentialsIdField {
        public DescriptorImpl() {
            super(FUNCTION_NAME, "Give container images new tags in their registry, all or nothing");
        }

        @Override
        public String argumentsToString(Map<String, Object> namedArgs) {
            return label(namedArgs);
        }
    }
}
