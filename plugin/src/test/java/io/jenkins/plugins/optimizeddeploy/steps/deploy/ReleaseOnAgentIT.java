package io.jenkins.plugins.optimizeddeploy.steps.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.jenkins.plugins.optimizeddeploy.action.StepSummary;
import io.jenkins.plugins.optimizeddeploy.steps.BuildLog;
import io.jenkins.plugins.optimizeddeploy.steps.BuilderAccess;
import io.jenkins.plugins.optimizeddeploy.steps.JavaSerialization;
import io.jenkins.plugins.optimizeddeploy.steps.LocalLauncherProcesses;
import io.jenkins.plugins.optimizeddeploy.steps.RegistryLogin;
import io.jenkins.plugins.optimizeddeploy.steps.StepOutcome;
import io.jenkins.plugins.optimizeddeploy.testsupport.CapRoverFake;
import io.jenkins.plugins.optimizeddeploy.testsupport.CapRoverFake.Reply;
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
 * The agent side of deployImages and rollbackDeploy with the docker target, against a private dockerd and a registry
 * that wants a login for every pull: the step's login must reach the digest lookup and docker's pull, the docker CLI
 * runs through the step's processes, and what runs is read back from the engine itself.
 */
class ReleaseOnAgentIT {

    @RegisterExtension
    static final RegistryExtension registry = RegistryExtension.basicAuth().perTestClass();
    @RegisterExtension
    static final DockerdExtension dockerd = new DockerdExtension();

    private static DeployableImages images;
    private static String v2;

    private final BuildLog log = new BuildLog();
    @TempDir
    Path workspace;
    /** The build's DOCKER_CONFIG: no login, so only the step's credentials can pull. */
    @TempDir
    Path emptyDockerConfig;

    @BeforeAll
    static void images(@TempDir Path context) {
        images = new DeployableImages(dockerd, registry, context);
        images.healthy("agent-app", "1");
        v2 = images.healthy("agent-app", "2");
    }

    @Test
    void shouldDeployATagByDigestWithTheStepsLoginRecordItAndRollItBackToThePreviousImage() throws Exception {
        dockerd.docker("run", "--detach", "--name", "agent-web", "--network", "none", byDigest("1")).requireSuccess();
        DeployImagesStep deploy = new DeployImagesStep("docker", Map.of("agent-web", v2));

        StepOutcome<Map<String, Object>> deployed = release(deploy);

        assertThat(deployed.failure()).as(String.join("\n", deployed.log())).isNull();
        assertThat(services(deployed)).singleElement().satisfies(web -> {
            assertThat(web).containsEntry("service", "agent-web").containsEntry("outcome", "HEALTHY")
                    .containsEntry("from", byDigest("1")).containsEntry("to", byDigest("2"))
                    .containsEntry("running", byDigest("2"));
            assertThat((Long) web.get("timeToHealthyMillis")).isPositive();
        });
        assertThat(deployed.value()).containsEntry("rolledBack", false);
        assertThat(deployed.records()).extracting(StepSummary::getStep, StepSummary::getSubject)
                .containsExactly(tuple("deployImages", "agent-web"));
        assertThat(deployed.log()).contains("deployImages: all 1 service(s) healthy");
        assertThat(log.text()).contains("deployImages: deploy of 1 service(s) to docker ");
        assertThat(imageOf("agent-web")).isEqualTo(byDigest("2"));
        assertThat(Files.readString(history())).contains("\"to\":\"" + byDigest("2") + "\"");

        StepOutcome<Map<String, Object>> rolledBack = release(new RollbackDeployStep("docker", List.of("agent-web")));

        assertThat(rolledBack.failure()).as(String.join("\n", rolledBack.log())).isNull();
        assertThat(services(rolledBack)).singleElement().satisfies(web -> assertThat(web)
                .containsEntry("outcome", "HEALTHY").containsEntry("to", byDigest("1")));
        assertThat(imageOf("agent-web")).isEqualTo(byDigest("1"));
    }

    @Test
    void shouldFailWithOneLineNamingTheServiceAfterPuttingTheHealthyContainerBack() throws Exception {
        String sick = images.unhealthy("agent-app");
        dockerd.docker("run", "--detach", "--name", "agent-sick", "--network", "none", byDigest("1")).requireSuccess();

        StepOutcome<Map<String, Object>> outcome = release(new DeployImagesStep("docker", Map.of("agent-sick", sick)));

        assertThat(outcome.failure()).startsWith("deployImages: agent-sick unhealthy: ").contains("HEALTHCHECK failed")
                .endsWith("; every service was put back").doesNotContain("\n");
        assertThat(outcome.value()).containsEntry("rolledBack", true);
        assertThat(services(outcome)).singleElement().satisfies(service -> assertThat(service)
                .containsEntry("outcome", "UNHEALTHY").containsEntry("running", byDigest("1")));
        assertThat(outcome.records()).singleElement().satisfies(record -> assertThat(record.getOutcome())
                .startsWith("unhealthy " + registry.hostPort() + "/deploy/agent-app@sha256:"));
        assertThat(dockerd.docker("container", "inspect", "agent-sick", "--format",
                "{{.State.Status}} {{.State.Health.Status}}").requireSuccess().stdout().strip())
                .isEqualTo("running healthy");
        assertThat(imageOf("agent-sick")).isEqualTo(byDigest("1"));
    }

