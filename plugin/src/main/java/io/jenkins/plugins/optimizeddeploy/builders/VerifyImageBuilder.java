package io.jenkins.plugins.optimizeddeploy.builders;

import hudson.Extension;
import io.jenkins.plugins.optimizeddeploy.steps.StepInBuild;
import io.jenkins.plugins.optimizeddeploy.steps.verify.VerifyImageStep;
import java.util.Objects;
import jenkins.YesNoMaybe;
import org.kohsuke.stapler.DataBoundConstructor;

/** {@code verifyImage} in a freestyle job. */
public class VerifyImageBuilder extends StepBuilder {

    private final VerifyImageStep step;

    @DataBoundConstructor
    public VerifyImageBuilder(VerifyImageStep step) {
        this.step = Objects.requireNonNull(step, "step");
    }

    public VerifyImageStep getStep() {
        return step;
    }

    @Override
    protected StepInBuild work() {
        return step;
    }

    @Extension(dynamicLoadable = YesNoMaybe.YES)
    public static final class DescriptorImpl extends StepBuilderDescriptor {
        public DescriptorImpl() {
            super("Verify a container image in its registry (optimized-deploy)");
        }
    }
}
