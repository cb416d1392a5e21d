package io.jenkins.plugins.optimizeddeploy.steps.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;

import io.jenkins.plugins.optimizeddeploy.action.OptimizedDeployAction;
import io.jenkins.plugins.optimizeddeploy.jenkinsruntime.PipelineBuild;
import io.jenkins.plugins.optimizeddeploy.steps.StepAbort;
import io.jenkins.plugins.optimizeddeploy.steps.StepBuilds;
import io.jenkins.plugins.optimizeddeploy.testsupport.RegistryExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** verifyImage as a Pipeline runs it, on the test runtime, against a real registry with basic auth. */
class VerifyImageExecutionIT {

    @RegisterExtension
    static final RegistryExtension registry = RegistryExtension.basicAuth();

    @RegisterExtension
    static final StepBuilds builds = StepBuilds.loggedInTo(registry);

    @Test
    void shouldVerifyWithTheStoresCredentialsAndRecordTheFindingsOnTheBuild(PipelineBuild build) throws Exception {
        String image = registry.pushBusyboxBase("plugin/execution-verify", "1");

        Object returned = build.run(step(image, "none", "registry"));

        assertThat(returned).asInstanceOf(MAP).containsEntry("failed", false).containsEntry("total", 2);
        assertThat(build.build().getAction(OptimizedDeployAction.class).getSummaries("verifyImage"))
                .singleElement().satisfies(summary -> assertThat(summary.getSubject()).isEqualTo(image));
        assertThat(build.job().credentials().uses()).containsExactly("registry by job #1");
        assertThat(build.log()).contains(image + " linux/amd64:1:1 error OD2001").doesNotContain(registry.password());
    }

    @Test
    void shouldRecordTheFindingsAndFailWithOneLineWhenTheyReachTheThreshold(PipelineBuild build) {
        String image = registry.pushBusyboxBase("plugin/execution-verify-root", "1");

        assertThat(StepAbort.lineOf(build, step(image, "error", "registry"))).isEqualTo("verifyImage: 2 finding(s) in "
                + image + " (1 error, 1 warning, 0 info, 0 style), failing on error");
        assertThat(build.build().getAction(OptimizedDeployAction.class).getSummaries("verifyImage"))
                .singleElement().satisfies(summary -> assertThat(summary.getOutcome()).isEqualTo("failed on error"));
    }

    @Test
    void shouldFailWithOneLineNamingACredentialsIdThatIsNotInTheStore(PipelineBuild build) {
        String image = registry.pushBusyboxBase("plugin/execution-verify-missing", "1");

        assertThat(StepAbort.lineOf(build, step(image, "error", "nope"))).isEqualTo("verifyImage: no "
                + "username/password credentials with id 'nope' are available to job #1 (check the id and the "
                + "credentials' scope)");
    }

    @Test
    void shouldFailWithOneLineNamingAnUnknownThreshold(PipelineBuild build) {
        String image = registry.hostPort() + "/plugin/execution-verify-bad:1";

        assertThat(StepAbort.lineOf(build, step(image, "sometimes", "registry"))).startsWith("verifyImage: ")
                .contains("sometimes");
    }

    private static VerifyImageStep step(String image, String failOn, String credentialsId) {
        VerifyImageStep step = new VerifyImageStep(image);
        step.setFailOn(failOn);
        step.setCredentialsId(credentialsId);
        return step;
    }
}
