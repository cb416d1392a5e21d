package io.jenkins.plugins.optimizeddeploy.steps.retag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.LIST;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;

import io.jenkins.plugins.optimizeddeploy.action.OptimizedDeployAction;
import io.jenkins.plugins.optimizeddeploy.jenkinsruntime.PipelineBuild;
import io.jenkins.plugins.optimizeddeploy.steps.StepAbort;
import io.jenkins.plugins.optimizeddeploy.steps.StepBuilds;
import io.jenkins.plugins.optimizeddeploy.testsupport.RegistryExtension;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** retagImages as a Pipeline runs it, on the test runtime, against a real registry with basic auth. */
class RetagImagesExecutionIT {

    @RegisterExtension
    static final RegistryExtension registry = RegistryExtension.basicAuth();

    @RegisterExtension
    static final StepBuilds builds = StepBuilds.loggedInTo(registry);

    @Test
    void shouldRetagWithTheStoresCredentialsAndRecordEachImageOnTheBuild(PipelineBuild build) throws Exception {
        String web = registry.pushBusyboxBase("plugin/execution-retag", "abc123");

        Object returned = build.run(step(List.of(web), List.of("prod"), "registry"));

        assertThat(returned).asInstanceOf(LIST).singleElement().asInstanceOf(MAP).containsEntry("image", web)
                .containsEntry("tags", List.of(registry.hostPort() + "/plugin/execution-retag:prod"));
        assertThat(registry.manifest("plugin/execution-retag", "prod"))
                .isEqualTo(registry.manifest("plugin/execution-retag", "abc123"));
        assertThat(build.build().getAction(OptimizedDeployAction.class).getSummaries("retagImages"))
                .singleElement().satisfies(summary -> assertThat(summary.getSubject()).isEqualTo(web));
        assertThat(build.job().credentials().uses()).containsExactly("registry by job #1");
        assertThat(build.log()).contains("retagImages: ").doesNotContain(registry.password());
    }

    @Test
    void shouldFailWithOneLineNamingACredentialsIdThatIsNotInTheStore(PipelineBuild build) {
        String web = registry.pushBusyboxBase("plugin/execution-retag-missing", "abc123");

        assertThat(StepAbort.lineOf(build, step(List.of(web), List.of("prod"), "nope"))).isEqualTo("retagImages: "
                + "no username/password credentials with id 'nope' are available to job #1 (check the id and the "
                + "credentials' scope)");
    }

    @Test
    void shouldFailWithOneLineWhenNoTagIsGiven(PipelineBuild build) {
        String web = registry.hostPort() + "/plugin/execution-retag-none:abc123";

        assertThat(StepAbort.lineOf(build, step(List.of(web), List.of(), "registry")))
                .isEqualTo("retagImages: at least one new tag is required");
    }

    private static RetagImagesStep step(List<String> images, List<String> tags, String credentialsId) {
        RetagImagesStep step = new RetagImagesStep(images, tags);
        step.setCredentialsId(credentialsId);
        return step;
    }
}
