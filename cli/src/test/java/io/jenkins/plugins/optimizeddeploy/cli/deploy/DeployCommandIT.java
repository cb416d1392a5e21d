package io.jenkins.plugins.optimizeddeploy.cli.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.optimizeddeploy.cli.CliRun;
import io.jenkins.plugins.optimizeddeploy.cli.common.ExitCode;
import io.jenkins.plugins.optimizeddeploy.engine.deploy.HttpHealthCheck;
import io.jenkins.plugins.optimizeddeploy.engine.image.ImageReference;
import io.jenkins.plugins.optimizeddeploy.engine.metrics.MetricsJson;
import io.jenkins.plugins.optimizeddeploy.engine.metrics.Phase;
import io.jenkins.plugins.optimizeddeploy.testsupport.DeployableImages;
import io.jenkins.plugins.optimizeddeploy.testsupport.DockerdExtension;
import io.jenkins.plugins.optimizeddeploy.testsupport.RegistryExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code deploy} and {@code rollback} against containers of the test's dockerd, by tag resolved to digest. */
class DeployCommandIT {
    @RegisterExtension
    static final RegistryExtension registry = RegistryExtension.plain();
    @RegisterExtension
    static final DockerdExtension dockerd = new DockerdExtension();

    @TempDir
    static Path state;
    private static String v1;
    private static String v2;
    private static String sick;

    @BeforeAll
    static void images(@TempDir Path context) {
        DeployableImages images = new DeployableImages(dockerd, registry, context);
        v1 = images.healthy("cli-app", "1");
        v2 = images.healthy("cli-app", "2");
        sick = images.unhealthy("cli-app");
    }

    @Test
    void shouldReadServicesTargetAndGate() {
        DeployCommand command = CommandLine.populateCommand(new DeployCommand(), "--target", "swarm", "--service",
                "web=reg.example.com/web:1.4.2", "--service", "worker=reg.example.com/worker:1.4.2", "--health-url",
                "web=http://web.example.com/health", "--timeout", "90s", "--json");

        assertThat(command.services).containsExactly("web=reg.example.com/web:1.4.2", "worker=reg.example.com/worker:1.4.2");
        assertThat(command.target.target).isEqualTo(DeployTargetOptions.TargetKind.swarm);
        assertThat(command.target.timeout).isEqualTo(Duration.ofSeconds(90));
        assertThat(command.health.healthUrls).containsExactly("web=http://web.example.com/health");
        assertThat(command.target.json.requested()).isTrue();
    }

