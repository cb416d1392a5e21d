package io.jenkins.plugins.optimizeddeploy.steps.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;

import io.jenkins.plugins.optimizeddeploy.action.OptimizedDeployAction;
import io.jenkins.plugins.optimizeddeploy.jenkinsruntime.PipelineBuild;
import io.jenkins.plugins.optimizeddeploy.steps.StepAbort;
import io.jenkins.plugins.optimizeddeploy.steps.StepBuilds;
import io.jenkins.plugins.optimizeddeploy.testsupport.RegistryExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** inspectImage as a Pipeline runs it, on the test runtime, against a real registry with basic auth. */
class InspectImageExecutionIT {

    @RegisterExtension
    static final RegistryExtension registry = RegistryExtension.basicAuth();

    @RegisterExtension
    static final StepBuilds builds = StepBuilds.loggedInTo(registry);

    @Test
    void shouldInspectWithTheStoresCredentialsAndRecordTheDigestOnTheBuild(PipelineBuild build) throws Exception {
        String image = registry.pushBusyboxBase("plugin/execution-inspect", "1");
        String digest = registry.manifest("plugin/execution-inspect", "1").digest();

        Object returned = build.run(step(image, "registry"));

        assertThat(returned).asInstanceOf(MAP).containsEntry("reference", image).containsEntry("digest", digest);
        assertThat(build.job().credentials().uses()).containsExactly("registry by job #1");
        assertThat(build.build().getAction(OptimizedDeployAction.class).getSummaries("inspectImage"))
                .singleElement().satisfies(summary -> {
                    assertThat(summary.getSubject()).isEqualTo(image);
                    assertThat(summary.getOutcome()).isEqualTo(digest);
                });
        assertThat(build.log()).contains("inspectImage: " + image + " is " + digest)
                .doesNotContain(registry.password());
    }

    @Test
    void shouldFailWithOneLineNamingACredentialsIdThatIsNotInTheStore(PipelineBuild build) {
        String image = registry.pushBusyboxBase("plugin/execution-inspect-missing", "1");

        assertThat(StepAbort.lineOf(build, step(image, "registry-typo"))).isEqualTo("inspectImage: no "
                + "username/password credentials with id 'registry-typo' are available to job #1 (check the id and the "
                + "credentials' scope)");
        assertThat(build.build().getAction(OptimizedDeployAction.class)).isNull();
    }

    @Test
    void shouldReadTheDockerConfigOfTheBuildEnvironmentOnTheAgent(PipelineBuild build, @TempDir Path dockerConfig)
            throws Exception {
        String image = registry.pushBusyboxBase("plugin/execution-inspect-config", "1");
        String auth = Base64.getEncoder().encodeToString(
                (registry.username() + ":" + registry.password()).getBytes(StandardCharsets.UTF_8));
        Files.writeString(dockerConfig.resolve("config.json"),
                "{\"auths\":{\"" + registry.hostPort() + "\":{\"auth\":\"" + auth + "\"}}}");
        build.environment().put("DOCKER_CONFIG", dockerConfig.toString());

        Object returned = build.run(step(image, null));

        assertThat(returned).asInstanceOf(MAP).containsEntry("reference", image);
    }

    @Test
    void shouldFailWithOneLineNamingAnImageThatIsNoReference(PipelineBuild build) {
        assertThat(StepAbort.lineOf(build, step("Not An/Image::", null))).startsWith("inspectImage: ")
                .contains("Not An/Image::");
    }

    private static InspectImageStep step(String image, String credentialsId) {
        InspectImageStep step = new InspectImageStep(image);
        step.setCredentialsId(credentialsId);
        return step;
    }
}
