package io.jenkins.plugins.optimizeddeploy.builders;

import hudson.Extension;
import io.jenkins.plugins.optimizeddeploy.steps.bake.BakeImagesStep;
import io.jenkins.plugins.optimizeddeploy.steps.StepInBuild;
import java.util.Objects;
import jenkins.YesNoMaybe;
import org.kohsuke.stapler.DataBoundConstructor;

/** {@code bakeImages} in a freestyle job. */
public class BakeImagesBuilder extends StepBuilder {

    private final BakeImagesStep step;

    @DataBoundConstructor
    public BakeImagesBuilder(BakeImagesStep step) {
        this.step = Objects.requireNonNull(step, "step");
    }

    public BakeImagesStep getStep() {
        return step;
    }

    @Override
    protected StepInBuild work() {
        return step;
    }

    @Extension(dynamicLoadable = YesNoMaybe.YES)
    public static final class DescriptorImpl extends StepBuilderDescriptor {
        public DescriptorImpl() {
            super("Build and push images of a bake file (optimized-deploy)");
        }
    }
}
