package io.jenkins.plugins.optimizeddeploy.cli.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.optimizeddeploy.cli.CliRun;
import io.jenkins.plugins.optimizeddeploy.cli.OptimizedDeployCommand;
import io.jenkins.plugins.optimizeddeploy.cli.common.ExitCode;
import io.jenkins.plugins.optimizeddeploy.cli.common.InterruptOnSignal;
import io.jenkins.plugins.optimizeddeploy.testsupport.DeployableImages;
import io.jenkins.plugins.optimizeddeploy.testsupport.DockerdExtension;
import io.jenkins.plugins.optimizeddeploy.testsupport.JavaProcess;
import io.jenkins.plugins.optimizeddeploy.testsupport.LoopbackPorts;
import io.jenkins.plugins.optimizeddeploy.testsupport.RegistryExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A CI job cancelled halfway through a deploy: the process gets SIGTERM while the new container waits for its health
 * check and the old one is parked, or once a Swarm service of two was moved. Before the process ends, the old
 * container serves again under its own name, and every Swarm service runs its previous digest again.
 */
class DeployCommandSignalIT {
    @RegisterExtension
    static final RegistryExtension registry = RegistryExtension.plain();
    @RegisterExtension
    static final DockerdExtension dockerd = new DockerdExtension();

    @TempDir
    Path output;

    @Test
    void shouldPutTheOldContainerBackWhenTerminatedMidway(@TempDir Path context) throws Exception {
        DeployableImages images = new DeployableImages(dockerd, registry, context);
        String v1 = images.healthy("cli-signal", "1");
        String sick = images.unhealthy("cli-signal");
        dockerd.docker("run", "--detach", "--name", "cli-signal", "--network", "none", v1).requireSuccess();

        Process cli = start("deploy", "--target", "docker", "--docker-host", dockerd.dockerHost(), "--service",
                "cli-signal=" + sick, "--history", output.resolve("history.jsonl").toString());
        terminateOnce(cli, () -> containers().contains("cli-signal.previous"), "the old container was parked");

        assertThat(read("stderr")).contains("stopped: putting back every service the release moved");
        assertThat(read("stdout")).contains("cli-signal: FAILED", "the deploy was stopped", "release rolled back");
        assertThat(dockerd.docker("container", "inspect", "cli-signal", "--format",
                "{{.Config.Image}} {{.State.Status}} {{.State.Health.Status}}").requireSuccess().stdout().strip())
                .isEqualTo(v1 + " running healthy");
        assertThat(containers()).doesNotContain("cli-signal.previous");
        assertThat(read("history.jsonl")).contains("\"outcome\":\"FAILED\"", "\"reason\":\"the deploy was stopped\"");
    }

    @Test
    void shouldPutEverySwarmServiceItMovedBackWhenTerminatedMidway(@TempDir Path context) throws Exception {
        String manager = "127.0.0.1:" + LoopbackPorts.free();
        dockerd.docker("swarm", "init", "--advertise-addr", manager, "--listen-addr", manager, "--data-path-port",
                Integer.toString(LoopbackPorts.free())).requireSuccess();
        DeployableImages images = new DeployableImages(dockerd, registry, context);
        String v1 = images.healthy("swarm-signal", "1");
        String v2 = images.healthy("swarm-signal", "2");
        String sick = images.unhealthy("swarm-signal");
        CliRun created = CliRun.of("deploy", "--target", "swarm", "--docker-host", dockerd.dockerHost(), "--monitor",
                "1s", "--service", "api=" + v1, "--service", "queue=" + v1, "--history",
                output.resolve("history.jsonl").toString());
        assertThat(created.exitCode()).as(created.err()).isEqualTo(ExitCode.OK);
        String v1Digest = specImage("api");

        Process cli = start("deploy", "--target", "swarm", "--docker-host", dockerd.dockerHost(), "--monitor", "1s",
                "--service", "api=" + v2, "--service", "queue=" + sick, "--history",
                output.resolve("history.jsonl").toString());
        terminateOnce(cli, () -> !specImage("api").equals(v1Digest), "api was moved");

        assertThat(read("stderr")).contains("stopped: putting back every service the release moved");
        assertThat(read("stdout")).as(read("stderr")).contains("api: FAILED", "queue: FAILED", "the deploy was stopped",
                "release rolled back");
        for (String service : List.of("api", "queue")) {
            assertThat(specImage(service)).as(service).isEqualTo(v1Digest);
            assertThat(dockerd.docker("service", "ps", service, "--filter", "desired-state=running", "--no-trunc",
                    "--format", "{{.Image}} {{.CurrentState}}").requireSuccess().stdout().lines().toList())
                    .as(service).isNotEmpty().allSatisfy(task -> assertThat(task).startsWith(v1Digest + " Running"));
        }
    }

    /** SIGTERM once {@code midway} holds (within a minute), then the process must end as that signal ends it. */
    private void terminateOnce(Process cli, BooleanSupplier midway, String what) throws Exception {
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!midway.getAsBoolean()) {
                assertThat(cli.isAlive()).as("the deploy is under way; its errors: %s", read("stderr")).isTrue();
                assertThat(System.nanoTime()).as(what + " in time").isLessThan(deadline);
                Thread.sleep(50);
            }
            cli.destroy(); // SIGTERM
            assertThat(cli.waitFor(InterruptOnSignal.GRACE.toSeconds() + 15, TimeUnit.SECONDS))
                    .as("ended within the grace").isTrue();
            assertThat(cli.exitValue()).as("128 + SIGTERM; its errors: %s", read("stderr")).isEqualTo(143);
        } finally {
            cli.destroyForcibly();
        }
    }

    private Process start(String... arguments) throws Exception {
        return JavaProcess.of(OptimizedDeployCommand.class, List.of(arguments))
                .redirectOutput(output.resolve("stdout").toFile()).redirectError(output.resolve("stderr").toFile())
                .start();
    }

    /** The image of the service's spec, read from Swarm itself. */
    private static String specImage(String service) {
        return dockerd.docker("service", "inspect", service, "--format", "{{.Spec.TaskTemplate.ContainerSpec.Image}}")
                .requireSuccess().stdout().strip();
    }

    private static List<String> containers() {
        return dockerd.docker("ps", "--all", "--format", "{{.Names}}").requireSuccess().stdout().lines().toList();
    }

    private String read(String file) throws Exception {
        return Files.readString(output.resolve(file), StandardCharsets.UTF_8);
    }
}
