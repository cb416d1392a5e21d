package io.jenkins.plugins.optimizeddeploy.steps.defaults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;

import io.jenkins.plugins.optimizeddeploy.config.OptimizedDeployConfiguration;
import io.jenkins.plugins.optimizeddeploy.jenkinsruntime.TestStepContext;
import java.time.Duration;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The read-only step the shared library's optimizedDeploy calls for the global configuration's defaults. */
class OptimizedDeployDefaultsStepTest {

    private final OptimizedDeployConfiguration configuration = OptimizedDeployConfiguration.get();

    @AfterEach
    void unsetTheDefaults() {
        configuration.setRegistry(null);
        configuration.setFailOn(null);
    }

    @Test
    void shouldAnswerWithTheDefaultsSetUnderManageJenkinsWithoutAnAgentWorkspaceOrBuildLog() throws Exception {
        configuration.setRegistry("reg.example.com/team/");
        configuration.setFailOn("error");
        TestStepContext nothingButTheController = new TestStepContext();

        new OptimizedDeployDefaultsStep().start(nothingButTheController).start();

        assertThat(nothingButTheController.awaitResult(Duration.ofSeconds(5))).asInstanceOf(MAP)
                .containsOnly(entry("registry", "reg.example.com/team"),
                        entry("failOn", "error"));
    }

    @Test
    void shouldBeCalledByTheNameTheLibraryCallsAndAskForNoContext() {
        StepDescriptor descriptor = (StepDescriptor) new OptimizedDeployDefaultsStep().getDescriptor();

        assertThat(descriptor.getFunctionName()).isEqualTo("optimizedDeployDefaults");
        assertThat(descriptor.getRequiredContext()).isEmpty();
    }
}
