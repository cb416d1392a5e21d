package io.jenkins.plugins.optimizeddeploy.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.optimizeddeploy.cli.CliRun;
import io.jenkins.plugins.optimizeddeploy.cli.common.ExitCode;
import io.jenkins.plugins.optimizeddeploy.engine.metrics.ImageMetrics;
import io.jenkins.plugins.optimizeddeploy.engine.metrics.MetricsJson;
import io.jenkins.plugins.optimizeddeploy.engine.metrics.Phase;
import io.jenkins.plugins.optimizeddeploy.engine.metrics.RunMetrics;
import io.jenkins.plugins.optimizeddeploy.testsupport.DockerdExtension;
import io.jenkins.plugins.optimizeddeploy.testsupport.LoopbackPorts;
import io.jenkins.plugins.optimizeddeploy.testsupport.RegistryExtension;
import io.jenkins.plugins.optimizeddeploy.testsupport.SampleApp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run --config}: the config file checked against the shared library's defaults, then the sample app through
 * every stage to a private dockerd in swarm mode, where a broken web image is rolled back.
 */
class RunCommandIT {
    @RegisterExtension
    static final RegistryExtension registry = RegistryExtension.plain();
    @RegisterExtension
    static final DockerdExtension dockerd = new DockerdExtension().perTestClass();

    @TempDir
    static Path state;
    @TempDir
    Path folder;

    @BeforeAll
    static void swarm() {
        // free ports: other daemons on this machine may be swarm managers too
        String manager = "127.0.0.1:" + LoopbackPorts.free();
        dockerd.docker("swarm", "init", "--advertise-addr", manager, "--listen-addr", manager,
                "--data-path-port", Integer.toString(LoopbackPorts.free())).requireSuccess();
    }

