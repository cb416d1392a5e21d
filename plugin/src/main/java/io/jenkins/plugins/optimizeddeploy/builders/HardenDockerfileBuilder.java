package io.jenkins.plugins.optimizeddeploy.builders;

import hudson.Extension;
import io.jenkins.plugins.optimizeddeploy.steps.harden.HardenDockerfileStep;
import io.jenkins.plugins.optimizeddeploy.steps.StepInBuild;
import java.util.Objects;
import jenkins.YesNoMaybe;
import org.kohsuke.stapler.DataBoundConstructor;

/** {@code hardenDockerfile} in a freestyle job. */
public class HardenDockerfileBuilder extends StepBuilder {

    private final HardenDockerfileStep step;

    @DataBoundConstructor
    public HardenDockerfileBuilder(HardenDockerfileStep step) {
        this.step = Objects.requireNonNull(step, "step");
    }

    public HardenDockerfileStep getStep() {
        return step;
    }

    @Override
    protected StepInBuild work() {
        return step;
    }

    @Extension(dynamicLoadable = YesNoMaybe.YES)
    public static final class DescriptorImpl extends StepBuilderDescriptor {
        public DescriptorImpl() {
            super("Lint Dockerfiles (optimized-deploy)");
        }
    }
}
