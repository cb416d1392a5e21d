package io.jenkins.plugins.optimizeddeploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.optimizeddeploy.cli.common.ExitCode;
import io.jenkins.plugins.optimizeddeploy.engine.errors.BadInputException;
import io.jenkins.plugins.optimizeddeploy.engine.errors.GateFailedException;
import io.jenkins.plugins.optimizeddeploy.engine.errors.OperationFailedException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.Command;
import picocli.CommandLine;

class OptimizedDeployCommandTest {

    @ParameterizedTest
    @ValueSource(classes = {StackOverflowError.class, OutOfMemoryError.class})
    void shouldTurnAnErrorIntoFailureWithOneLineAndNoStackTrace(Class<? extends Throwable> type) throws Exception {
        CliRun run = crash(type.getConstructor().newInstance());

        assertThat(run.exitCode()).isEqualTo(ExitCode.FAILURE);
        assertThat(run.err()).hasLineCount(1).startsWith("optimized-deploy: ").contains(type.getName())
                .doesNotContain("\tat ");
        assertThat(run.out()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(classes = {IllegalArgumentException.class, NullPointerException.class, IllegalStateException.class})
    void shouldReportABugWithItsStackTraceAsAFailure(Class<? extends RuntimeException> type) throws Exception {
        CliRun run = crash(type.getConstructor(String.class).newInstance("a precondition broke"));

        assertThat(run.exitCode()).isEqualTo(ExitCode.FAILURE);
        assertThat(run.err()).startsWith("optimized-deploy: failed with a bug")
                .contains(type.getName() + ": a precondition broke", "\tat ");
    }

    @Test
    void shouldLetTheKindOfAnEngineExceptionDecideTheExitCodeWithOneLine() {
        assertThat(crash(new BadInputException("the file 'x' does not exist")))
                .isEqualTo(new CliRun(ExitCode.BAD_INPUT, "", "optimized-deploy: the file 'x' does not exist\n"));
        assertThat(crash(new GateFailedException("web is unhealthy")))
                .isEqualTo(new CliRun(ExitCode.GATE_FAILED, "", "optimized-deploy: web is unhealthy\n"));
        assertThat(crash(new OperationFailedException("push failed")))
                .isEqualTo(new CliRun(ExitCode.FAILURE, "", "optimized-deploy: push failed\n"));
    }

    @Test
    void shouldExitWithBadInputForAValueTheEngineRefuses(@TempDir Path folder) {
        CliRun run = CliRun.of("build", "--file", folder.resolve("docker-bake.hcl").toString(),
                "--registry", "127.0.0.1:9/app", "--backend", "kaniko");

        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).hasLineCount(1).contains("Unknown build backend 'kaniko'").doesNotContain("\tat ");
    }

    private static CliRun crash(Throwable thrown) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = OptimizedDeployCommand.newCommandLine(new ByteArrayInputStream(new byte[0]),
                new PrintWriter(out, true), new PrintWriter(err, true));
        commandLine.addSubcommand("crash", new Crash(thrown));
        // what newCommandLine set applies to the subcommands there are: set again for the one added here
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));

        int exitCode = commandLine.execute("crash");
        return new CliRun(exitCode, out.toString(), err.toString());
    }

    @Test
    void shouldExitWithBadInputNamingADockerConfigThatCannotBeUsed(@TempDir Path folder) throws IOException {
        Path config = Files.writeString(folder.resolve("config.json"), "{\"auths\": [\"hunter2\"]}");

        CliRun run = CliRun.of("inspect", "--docker-config", config.toString(), "127.0.0.1:9/app:1");

        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).hasLineCount(1).contains(config.toString(), "'auths' must be an object")
                .doesNotContain("hunter2");
    }

    @Command(name = "crash")
    static final class Crash implements Callable<Integer> {
        private final Throwable thrown;

        Crash(Throwable thrown) {
            this.thrown = thrown;
        }

        @Override
        public Integer call() throws Exception {
            if (thrown instanceof Error error) {
                throw error;
            }
            throw (Exception) thrown;
        }
    }
}
