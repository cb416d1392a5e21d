package io.jenkins.plugins.optimizeddeploy.builders;

import hudson.Extension;
import io.jenkins.plugins.optimizeddeploy.steps.deploy.DeployImagesStep;
import io.jenkins.plugins.optimizeddeploy.steps.StepInBuild;
import java.util.Objects;
import jenkins.YesNoMaybe;
import org.kohsuke.stapler.DataBoundConstructor;

/** {@code deployImages} in a freestyle job. */
public class DeployImagesBuilder extends StepBuilder {

    private final DeployImagesStep step;

    @DataBoundConstructor
    public DeployImagesBuilder(DeployImagesStep step) {
        this.step = Objects.requireNonNull(step, "step");
    }

    public DeployImagesStep getStep() {
        return step;
    }

    @Override
    protected StepInBuild work() {
        return step;
    }

    @Extension(dynamicLoadable = YesNoMaybe.YES)
    public static final class DescriptorImpl extends StepBuilderDescriptor {
        public DescriptorImpl() {
            super("Deploy images by digest behind a health gate (optimized-deploy)");
        }
    }
}
