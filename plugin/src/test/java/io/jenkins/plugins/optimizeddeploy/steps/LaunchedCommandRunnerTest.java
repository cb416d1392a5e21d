package io.jenkins.plugins.optimizeddeploy.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.optimizeddeploy.engine.exec.Command;
import io.jenkins.plugins.optimizeddeploy.engine.exec.CommandFailedException;
import io.jenkins.plugins.optimizeddeploy.engine.exec.CommandResult;
import io.jenkins.plugins.optimizeddeploy.engine.exec.OutputStreamName;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine's commands through the step's Launcher (here one that starts them locally, as on a plain agent). */
class LaunchedCommandRunnerTest {

    private static final Map<String, String> BUILD_ENVIRONMENT = Map.of("PATH", System.getenv("PATH"),
            "SET_BY_WITH_ENV", "from the build", "DOCKER_HOST", "unix:///build/docker.sock");

    private final LocalLauncherProcesses launcher = new LocalLauncherProcesses(List.of(), BUILD_ENVIRONMENT);
    private final LaunchedCommandRunner runner = new LaunchedCommandRunner(launcher);

    @Test
    void shouldRunWithTheBuildsEnvironmentUnderTheCommandsOwnVariablesInItsFolder(@TempDir Path folder) {
        CommandResult result = runner.run(Command.of("sh", "-c", "echo \"$SET_BY_WITH_ENV|$DOCKER_HOST|$(pwd)\"")
                .withEnvironment("DOCKER_HOST", "unix:///step/docker.sock").withWorkingDirectory(folder));

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).containsExactly("from the build|unix:///step/docker.sock|" + folder);
    }

    @Test
    void shouldHandEachLineToTheListenerAsItsStreamsLineWithSecretsMasked() {
        List<String> heard = Collections.synchronizedList(new ArrayList<>());

        CommandResult result = runner.run(Command.of("sh", "-c", "read secret; echo \"token=$secret\";"
                        + " printf 'progress\\r\\n' >&2; printf 'no line break'; exit 3")
                .withSecrets("s3cr3t").withStdin("s3cr3t\n"),
                (stream, line) -> heard.add(stream + " " + line));

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.stdout()).containsExactly("token=****", "no line break");
        assertThat(result.stderr()).containsExactly("progress");
        assertThat(heard).containsExactlyInAnyOrder(OutputStreamName.STDOUT + " token=****",
                OutputStreamName.STDERR + " progress", OutputStreamName.STDOUT + " no line break");
        assertThat(launcher.started()).singleElement().satisfies(arguments -> assertThat(arguments).startsWith("sh"));
    }

    @Test
    void shouldKillACommandThatRunsPastItsTimeoutAndSaySo() {
        assertThatThrownBy(() -> runner.run(Command.of("sh", "-c", "echo started; exec sleep 30")
                .withTimeout(Duration.ofMillis(300))))
                .isInstanceOf(CommandFailedException.class)
                .hasMessage("sh -c echo started; exec sleep 30: timed out after PT0.3S and was killed")
                .satisfies(e -> assertThat(((CommandFailedException) e).timedOut()).isTrue())
                .satisfies(e -> assertThat(((CommandFailedException) e).result().stdout()).containsExactly("started"));
    }

    @Test
    void shouldSayWhichCommandCouldNotBeStarted() {
        assertThatThrownBy(() -> runner.run(Command.of("/nonexistent/docker", "version")))
                .isInstanceOf(CommandFailedException.class)
                .hasMessageStartingWith("/nonexistent/docker version: could not be started: ");
    }
}
