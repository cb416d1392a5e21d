package io.jenkins.plugins.optimizeddeploy.builders;

import hudson.Extension;
import io.jenkins.plugins.optimizeddeploy.steps.retag.RetagImagesStep;
import io.jenkins.plugins.optimizeddeploy.steps.StepInBuild;
import java.util.Objects;
import jenkins.YesNoMaybe;
import org.kohsuke.stapler.DataBoundConstructor;

/** {@code retagImages} in a freestyle job. */
public class RetagImagesBuilder extends StepBuilder {

    private final RetagImagesStep step;

    @DataBoundConstructor
    public RetagImagesBuilder(RetagImagesStep step) {
        this.step = Objects.requireNonNull(step, "step");
    }

    public RetagImagesStep getStep() {
        return step;
    }

    @Override
    protected StepInBuild work() {
        return step;
    }

    @Extension(dynamicLoadable = YesNoMaybe.YES)
    public static final class DescriptorImpl extends StepBuilderDescriptor {
        public DescriptorImpl() {
            super("Give container images new tags (optimized-deploy)");
        }
    }
}
