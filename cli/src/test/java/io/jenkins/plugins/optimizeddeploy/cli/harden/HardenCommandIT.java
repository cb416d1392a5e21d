package io.jenkins.plugins.optimizeddeploy.cli.harden;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.optimizeddeploy.cli.OptimizedDeployCommand;
import io.jenkins.plugins.optimizeddeploy.cli.common.ExitCode;
import io.jenkins.plugins.optimizeddeploy.testsupport.FullDisk;
import io.jenkins.plugins.optimizeddeploy.testsupport.JavaProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** harden run as its own process, for the exit code and message when standard output cannot be written. */
class HardenCommandIT {
    @Test
    void shouldExit3SayingSoWhenTheReportCannotBeWritten(@TempDir Path output) throws Exception {
        String dockerfile = Files.writeString(output.resolve("Dockerfile"), HardenCommandTest.UNPINNED).toString();
        try (FullDisk disk = FullDisk.mount()) {
            disk.fill();
            for (Path stdout : List.of(Path.of("/dev/full"), disk.path().resolve("report.sarif"))) {
                Path stderr = output.resolve("stderr");
                Process cli = JavaProcess.of(OptimizedDeployCommand.class,
                        List.of("harden", "--format", "sarif", "--failure-threshold", "none", dockerfile))
                        .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();

                assertThat(cli.waitFor(60, TimeUnit.SECONDS)).as("ended").isTrue();
                assertThat(cli.exitValue()).as("the exit code with standard output on %s", stdout)
                        .isEqualTo(ExitCode.FAILURE);
                assertThat(Files.readString(stderr)).isEqualTo("optimized-deploy: could not write the output to"
                        + " standard output (a full disk or a closed pipe?): what it holds is incomplete\n");
            }
        }
    }
}
