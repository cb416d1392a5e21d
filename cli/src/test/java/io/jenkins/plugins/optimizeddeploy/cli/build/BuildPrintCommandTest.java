package io.jenkins.plugins.optimizeddeploy.cli.build;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.optimizeddeploy.cli.CliRun;
import io.jenkins.plugins.optimizeddeploy.cli.common.ExitCode;
import io.jenkins.plugins.optimizeddeploy.testsupport.SampleApp;
import org.junit.jupiter.api.Test;

/** {@code build --print}: the resolved bake definition in buildx's --print shape, without building or a registry. */
class BuildPrintCommandTest {
    @Test
    void shouldPrintTheSelectionAsBuildxBakePrintDoesReadByTheInstalledBuildx() throws Exception {
        CliRun run = CliRun.of("build", "--file", SampleApp.directory().resolve("docker-bake.hcl").toString(),
                "--group", "essential", "--var", "TAG=7", "--print");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
        JsonNode print = new ObjectMapper().readTree(run.out());
        assertThat(print.path("group").path("default").path("targets").toString()).isEqualTo("[\"essential\"]");
        assertThat(print.path("target").fieldNames()).toIterable().containsExactlyInAnyOrder("web", "worker");
        assertThat(print.path("target").path("web").path("tags").toString()).contains(":7");
        assertThat(run.err()).startsWith("bake file read by docker buildx bake --print (github.com/docker/buildx");
    }

    @Test
    void shouldStillAskForTheRegistryWhenItBuilds() {
        CliRun run = CliRun.of("build", "--file", SampleApp.directory().resolve("docker-bake.hcl").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).contains("(--registry=REGISTRY | --print)");
    }
}
