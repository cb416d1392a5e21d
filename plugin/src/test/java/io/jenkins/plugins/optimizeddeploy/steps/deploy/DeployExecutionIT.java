package io.jenkins.plugins.optimizeddeploy.steps.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.LIST;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;

import io.jenkins.plugins.optimizeddeploy.action.OptimizedDeployAction;
import io.jenkins.plugins.optimizeddeploy.jenkinsruntime.PipelineBuild;
import io.jenkins.plugins.optimizeddeploy.jenkinsruntime.SecretText;
import io.jenkins.plugins.optimizeddeploy.steps.StepAbort;
import io.jenkins.plugins.optimizeddeploy.steps.StepBuilds;
import io.jenkins.plugins.optimizeddeploy.testsupport.CapRoverFake.Reply;
import io.jenkins.plugins.optimizeddeploy.testsupport.CapRoverFake;
import io.jenkins.plugins.optimizeddeploy.testsupport.DeployableImages;
import io.jenkins.plugins.optimizeddeploy.testsupport.DockerdExtension;
import io.jenkins.plugins.optimizeddeploy.testsupport.RegistryExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * deployImages and rollbackDeploy as a Pipeline runs them, on the test runtime: the credentials come from the job's
 * store, the docker CLI starts through the build's Launcher with the build's DOCKER_HOST (a private dockerd), the
 * release is recorded on the build and a rollback to a build number reads that build's record.
 */
class DeployExecutionIT {

    @RegisterExtension
    static final RegistryExtension registry = RegistryExtension.basicAuth().perTestClass();
    @RegisterExtension
    static final DockerdExtension dockerd = new DockerdExtension();

    private static DeployableImages images;
    private static String v1;
    private static String v2;

    @RegisterExtension
    static final StepBuilds builds = StepBuilds.loggedInTo(registry);

    /** No login in the build's DOCKER_CONFIG: only the step's credentials can pull. */
    @TempDir
    Path emptyDockerConfig;

    @BeforeAll
    static void images(@TempDir Path context) {
        images = new DeployableImages(dockerd, registry, context);
        v1 = images.healthy("execution-app", "1");
        v2 = images.healthy("execution-app", "2");
    }

    @Test
    void shouldDeployOnTheBuildsDockerHostWithTheStoresLoginAndRecordTheRelease(PipelineBuild build) throws Exception {
        dockerd.docker("run", "--detach", "--name", "execution-web", "--network", "none", byDigest("1"))
                .requireSuccess();

        Object returned = onTheBuildsDockerHost(build).run(deploy("docker", Map.of("execution-web", v2), "registry"));

        assertThat(returned).asInstanceOf(MAP).containsEntry("rolledBack", false).extractingByKey("services")
                .asInstanceOf(LIST).singleElement().asInstanceOf(MAP)
                .containsEntry("service", "execution-web").containsEntry("outcome", "HEALTHY")
                .containsEntry("running", byDigest("2"));
        assertThat(dockerd.docker("container", "inspect", "execution-web", "--format", "{{.Config.Image}}")
                .requireSuccess().stdout().strip()).isEqualTo(byDigest("2"));
        assertThat(build.build().getAction(OptimizedDeployAction.class).getReleasedImages())
                .containsOnlyKeys("execution-web");
        assertThat(build.job().credentials().uses()).containsExactly("registry by job #1");
        assertThat(build.log()).contains("deployImages: all 1 service(s) healthy").doesNotContain(registry.password());
    }

    @Test
    void shouldRollBackToWhatAnEarlierBuildOfTheJobPutLive(PipelineBuild build) throws Exception {
        dockerd.docker("run", "--detach", "--name", "execution-api", "--network", "none", byDigest("1"))
                .requireSuccess();
        onTheBuildsDockerHost(build).run(deploy("docker", Map.of("execution-api", v2), "registry"));
        PipelineBuild second = onTheBuildsDockerHost(nextBuildOf(build));
        second.run(deploy("docker", Map.of("execution-api", v1), "registry"));
        PipelineBuild third = onTheBuildsDockerHost(nextBuildOf(build));
        RollbackDeployStep rollback = new RollbackDeployStep("docker", List.of("execution-api"));
        rollback.setTo("1");
        rollback.setCredentialsId("registry");
        rollback.setHistory("state/deploys.jsonl");
        rollback.setTimeout(60);

        Object returned = third.run(rollback);

        assertThat(returned).asInstanceOf(MAP).extractingByKey("services").asInstanceOf(LIST).singleElement()
                .asInstanceOf(MAP).containsEntry("service", "execution-api").containsEntry("outcome", "HEALTHY")
                .containsEntry("to", byDigest("2"));
        assertThat(dockerd.docker("container", "inspect", "execution-api", "--format", "{{.Config.Image}}")
                .requireSuccess().stdout().strip()).isEqualTo(byDigest("2"));
        OptimizedDeployAction recorded = third.build().getAction(OptimizedDeployAction.class);
        assertThat(recorded.getSummaries()).singleElement().satisfies(summary -> assertThat(summary.getStep())
                .isEqualTo("rollbackDeploy"));
        assertThat(recorded.getReleasedImages()).as("a rollback is no release to roll back to").isEmpty();
        assertThat(third.log()).contains("rollbackDeploy: ").doesNotContain(registry.password());
    }