    @Test
    void shouldTravelToTheAgentWithItsPlanAccessAndProcesses() throws Exception {
        ReleaseOnAgent sent = JavaSerialization.roundTrip(callable(new RollbackDeployStep("swarm", List.of("web"))));

        assertThat(sent).isInstanceOf(ReleaseOnAgent.class);
    }

    @Test
    void shouldDeployToCapRoverWithTheSecretAndKeepItOutOfTheLogAndHistory() throws Exception {
        String v1 = "registry.example.com/team/web@sha256:" + "a".repeat(64);
        String v2 = "registry.example.com/team/web@sha256:" + "b".repeat(64);
        try (CapRoverFake caprover = new CapRoverFake()) {
            caprover.script(CapRoverFake.definitions(), Reply.ok("{\"appDefinitions\":[{\"appName\":\"web\","
                    + "\"deployedVersion\":1,\"versions\":[{\"version\":1,\"deployedImageName\":\"" + v1 + "\"}]}]}"))
                    .script("GET /health", new Reply(200, "ok"));
            DeployImagesStep step = new DeployImagesStep("caprover", Map.of("web", v2));
            step.setCaproverUrl(caprover.url().toString());
            step.setSecretCredentialsId("captain");
            step.setHealth(Map.of("web", caprover.url() + "/health"));
            step.setHistory("state/deploys.jsonl");
            ReleaseOnAgent callable = JavaSerialization.roundTrip(new ReleaseOnAgent(ReleasePlan.of(step, step.destinations(), Map.of()),
                    new BuilderAccess(null, Map.of(), false, workspace.toString()),
                    new BuilderAccess(null, Map.of(), false, workspace.toString()),
                    new LocalLauncherProcesses(List.of(), Map.of()), log, new TargetSecret("captain42")));

            StepOutcome<Map<String, Object>> outcome = callable.invoke(workspace.toFile(), null);

            assertThat(outcome.failure()).as(String.join("\n", outcome.log())).isNull();
            assertThat(services(outcome)).singleElement().satisfies(web -> assertThat(web)
                    .containsEntry("outcome", "HEALTHY").containsEntry("from", v1).containsEntry("to", v2));
            assertThat(caprover.requests(CapRoverFake.LOGIN)).singleElement().satisfies(login ->
                    assertThat(login.json().path("password").asText()).isEqualTo("captain42"));
            assertThat(log.text() + String.join("\n", outcome.log()) + Files.readString(history()))
                    .contains("caprover " + caprover.url()).doesNotContain("captain42");
            assertThat(callable.toString()).doesNotContain("captain42");
        }
    }

    private StepOutcome<Map<String, Object>> release(DeployStep step) throws IOException, InterruptedException {
        step.setHistory("state/deploys.jsonl");
        step.setTimeout(60);
        return callable(step).invoke(workspace.toFile(), null);
    }

    private ReleaseOnAgent callable(DeployStep step) {
        Map<String, String> environment = Map.of("DOCKER_HOST", dockerd.dockerHost(), "DOCKER_CONFIG",
                emptyDockerConfig.toString(), "PATH", System.getenv("PATH"), "BUILD_TAG", "jenkins-deploy-7");
        RegistryLogin login = new RegistryLogin(registry.username(), registry.password());
        Path temporary = workspace.resolveSibling(workspace.getFileName() + "@tmp");
        return new ReleaseOnAgent(ReleasePlan.of(step, step.destinations(), environment),
                new BuilderAccess(login, environment, false, temporary.toString()),
                new BuilderAccess(null, environment, false, temporary.toString()),
                new LocalLauncherProcesses(List.of(), environment), log, null);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> services(StepOutcome<Map<String, Object>> outcome) {
        return (List<Map<String, Object>>) outcome.value().get("services");
    }

    private Path history() {
        return workspace.resolve("state/deploys.jsonl");
    }

    private static String byDigest(String version) {
        return registry.hostPort() + "/deploy/agent-app@" + registry.manifest("deploy/agent-app", version).digest();
    }

    private static String imageOf(String container) {
        return dockerd.docker("container", "inspect", container, "--format", "{{.Config.Image}}").requireSuccess()
                .stdout().strip();
    }
}
