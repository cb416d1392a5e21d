package io.jenkins.plugins.optimizeddeploy.jenkinsruntime;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.EnvVars;
import hudson.Launcher;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Processes start as core's LocalLauncher starts them, and the build's variables behave as core's EnvVars. */
class LocalLauncherTest {

    @TempDir
    Path folder;

    private final TestListener listener = new TestListener();

    @Test
    void shouldStartTheProcessInTheFolderWithTheVariablesOverTheAgentsAndTellItsExitCode() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int exitCode = new Launcher.LocalLauncher(listener).launch()
                .cmds(List.of("sh", "-c", "echo \"$GREETING in $(pwd) from $PATH\"; exit 3"))
                .envs(Map.of("GREETING", "hello", "PATH+TOOLS", "/opt/tools")).pwd(folder.toString()).stdout(out)
                .quiet(true).start().joinWithTimeout(30, TimeUnit.SECONDS, listener);

        assertThat(exitCode).isEqualTo(3);
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("hello in " + folder.toRealPath() + " from /opt/tools"
                + File.pathSeparator);
        assertThat(listener.text()).isEmpty();
    }

    @Test
    void shouldEchoTheCommandUnlessQuietAndKillItPastItsTimeout() throws Exception {
        int exitCode = new Launcher.LocalLauncher(listener).launch().cmds(List.of("sleep", "30")).start()
                .joinWithTimeout(200, TimeUnit.MILLISECONDS, listener);

        assertThat(exitCode).isNotZero();
        assertThat(listener.text()).isEqualTo("$ sleep 30\nTimeout after 200 milliseconds\n");
    }

    @Test
    void shouldKeepVariableNamesWithTheirCaseButFindThemInAnyCase() {
        EnvVars environment = new EnvVars();
        environment.put("Docker_Host", "unix:///run/docker.sock");

        assertThat(environment.get("DOCKER_HOST")).isEqualTo("unix:///run/docker.sock");
        assertThat(environment.keySet()).containsExactly("Docker_Host");
    }
}