    @Test
    void shouldRefuseAnUnknownKeyNamingTheKeysThereAre() throws IOException {
        CliRun run = run(config("regsitry: reg.example.com/team\n"));

        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).hasLineCount(1).contains("unknown key 'regsitry'; the keys are harden, dockerfiles, fix,",
                " registry, ", " deployOptions");
    }

    @Test
    void shouldRefuseAValueOfAnotherTypeThanItsDefault() throws IOException {
        CliRun timeout = run(config("registry: reg.example.com/team\ntimeout: soon\n"));
        CliRun tags = run(config("registry: reg.example.com/team\nreleaseTags: prod\n"));

        assertThat(timeout.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(timeout.err()).hasLineCount(1).contains("timeout must be a whole number, not a string");
        assertThat(tags.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(tags.err()).hasLineCount(1).contains("releaseTags must be a list of strings, not a string");
    }

    @Test
    void shouldRefuseARunWithoutRegistryOrWithAnUnknownDeployOption() throws IOException {
        CliRun noRegistry = run(config("deploy: false\n"));
        CliRun unknownOption = run(config("registry: reg.example.com/team\ndeployOptions:\n  replicas: 3\n"));

        assertThat(noRegistry.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(noRegistry.err()).hasLineCount(1).contains("registry is not set");
        assertThat(unknownOption.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(unknownOption.err()).hasLineCount(1).contains("deployOptions.replicas is not an option",
                "history", "lock-timeout", "monitor");
    }

    @Test
    void shouldStopAtHardenWithExitOneWhenAFindingReachesFailOn() throws IOException {
        Files.writeString(folder.resolve("Dockerfile"), "FROM busybox:latest\nMAINTAINER someone\n");
        Path config = config("registry: " + registry.hostPort() + "/harden\nfailOn: warning\n");

        CliRun run = run(config);

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.GATE_FAILED);
        assertThat(run.out()).contains("harden: 1 Dockerfile(s): ", "failing at the threshold (failOn)")
                .doesNotContain("build:");
        assertThat(run.err()).contains("DL4000");
        assertThat(MetricsJson.read(folder.resolve("record.json")).failed()).isTrue();
        assertThat(folder.resolve("report.html")).isNotEmptyFile();
    }

    @Test
    void shouldExitThreeWhenTheBuildCannotPush() throws IOException {
        Path app = sampleApp();
        CliRun run = run(config(app, "registry: 127.0.0.1:" + LoopbackPorts.free() + "/nowhere\nharden: false\n"
                + "backend: docker\ndockerHost: " + dockerd.dockerHost() + "\n"));

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.FAILURE);
        assertThat(run.out()).contains("harden: skipped (harden: false)", "build: failed in");
        RunMetrics record = MetricsJson.read(app.resolve("record.json"));
        assertThat(record.failed()).isTrue();
        assertThat(record.phaseMillis()).containsKey(Phase.BUILD);
    }

    @Test
    void shouldRunEveryStageSkipDeployOnAnotherBranchThenRollBackABrokenWebImage() throws IOException {
        Path app = sampleApp();
        Path config = config(app, String.join("\n", "registry: " + registry.hostPort() + "/run", "backend: docker",
                "dockerHost: " + dockerd.dockerHost(), "releaseTags: [release]", "timeout: 90",
                "deployOptions:", "  history: " + state.resolve("deploys.jsonl"), "  monitor: 1s", ""));

        CliRun healthy = run(config);
        CliRun otherBranch = CliRun.of("run", "--config", config.toString(), "--branch", "feature", "--record",
                app.resolve("feature.json").toString(), "--html", app.resolve("feature.html").toString());
        Files.delete(app.resolve("web/health"));
        CliRun broken = CliRun.of("run", "--config", config.toString(), "--record", app.resolve("broken.json").toString(),
                "--html", app.resolve("broken.html").toString(), "--previous", app.resolve("record.json").toString(),
                "--markdown", app.resolve("broken.md").toString());

        assertThat(healthy.exitCode()).as(healthy.err()).isEqualTo(ExitCode.OK);
        assertThat(healthy.out()).contains("harden: 1 Dockerfile(s): ", "build: web ", "worker ", "steps cached (docker)",
                "verify: 2 image(s): ", "release: 2 image(s) also tagged release", "deploy: web healthy after ",
                "worker healthy after ", "report: wrote " + app.resolve("report.html"));
        RunMetrics first = MetricsJson.read(app.resolve("record.json"));
        assertThat(first.failed()).isFalse();
        assertThat(first.phaseMillis()).containsKeys(Phase.HARDEN, Phase.BUILD, Phase.VERIFY, Phase.RETAG, Phase.DEPLOY);
        assertThat(first.deploys()).hasSize(2).allSatisfy(deploy -> assertThat(deploy.healthy()).isTrue());
        ImageMetrics web = first.images().get("web");
        String healthyWeb = web.reference().name() + "@" + web.digest();
        assertThat(serviceImage("web")).isEqualTo(healthyWeb);

        assertThat(otherBranch.exitCode()).as(otherBranch.err()).isEqualTo(ExitCode.OK);
        assertThat(otherBranch.out()).contains("build: web ",
                "deploy: skipped (branch feature is not the defaultBranch main)");

        assertThat(broken.exitCode()).as(broken.err()).isEqualTo(ExitCode.GATE_FAILED);
        assertThat(broken.out()).contains("deploy: web unhealthy", "rollback: every service put back: web runs "
                + healthyWeb, "report: wrote " + app.resolve("broken.md"));
        assertThat(serviceImage("web")).isEqualTo(healthyWeb);
        assertThat(MetricsJson.read(app.resolve("broken.json")).rolledBack()).isTrue();
        assertThat(Files.readString(app.resolve("broken.html"))).contains("web");
    }

    private static String serviceImage(String service) {
        return dockerd.docker("service", "inspect", service, "--format", "{{.Spec.TaskTemplate.ContainerSpec.Image}}")
                .requireSuccess().stdout().strip();
    }

    /** A copy of the sample app whose bake file builds on the test registry's busybox base. */
    private Path sampleApp() throws IOException {
        Path app = SampleApp.copyTo(folder.resolve("app"));
        String base = registry.pushBusyboxBase("base/busybox", "run");
        Path bakeFile = app.resolve("docker-bake.hcl");
        Files.writeString(bakeFile, Files.readString(bakeFile).replace("localhost:5000/base/busybox:latest", base));
        return app;
    }

    private Path config(String yaml) throws IOException {
        return config(folder, yaml);
    }

    private static Path config(Path folder, String yaml) throws IOException {
        return Files.writeString(folder.resolve("optimized-deploy.yaml"), yaml);
    }

    private static CliRun run(Path config) {
        Path folder = config.getParent();
        return CliRun.of("run", "--config", config.toString(), "--record", folder.resolve("record.json").toString(),
                "--html", folder.resolve("report.html").toString());
    }
}
