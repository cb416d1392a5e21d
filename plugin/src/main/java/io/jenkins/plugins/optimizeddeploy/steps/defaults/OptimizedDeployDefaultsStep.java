package io.jenkins.plugins.optimizeddeploy.steps.defaults;

import hudson.Extension;
import io.jenkins.plugins.optimizeddeploy.config.OptimizedDeployConfiguration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import jenkins.YesNoMaybe;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;

/**
 * {@code optimizedDeployDefaults()}: the defaults set under Manage Jenkins » System as a map of the names that are set
 * ({@code registry}, {@code credentialsId}, {@code cacheRepository}, {@code defaultBranch}, {@code backend},
 * {@code failOn}). The shared library's {@code optimizedDeploy} puts them between its defaults file and the call's
 * map; read-only, it needs no agent.
 */
public class OptimizedDeployDefaultsStep extends Step {

    static final String FUNCTION_NAME = "optimizedDeployDefaults";

    @DataBoundConstructor
    public OptimizedDeployDefaultsStep() {
        // no arguments: the step only reads the global configuration
    }

    @Override
    public StepExecution start(StepContext context) {
        return new Execution(context);
    }

    /** Answers at once, on the controller: the map holds only strings, so it can be kept with the Pipeline program. */
    static final class Execution extends StepExecution {

        private static final long serialVersionUID = 1L;

        Execution(StepContext context) {
            super(context);
        }

        @Override
        public boolean start() {
            getContext().onSuccess(new LinkedHashMap<>(OptimizedDeployConfiguration.get().defaults().asMap()));
            return true;
        }
    }

    @Extension(dynamicLoadable = YesNoMaybe.YES)
    @Symbol(FUNCTION_NAME)
    public static final class DescriptorImpl extends StepDescriptor {

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of();
        }

        @Override
        public String getFunctionName() {
            return FUNCTION_NAME;
        }

        @Override
        public String getDisplayName() {
            return "The optimized-deploy defaults under Manage Jenkins, as a map";
        }

        @Override
        public String argumentsToString(Map<String, Object> namedArgs) {
            return null;
        }
    }
}
