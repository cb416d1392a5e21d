package io.jenkins.plugins.optimizeddeploy.cli.build;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.optimizeddeploy.cli.CliRun;
import io.jenkins.plugins.optimizeddeploy.cli.common.ExitCode;
import io.jenkins.plugins.optimizeddeploy.engine.image.Digest;
import io.jenkins.plugins.optimizeddeploy.engine.image.ImageReference;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.BuildResult;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.BuildResultFields;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.CacheTimes;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.StepStatistics;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.TargetResult;
import io.jenkins.plugins.optimizeddeploy.testsupport.DockerdExtension;
import io.jenkins.plugins.optimizeddeploy.testsupport.FieldNames;
import io.jenkins.plugins.optimizeddeploy.testsupport.RegistryExtension;
import io.jenkins.plugins.optimizeddeploy.testsupport.SampleApp;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class BuildCommandIT {
    @RegisterExtension
    static final RegistryExtension REGISTRY = RegistryExtension.plain();
    @RegisterExtension
    static final DockerdExtension DOCKERD = new DockerdExtension();

    private static String baseImage;

    @BeforeAll
    static void seedBaseImage() {
        baseImage = REGISTRY.pushBusyboxBase("base/busybox", "cli-build");
    }

    @Test
    void shouldBuildTheEssentialGroupAndPrintTargetsAsJson() throws Exception {
        String registry = REGISTRY.hostPort() + "/cli";
        CliRun run = CliRun.of("build", "--file", SampleApp.directory().resolve("docker-bake.hcl").toString(),
                "--group", "essential", "--registry", registry, "--tag", "cli-1", "--backend", "docker", "--json",
                "--docker-host", DOCKERD.dockerHost(), "--var", "BASE_IMAGE=" + baseImage, "--branch", "main");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
        JsonNode targets = new ObjectMapper().readTree(run.out()).path("targets");
        assertThat(targets).hasSize(2);
        assertThat(FieldNames.ofJson(run.out())).as("the fields bakeImages returns, platform and build arg names aside")
                .filteredOn(path -> !path.startsWith("targets[].platformSizes.")
                        && !path.startsWith("targets[].provenance.buildArgs."))
                .containsExactlyElementsOf(FieldNames.of(BuildResultFields.of(new BuildResult("docker", "asked for",
                        List.of(TargetResult.builder("web", "docker").pushed(List.of(ImageReference.parse("reg/web:1")),
                                        Digest.parse("sha256:" + "a".repeat(64)), 1L)
                                .steps(new StepStatistics(1, 1, 0), List.of())
                                .cache("none: first build", CacheTimes.NONE, List.of("refused")).build())))));
        assertThat(targets.path(0).path("target").asText()).isEqualTo("web");
        assertThat(targets.path(0).path("image").asText()).isEqualTo(registry + "/web:cli-1");
        assertThat(targets.path(1).path("target").asText()).isEqualTo("worker");
        for (JsonNode target : targets) {
            assertThat(target.path("digest").asText()).startsWith("sha256:");
            assertThat(target.path("durationMillis").asLong()).isPositive();
            JsonNode steps = target.path("steps");
            assertThat(steps.path("total").asInt()).isEqualTo(steps.path("cached").asInt() + steps.path("executed").asInt());
            assertThat(target.path("cacheHitRate").isNumber()).isTrue();
            assertThat(target.path("cacheImportMillis").isIntegralNumber()).isTrue();
            assertThat(target.path("cacheSource").asText()).isNotEmpty();
            assertThat(target.path("cacheExportMillis").asLong()).as("cache images pushed").isPositive();
        }
        assertThat(run.err()).contains("with docker: docker was asked for", "web: building " + registry + "/web:cli-1",
                "worker: built in");
    }

    @Test
    void shouldExitWithBadInputNamingAnUnknownGroup() {
        CliRun run = CliRun.of("build", "--file", SampleApp.directory().resolve("docker-bake.json").toString(),
                "--group", "nightly", "--registry", "reg.example.com/team");

        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).contains("docker buildx bake refuses it: failed to find target nightly").hasLineCount(1);
    }

    @Test
    void shouldExitWithBadInputNamingTheTargetAndTheTagBeforeAnyBackendRuns() {
        Path bakeFile = SampleApp.directory().resolve("docker-bake.json").toAbsolutePath().normalize();
        CliRun run = CliRun.of("build", "--file", bakeFile.toString(), "--target", "docs",
                "--registry", "reg.example.com/team", "--tag", "1.0", "--tag", "v 1", "--backend", "docker");

        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).as("no backend started").doesNotContain("building", "\tat ");
        assertThat(run.err().lines()).last().isEqualTo("optimized-deploy: Target docs of " + bakeFile + " cannot be"
                + " tagged 'reg.example.com/team/docs:v 1': tag 'v 1' must be 1 to 128 letters, digits, '_', '.' or '-',"
                + " not starting with '.' or '-'");
    }
}
