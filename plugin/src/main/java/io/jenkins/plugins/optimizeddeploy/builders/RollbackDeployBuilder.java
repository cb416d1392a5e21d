package io.jenkins.plugins.optimizeddeploy.builders;

import hudson.Extension;
import io.jenkins.plugins.optimizeddeploy.steps.deploy.RollbackDeployStep;
import io.jenkins.plugins.optimizeddeploy.steps.StepInBuild;
import java.util.Objects;
import jenkins.YesNoMaybe;
import org.kohsuke.stapler.DataBoundConstructor;

/** {@code rollbackDeploy} in a freestyle job. */
public class RollbackDeployBuilder extends StepBuilder {

    private final RollbackDeployStep step;

    @DataBoundConstructor
    public RollbackDeployBuilder(RollbackDeployStep step) {
        this.step = Objects.requireNonNull(step, "step");
    }

    public RollbackDeployStep getStep() {
        return step;
    }

    @Override
    protected StepInBuild work() {
        return step;
    }

    @Extension(dynamicLoadable = YesNoMaybe.YES)
    public static final class DescriptorImpl extends StepBuilderDescriptor {
        public DescriptorImpl() {
            super("Roll deployed services back (optimized-deploy)");
        }
    }
}