    @Test
    void shouldFailWithOneLineNamingABuildToRollBackToThatDoesNotExist(PipelineBuild build) {
        RollbackDeployStep rollback = new RollbackDeployStep("docker", List.of("execution-api"));
        rollback.setTo("9");

        assertThat(StepAbort.lineOf(build, rollback))
                .isEqualTo("rollbackDeploy: build #9 does not exist (or was deleted)");
    }

    @Test
    void shouldHandTheTargetsSecretFromTheStoreToTheAgentAndKeepItOutOfTheLog(PipelineBuild build) throws Exception {
        String v1 = "registry.example.com/team/web@sha256:" + "a".repeat(64);
        String next = "registry.example.com/team/web@sha256:" + "b".repeat(64);
        build.job().credentials().add(new SecretText("captain", "captain42"));
        try (CapRoverFake caprover = new CapRoverFake()) {
            caprover.script(CapRoverFake.definitions(), Reply.ok("{\"appDefinitions\":[{\"appName\":\"web\","
                    + "\"deployedVersion\":1,\"versions\":[{\"version\":1,\"deployedImageName\":\"" + v1 + "\"}]}]}"))
                    .script("GET /health", new Reply(200, "ok"));
            DeployImagesStep step = deploy("caprover", Map.of("web", next), null);
            step.setCaproverUrl(caprover.url().toString());
            step.setSecretCredentialsId("captain");
            step.setHealth(Map.of("web", caprover.url() + "/health"));

            build.run(step);

            assertThat(caprover.requests(CapRoverFake.LOGIN)).singleElement().satisfies(login ->
                    assertThat(login.json().path("password").asText()).isEqualTo("captain42"));
        }
        assertThat(build.job().credentials().uses()).containsExactly("captain by job #1");
        assertThat(build.log() + Files.readString(Path.of(build.workspace().getRemote(), "state/deploys.jsonl")))
                .doesNotContain("captain42");
    }

    @Test
    void shouldFailWithOneLineNamingASecretCredentialsIdThatIsNotInTheStore(PipelineBuild build) {
        DeployImagesStep step = deploy("caprover", Map.of("web", v2), null);
        step.setCaproverUrl("http://127.0.0.1:9");
        step.setSecretCredentialsId("captain");
        step.setHealth(Map.of("web", "http://127.0.0.1:9/health"));

        assertThat(StepAbort.lineOf(build, step)).isEqualTo("deployImages: no secret text credentials with id "
                + "'captain' are available to job #1 (check the id and the credentials' scope)");
    }

    @Test
    void shouldFailWithOneLineNamingAnUnknownTarget(PipelineBuild build) {
        assertThat(StepAbort.lineOf(build, deploy("nomad", Map.of("web", v2), null)))
                .isEqualTo("deployImages: 'target' must be swarm, docker, kubernetes, caprover or webhook, was 'nomad'");
        assertThat(build.build().getAction(OptimizedDeployAction.class)).isNull();
    }

    /** The build with the private dockerd as its DOCKER_HOST and no login of its own in DOCKER_CONFIG. */
    private PipelineBuild onTheBuildsDockerHost(PipelineBuild build) {
        build.environment().put("DOCKER_HOST", dockerd.dockerHost());
        build.environment().put("DOCKER_CONFIG", emptyDockerConfig.toString());
        build.environment().put("PATH", System.getenv("PATH"));
        return build;
    }

    /** The job's next build, in the same workspace. */
    private static PipelineBuild nextBuildOf(PipelineBuild build) throws IOException {
        return new PipelineBuild(build.job(), Path.of(build.workspace().getRemote()));
    }

    private static DeployImagesStep deploy(String target, Map<String, String> services, String credentialsId) {
        DeployImagesStep step = new DeployImagesStep(target, services);
        step.setCredentialsId(credentialsId);
        step.setHistory("state/deploys.jsonl");
        step.setTimeout(60);
        return step;
    }

    private static String byDigest(String version) {
        return registry.hostPort() + "/deploy/execution-app@"
                + registry.manifest("deploy/execution-app", version).digest();
    }
}
