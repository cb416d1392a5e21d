package io.jenkins.plugins.optimizeddeploy.steps.defaults;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.Extension;
import jenkins.YesNoMaybe;
import org.jenkinsci.Symbol;
import org.junit.jupiter.api.Test;
import sun.reflect.ReflectionFactory;

/** The read-only step the shared library's optimizedDeploy calls for the global configuration's defaults. */
class OptimizedDeployDefaultsStepTest {

    @Test
    void shouldRegisterTheDescriptorAsADynamicallyLoadableExtensionUnderTheNameTheLibraryCalls() throws Exception {
        Class<OptimizedDeployDefaultsStep.DescriptorImpl> type = OptimizedDeployDefaultsStep.DescriptorImpl.class;

        assertThat(type.getAnnotation(Extension.class).dynamicLoadable()).isEqualTo(YesNoMaybe.YES);
        assertThat(type.getAnnotation(Symbol.class).value()).containsExactly("optimizedDeployDefaults");
        assertThat(descriptor().getFunctionName()).isEqualTo("optimizedDeployDefaults");
    }

    @Test
    void shouldNeedNoAgentWorkspaceOrBuildLog() throws Exception {
        assertThat(descriptor().getRequiredContext()).isEmpty();
    }

    /** The descriptor without Descriptor's constructor, which needs a running Jenkins. */
    private static OptimizedDeployDefaultsStep.DescriptorImpl descriptor() throws ReflectiveOperationException {
        return (OptimizedDeployDefaultsStep.DescriptorImpl) ReflectionFactory.getReflectionFactory()
                .newConstructorForSerialization(OptimizedDeployDefaultsStep.DescriptorImpl.class,
                        Object.class.getDeclaredConstructor())
                .newInstance();
    }
}
