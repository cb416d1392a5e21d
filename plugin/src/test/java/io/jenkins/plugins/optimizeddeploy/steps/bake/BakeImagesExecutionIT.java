package io.jenkins.plugins.optimizeddeploy.steps.bake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.LIST;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;

import io.jenkins.plugins.optimizeddeploy.action.OptimizedDeployAction;
import io.jenkins.plugins.optimizeddeploy.jenkinsruntime.PipelineBuild;
import io.jenkins.plugins.optimizeddeploy.steps.StepAbort;
import io.jenkins.plugins.optimizeddeploy.steps.StepBuilds;
import io.jenkins.plugins.optimizeddeploy.testsupport.DockerdExtension;
import io.jenkins.plugins.optimizeddeploy.testsupport.RegistryExtension;
import io.jenkins.plugins.optimizeddeploy.testsupport.SampleApp;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * bakeImages as a Pipeline runs it, on the test runtime: the sample app baked with docker on the build's DOCKER_HOST
 * (a private dockerd), pushed with the login of the job's store, and recorded on the build.
 */
class BakeImagesExecutionIT {

    @RegisterExtension
    static final RegistryExtension registry = RegistryExtension.basicAuth().perTestClass();
    @RegisterExtension
    static final DockerdExtension dockerd = new DockerdExtension();

    @RegisterExtension
    static final StepBuilds builds = StepBuilds.loggedInTo(registry).withWorkspace(SampleApp::copyTo);

    @BeforeEach
    void onThePrivateDockerd(PipelineBuild build) {
        build.environment().putAll(dockerd.environment());
        build.environment().putAll(Map.of("BASE_IMAGE", registry.pushBusyboxBase("base/busybox", "execution"),
                "BRANCH_NAME", "main", "GIT_COMMIT", "0123456789abcdef", "BUILD_NUMBER", "1"));
    }

    @Test
    void shouldBakeOnTheBuildsDockerHostPushWithTheStoresLoginAndRecordTheImage(PipelineBuild build) throws Exception {
        Object returned = build.run(step("docker", "registry"));

        assertThat(returned).asInstanceOf(MAP).containsEntry("backend", "docker").extractingByKey("targets")
                .asInstanceOf(LIST).singleElement().asInstanceOf(MAP)
                .containsEntry("image", registry.hostPort() + "/plugin/web:t1")
                .containsEntry("digest", registry.manifest("plugin/web", "t1").digest());
        assertThat(build.build().getAction(OptimizedDeployAction.class).getSummaries("bakeImages")).hasSize(1);
        assertThat(build.job().credentials().uses()).containsExactly("registry by job #1");
        assertThat(build.log()).contains("bakeImages: web: building " + registry.hostPort() + "/plugin/web:t1")
                .doesNotContain(registry.password());
    }

    @Test
    void shouldFailWithOneLineNamingACredentialsIdThatIsNotInTheStore(PipelineBuild build) {
        assertThat(StepAbort.lineOf(build, step("docker", "nope"))).isEqualTo("bakeImages: no username/password "
                + "credentials with id 'nope' are available to job #1 (check the id and the credentials' scope)");
    }

    @Test
    void shouldFailWithOneLineNamingAnUnknownBackend(PipelineBuild build) {
        assertThat(StepAbort.lineOf(build, step("kaniko", "registry"))).startsWith("bakeImages: ").contains("kaniko");
    }

    private static BakeImagesStep step(String backend, String credentialsId) {
        BakeImagesStep step = new BakeImagesStep(registry.hostPort() + "/plugin");
        step.setTargets(List.of("web"));
        step.setTags(List.of("t1"));
        step.setBackend(backend);
        step.setCredentialsId(credentialsId);
        return step;
    }
}
