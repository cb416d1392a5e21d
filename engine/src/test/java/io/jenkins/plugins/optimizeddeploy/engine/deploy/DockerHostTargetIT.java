package io.jenkins.plugins.optimizeddeploy.engine.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.jenkins.plugins.optimizeddeploy.engine.exec.CommandResult;
import io.jenkins.plugins.optimizeddeploy.engine.exec.CommandRunner;
import io.jenkins.plugins.optimizeddeploy.engine.exec.ProcessCommandRunner;
import io.jenkins.plugins.optimizeddeploy.engine.image.ImageReference;
import io.jenkins.plugins.optimizeddeploy.testsupport.DockerdExtension;
import io.jenkins.plugins.optimizeddeploy.testsupport.RegistryExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Releases that replace containers on one docker engine; what runs is read back from the engine itself. */
class DockerHostTargetIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @RegisterExtension
    static final RegistryExtension registry = RegistryExtension.basicAuth();
    @RegisterExtension
    static final DockerdExtension dockerd = new DockerdExtension();

    @TempDir
    static Path state;
    private static DeployImages images;
    private static ImageReference v1;
    private static ImageReference v2;

    @BeforeAll
    static void images(@TempDir Path context) {
        images = new DeployImages(dockerd, registry, context);
        v1 = images.healthy("host-app", "1");
        v2 = images.healthy("host-app", "2");
    }

    @Test
    void shouldReplaceTheContainerWithItsSettingsOnceTheNewOneIsHealthy() throws Exception {
        dockerd.docker("run", "--detach", "--name", "host-web", "--network", "none", "--label", "team=shop", "--env",
                "GREETING=hello", "--volume", "host-web-data:/data", "--restart", "unless-stopped", "--init", v1.toString())
                .requireSuccess();

        ReleaseResult result = release().run(Action.DEPLOY, List.of(deploy("host-web", v2)), TIMEOUT, "build 3");

        assertThat(result.healthy()).as(String.join("\n", result.summary())).isTrue();
        assertThat(result.services()).singleElement().satisfies(web -> {
            assertThat(web.from()).isEqualTo(v1);
            assertThat(web.running()).isEqualTo(new Running.Image(v2));
            assertThat(web.timeToHealthyMillis()).isPositive();
        });
        assertThat(inspect("host-web", "{{.Config.Image}} {{.State.Health.Status}}")).isEqualTo(v2 + " healthy");
        assertThat(inspect("host-web", "{{index .Config.Labels \"team\"}} {{.HostConfig.RestartPolicy.Name}}"
                + " {{.HostConfig.Init}} {{.HostConfig.NetworkMode}} {{range .Mounts}}{{.Name}}:{{.Destination}}{{end}}"))
                .isEqualTo("shop unless-stopped true none host-web-data:/data");
        assertThat(inspect("host-web", "{{json .Config.Env}}")).contains("\"GREETING=hello\"");
        assertThat(containerNames()).contains("host-web").doesNotContain("host-web.previous");
    }

    @Test
    void shouldCreateTheContainerWhenNoneRunsYetAndRemoveItAgainWhenItIsUnhealthy() throws Exception {
        ImageReference sick = images.unhealthy("host-app");

        ReleaseResult created = release().run(Action.DEPLOY, List.of(deploy("fresh", v1)), TIMEOUT, "test");
        ReleaseResult refused = release().run(Action.DEPLOY, List.of(deploy("fresh-sick", sick)), TIMEOUT, "test");

        assertThat(created.services()).singleElement().satisfies(fresh -> {
            assertThat(fresh.outcome()).as(fresh.reason()).isEqualTo(Outcome.HEALTHY);
            assertThat(fresh.from()).isNull();
            assertThat(fresh.running()).isEqualTo(new Running.Image(v1));
        });
        assertThat(inspect("fresh", "{{.Config.Image}} {{.State.Health.Status}} {{.HostConfig.RestartPolicy.Name}}"))
                .isEqualTo(v1 + " healthy unless-stopped");
        assertThat(refused.rolledBack()).isTrue();
        assertThat(refused.services()).singleElement().satisfies(fresh -> {
            assertThat(fresh.outcome()).as(fresh.reason()).isEqualTo(Outcome.UNHEALTHY);
            assertThat(fresh.running()).isEqualTo(new Running.Nothing());
        });
        assertThat(containerNames()).contains("fresh").doesNotContain("fresh-sick");
    }

    @Test
    void shouldKeepTheOldContainerServingWhenTheNewOneIsUnhealthy() throws Exception {
        ImageReference sick = images.unhealthy("host-app");
        dockerd.docker("run", "--detach", "--name", "sick", "--network", "host", v1.toString()).requireSuccess();
        release().run(Action.DEPLOY, List.of(deploy("sick", v1)), TIMEOUT, "test");

        ReleaseResult result = release().run(Action.DEPLOY, List.of(deploy("sick", sick)), TIMEOUT, "test");

        assertThat(result.rolledBack()).isTrue();
        assertThat(result.services()).singleElement().satisfies(service -> {
            assertThat(service.outcome()).as(service.reason()).isEqualTo(Outcome.UNHEALTHY);
            assertThat(service.reason()).contains("HEALTHCHECK failed");
            assertThat(service.running()).isEqualTo(new Running.Image(v1));
        });
        assertThat(inspect("sick", "{{.Config.Image}} {{.State.Status}} {{.State.Health.Status}}"))
                .isEqualTo(v1 + " running healthy");
        assertThat(containerNames()).doesNotContain("sick.previous");
    }

    @Test
    void shouldPutEveryContainerBackWhenOneCrashesOnStart() throws Exception {
        ImageReference crashing = images.crashing("host-app");
        for (String service : List.of("front", "back")) {
            dockerd.docker("run", "--detach", "--name", service, "--network", "none", v1.toString()).requireSuccess();
        }

        ReleaseResult result = release().run(Action.DEPLOY, List.of(deploy("front", v2), deploy("back", crashing)),
                TIMEOUT, "test");

        assertThat(result.broken()).as(String.join("\n", result.summary())).isFalse();
        assertThat(result.services()).extracting(ServiceResult::service, ServiceResult::outcome)
                .containsExactly(tuple("front", Outcome.ROLLED_BACK), tuple("back", Outcome.UNHEALTHY));
        assertThat(result.services().get(1).reason()).contains("exited with code 3", "starting");
        for (String service : List.of("front", "back")) {
            assertThat(inspect(service, "{{.Config.Image}} {{.State.Status}} {{.State.Health.Status}}")).as(service)
                    .isEqualTo(v1 + " running healthy");
        }
        assertThat(new DeployHistory(state.resolve("history.jsonl")).records())
                .filteredOn(record -> record.service().equals("back"))
                .extracting(DeployRecord::from, DeployRecord::to, DeployRecord::outcome)
                .containsExactly(tuple(v1, crashing, Outcome.UNHEALTHY));
    }

    @Test
    void shouldPutThePreviousImageBackWhenTheHealthUrlFailsThoughTheContainerIsHealthy() throws Exception {
        dockerd.docker("run", "--detach", "--name", "probed", "--network", "none", v1.toString()).requireSuccess();

        try (HealthServer server = new HealthServer(List.of(new HealthServer.Answer(500, "database down")))) {
            HttpHealthCheck check = HttpHealthCheck.of(server.url()).withInterval(Duration.ofMillis(100));
            ReleaseResult result = release().run(Action.DEPLOY,
                    List.of(new ServiceDeploy("probed", v2, Optional.of(check))), Duration.ofSeconds(20), "test");

            assertThat(result.services()).singleElement().satisfies(service -> {
                assertThat(service.outcome()).as(service.reason()).isEqualTo(Outcome.UNHEALTHY);
                assertThat(service.reason()).contains(server.url().toString(), "HTTP 500, expected 200");
            });
            assertThat(server.requests()).isPositive();
        }
        assertThat(inspect("probed", "{{.Config.Image}} {{.State.Status}} {{.State.Health.Status}}"))
                .isEqualTo(v1 + " running healthy");
    }

    @Test
    void shouldPutTheOldContainerBackWhenTheDeployIsStoppedMidway() throws Exception {
        ImageReference sick = images.unhealthy("host-app");
        dockerd.docker("run", "--detach", "--name", "stopped", "--network", "none", v1.toString()).requireSuccess();
        AtomicReference<ReleaseResult> result = new AtomicReference<>();
        AtomicBoolean interruptPassedOn = new AtomicBoolean();
        Thread deploying = new Thread(() -> {
            try {
                result.set(release().run(Action.DEPLOY, List.of(deploy("stopped", sick)), TIMEOUT, "test"));
                interruptPassedOn.set(Thread.currentThread().isInterrupted());
            } catch (InterruptedException e) {
                throw new IllegalStateException("the release should put the container back, not give up", e);
            }
        });

        deploying.start();
        awaitContainer("stopped.previous");
        deploying.interrupt();
        deploying.join(TIMEOUT.toMillis());

        assertThat(result.get().rolledBack()).isTrue();
        assertThat(result.get().services()).singleElement().satisfies(service -> {
            assertThat(service.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(service.reason()).isEqualTo("the deploy was stopped");
            assertThat(service.running()).isEqualTo(new Running.Image(v1));
        });
        assertThat(interruptPassedOn).isTrue();
        assertThat(inspect("stopped", "{{.Config.Image}} {{.State.Status}} {{.State.Health.Status}}"))
                .isEqualTo(v1 + " running healthy");
        assertThat(containerNames()).doesNotContain("stopped.previous");
    }

    @Test
    void shouldPutTheParkedContainerBackWhenAStoppedRunStillCreatesOneOfItsName() {
        dockerd.docker("run", "--detach", "--name", "raced.previous", "--network", "none", v1.toString())
                .requireSuccess();
        dockerd.docker("create", "--name", "raced", "--network", "none", v2.toString()).requireSuccess();
        // as the engine does when the client of a stopped docker run was killed after its create request: the
        // container appears again right after the undo removed it
        AtomicBoolean recreated = new AtomicBoolean();
        ProcessCommandRunner real = new ProcessCommandRunner();
        CommandRunner racing = (command, listener) -> {
            CommandResult result = real.run(command, listener);
            if (command.arguments().containsAll(List.of("rm", "--force", "raced")) && !recreated.getAndSet(true)) {
                dockerd.docker("create", "--name", "raced", "--network", "none", v2.toString()).requireSuccess();
            }
            return result;
        };
        DockerHostTarget target = new DockerHostTarget(
                new DockerCli(racing, DockerCli.DEFAULT_BINARY, dockerd.environment()), Duration.ofSeconds(2));

        target.undo("raced", Optional.of(v1), Instant.now().plus(TIMEOUT));

        assertThat(recreated).isTrue();
        assertThat(inspect("raced", "{{.Config.Image}} {{.State.Status}}")).isEqualTo(v1 + " running");
        assertThat(containerNames()).doesNotContain("raced.previous");
    }

    @Test
    void shouldNameAContainerRunByImageIdByItsRepositoryDigestElseSayItsImageIsUnknown() {
        dockerd.docker("pull", v1.toString()).requireSuccess();
        String id = dockerd.docker("image", "inspect", v1.toString(), "--format", "{{.Id}}").requireSuccess().stdout()
                .strip();
        dockerd.docker("run", "--detach", "--name", "by-id", "--network", "none", id).requireSuccess();
        dockerd.docker("run", "--detach", "--name", "by-short-id", "--network", "none", shortId(id)).requireSuccess();
        String unnamed = dockerd.docker("commit", "by-id").requireSuccess().stdout().strip();
        dockerd.docker("run", "--detach", "--name", "by-unnamed-id", "--network", "none", unnamed).requireSuccess();
        DockerCli docker = images.dockerCli();
        DockerHostTarget target = new DockerHostTarget(docker, Duration.ofSeconds(2));

        assertThat(target.running("by-id")).contains(v1);
        assertThat(target.running("by-short-id")).contains(v1);
        assertThatThrownBy(() -> target.running("by-unnamed-id")).isInstanceOf(DeployException.class)
                .hasMessage("container by-unnamed-id on " + docker.endpoint() + " names no valid image: it was run by"
                        + " the image ID " + unnamed + ", which no repository digest names");
    }

    @Test
    void shouldNameAContainerRunByADockerHubTagByTheDigestDockerShowsInShortForm() {
        dockerd.docker("tag", v1.toString(), "team/host-app:1").requireSuccess();
        dockerd.docker("run", "--detach", "--name", "hub-tagged", "--network", "none", "team/host-app:1")
                .requireSuccess();
        DockerHostTarget target = new DockerHostTarget(images.dockerCli(), Duration.ofSeconds(2));

        assertThat(target.running("hub-tagged"))
                .contains(ImageReference.parse("docker.io/team/host-app@" + v1.digest().orElseThrow()));
    }

    private static String shortId(String imageId) {
        return imageId.substring("sha256:".length(), "sha256:".length() + 12);
    }

    private static void awaitContainer(String name) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (!containerNames().contains(name)) {
            assertThat(Instant.now()).as("container %s within 30 s", name).isBefore(deadline);
            Thread.sleep(50);
        }
    }

    private static Release release() {
        return new Release(new DockerHostTarget(images.dockerCli(), Duration.ofSeconds(2)),
                new DeployHistory(state.resolve("history.jsonl")), Duration.ofSeconds(5));
    }

    private static ServiceDeploy deploy(String service, ImageReference image) {
        return new ServiceDeploy(service, image, Optional.empty());
    }

    private static String inspect(String container, String format) {
        return dockerd.docker("container", "inspect", container, "--format", format).requireSuccess().stdout().strip();
    }

    private static List<String> containerNames() {
        return dockerd.docker("ps", "--all", "--format", "{{.Names}}").requireSuccess().stdout().lines().toList();
    }
}