    @Test
    void shouldGiveAServiceTheOptionsAfterItsHealthUrlOverTheFlags() {
        DeployCommand command = CommandLine.populateCommand(new DeployCommand(), "--target", "swarm", "--service",
                "web=reg.example.com/web:1", "--service", "worker=reg.example.com/worker:1", "--health-status", "204",
                "--health-url", "web=http://web/health status=200 interval=0.5 body=up and running",
                "--health-url", "worker=http://worker/health");

        Map<String, HttpHealthCheck> checks = command.health.checks(List.of("web", "worker"), command.spec);

        assertThat(checks.get("web").expectedStatus()).isEqualTo(200);
        assertThat(checks.get("web").interval()).isEqualTo(Duration.ofMillis(500));
        assertThat(checks.get("web").bodyPattern()).hasValueSatisfying(body ->
                assertThat(body.pattern()).isEqualTo("up and running"));
        assertThat(checks.get("worker").expectedStatus()).isEqualTo(204);
        assertThat(checks.get("worker").bodyPattern()).isEmpty();
        CliRun unknown = CliRun.of("deploy", "--target", "docker", "--service", "web=reg.example.com/web:1",
                "--health-url", "http://web/health every=2");
        assertThat(unknown.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(unknown.err()).contains("--health-url http://web/health every=2: unknown option 'every=2'");
    }

    @Test
    void shouldExitWithBadInputForAServiceWithoutImageOrAnUnknownTarget() {
        CliRun noImage = CliRun.of("deploy", "--target", "docker", "--service", "web");
        CliRun unknownTarget = CliRun.of("deploy", "--target", "nomad", "--service", "web=reg.example.com/web:1");
        CliRun unnamedUrl = CliRun.of("deploy", "--target", "docker", "--service", "web=reg.example.com/web:1",
                "--service", "api=reg.example.com/api:1", "--health-url", "http://127.0.0.1/health");

        assertThat(noImage.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(noImage.err()).contains("--service web: expected NAME=IMAGE");
        assertThat(unknownTarget.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(unknownTarget.err()).contains("nomad", "swarm, docker");
        assertThat(unnamedUrl.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(unnamedUrl.err()).contains("name the service (NAME=URL)");
    }

    @Test
    void shouldDeployTheTagsDigestThenRollBackToThePreviousOne() throws Exception {
        dockerd.docker("run", "--detach", "--name", "cli-web", "--network", "none", v1).requireSuccess();
        String v1Digest = registry.hostPort() + "/deploy/cli-app@" + registry.manifest("deploy/cli-app", "1").digest();
        String v2Digest = registry.hostPort() + "/deploy/cli-app@" + registry.manifest("deploy/cli-app", "2").digest();

        CliRun deploy = CliRun.of("deploy", "--target", "docker", "--docker-host", dockerd.dockerHost(), "--service",
                "cli-web=" + v2, "--history", state.resolve("history.jsonl").toString(), "--monitor", "1s", "--json",
                "--record", state.resolve("record.json").toString());
        CliRun rollback = CliRun.of("rollback", "--target", "docker", "--docker-host", dockerd.dockerHost(), "--service",
                "cli-web", "--history", state.resolve("history.jsonl").toString());

        assertThat(deploy.exitCode()).as(deploy.err()).isEqualTo(ExitCode.OK);
        JsonNode json = new ObjectMapper().readTree(deploy.out());
        assertThat(json.path("rolledBack").asBoolean()).isFalse();
        JsonNode web = json.path("services").path(0);
        assertThat(web.path("service").asText()).isEqualTo("cli-web");
        assertThat(web.path("from").asText()).isEqualTo(v1Digest);
        assertThat(web.path("to").asText()).isEqualTo(v2Digest);
        assertThat(web.path("outcome").asText()).isEqualTo("HEALTHY");
        assertThat(web.path("timeToHealthyMillis").asLong()).isPositive();
        assertThat(MetricsJson.read(state.resolve("record.json")).deploys()).singleElement().satisfies(recorded -> {
            assertThat(recorded.service()).isEqualTo("cli-web");
            assertThat(recorded.healthy()).isTrue();
        });
        assertThat(rollback.exitCode()).as(rollback.err()).isEqualTo(ExitCode.OK);
        assertThat(rollback.out()).contains("cli-web: HEALTHY " + v1Digest, "all 1 service(s) healthy");
        assertThat(runningImage("cli-web")).isEqualTo(v1Digest);
    }

    @Test
    void shouldExitOneWhenTheGateFailedAndThePreviousImageRunsAgain() throws Exception {
        dockerd.docker("run", "--detach", "--name", "cli-sick", "--network", "none", v1).requireSuccess();

        CliRun deploy = CliRun.of("deploy", "--target", "docker", "--docker-host", dockerd.dockerHost(), "--service",
                "cli-sick=" + sick, "--history", state.resolve("history.jsonl").toString(), "--json");

        assertThat(deploy.exitCode()).as(deploy.err()).isEqualTo(ExitCode.GATE_FAILED);
        JsonNode json = new ObjectMapper().readTree(deploy.out());
        assertThat(json.path("rolledBack").asBoolean()).isTrue();
        assertThat(json.path("services").path(0).path("outcome").asText()).isEqualTo("UNHEALTHY");
        assertThat(deploy.err()).contains("cli-sick UNHEALTHY: its HEALTHCHECK failed").hasLineCount(1);
        assertThat(runningImage("cli-sick")).startsWith(registry.hostPort() + "/deploy/cli-app@sha256:")
                .isEqualTo(json.path("services").path(0).path("running").asText());
        assertThat(dockerd.docker("container", "inspect", "cli-sick", "--format", "{{.Config.Image}}").requireSuccess()
                .stdout().strip()).isEqualTo(v1);
    }

    @Test
    void shouldRecordEachReleaseAndRollBackToWhatARecordedBuildDeployed() throws Exception {
        dockerd.docker("run", "--detach", "--name", "cli-rec", "--network", "none", v1).requireSuccess();
        String v2Digest = registry.hostPort() + "/deploy/cli-app@" + registry.manifest("deploy/cli-app", "2").digest();
        Path build7 = state.resolve("build-7.json");
        Path build9 = state.resolve("build-9.json");
        String[] target = {"--target", "docker", "--docker-host", dockerd.dockerHost(), "--monitor", "1s", "--history",
            state.resolve("history.jsonl").toString()};

        CliRun deploy = CliRun.of(concat(target, "deploy", "--service", "cli-rec=" + v2, "--record", build7.toString()));
        CliRun later = CliRun.of(concat(target, "deploy", "--service", "cli-rec=" + v1));
        CliRun rollback = CliRun.of(concat(target, "rollback", "--service", "cli-rec", "--to", build7.toString(),
                "--record", build9.toString()));
        CliRun otherService = CliRun.of(concat(target, "rollback", "--service", "cli-other", "--to", build7.toString()));

        assertThat(deploy.exitCode()).as(deploy.err()).isEqualTo(ExitCode.OK);
        assertThat(MetricsJson.read(build7).releasedImages())
                .containsExactly(Map.entry("cli-rec", ImageReference.parse(v2Digest)));
        assertThat(MetricsJson.read(build7).phaseMillis()).containsKey(Phase.DEPLOY);
        assertThat(later.exitCode()).as(later.err()).isEqualTo(ExitCode.OK);
        assertThat(rollback.exitCode()).as(rollback.err()).isEqualTo(ExitCode.OK);
        assertThat(runningImage("cli-rec")).isEqualTo(v2Digest);
        assertThat(MetricsJson.read(build9).deploys()).singleElement().satisfies(back -> {
            assertThat(back.rollback()).isTrue();
            assertThat(back.healthy()).isTrue();
            assertThat(back.to()).hasToString(v2Digest);
        });
        assertThat(otherService.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(otherService.err()).isEqualTo("optimized-deploy: the record " + build7 + " recorded no healthy deploy"
                + " of cli-other; it deployed cli-rec" + System.lineSeparator());
    }

    private static String[] concat(String[] target, String command, String... arguments) {
        return Stream.concat(Stream.of(command), Stream.concat(Stream.of(target), Stream.of(arguments)))
                .toArray(String[]::new);
    }

    private static String runningImage(String container) {
        String configured = dockerd.docker("container", "inspect", container, "--format", "{{.Config.Image}}")
                .requireSuccess().stdout().strip();
        return configured.contains("@") ? configured : dockerd.docker("image", "inspect", configured, "--format",
                "{{index .RepoDigests 0}}").requireSuccess().stdout().strip();
    }
}
