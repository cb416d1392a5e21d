package io.jenkins.plugins.optimizeddeploy.steps.harden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;

import io.jenkins.plugins.optimizeddeploy.action.OptimizedDeployAction;
import io.jenkins.plugins.optimizeddeploy.jenkinsruntime.PipelineBuild;
import io.jenkins.plugins.optimizeddeploy.steps.StepAbort;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** hardenDockerfile as a Pipeline runs it, on the test runtime, linting the agent's workspace. */
class HardenDockerfileExecutionTest {

    @TempDir
    Path workspace;

    private PipelineBuild build;

    @BeforeEach
    void startBuild() throws IOException {
        build = new PipelineBuild(workspace);
        Files.writeString(workspace.resolve("Dockerfile"), "FROM ubuntu:latest\n");
    }

    @Test
    void shouldTakeTheHadolintVariablesOfTheBuildEnvironmentOnTheAgent() throws Exception {
        build.environment().put("HADOLINT_IGNORE", "DL3007");

        Object returned = build.run(step("none"));

        assertThat(returned).asInstanceOf(MAP).containsEntry("failed", false);
        assertThat(build.log()).doesNotContain("DL3007");
    }

    @Test
    void shouldRecordTheFindingsOnTheBuildAndFailWithOneLineWhenTheyReachTheThreshold() {
        String line = StepAbort.lineOf(build, step("warning"));

        assertThat(line).startsWith("hardenDockerfile: ").endsWith("failing on warning");
        assertThat(build.log()).contains("Dockerfile:1", "DL3007").endsWith(line + "\n");
        assertThat(build.build().getAction(OptimizedDeployAction.class).getSummaries("hardenDockerfile"))
                .singleElement().satisfies(summary -> assertThat(summary.getOutcome()).isEqualTo("failed on warning"));
    }

    @Test
    void shouldFailWithOneLineNamingAMissingFile() {
        HardenDockerfileStep step = step("warning");
        step.setFile("app/Dockerfile");

        assertThat(StepAbort.lineOf(build, step)).isEqualTo("hardenDockerfile: the file 'app/Dockerfile' does not exist");
    }

    @Test
    void shouldFailWithOneLineNamingAnUnknownThreshold() {
        assertThat(StepAbort.lineOf(build, step("sometimes"))).startsWith("hardenDockerfile: ").contains("sometimes");
    }

    private static HardenDockerfileStep step(String failOn) {
        HardenDockerfileStep step = new HardenDockerfileStep();
        step.setFile("Dockerfile");
        step.setFailOn(failOn);
        return step;
    }
}
