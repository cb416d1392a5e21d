package io.jenkins.plugins.optimizeddeploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

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
import picocli.CommandLine;
import picocli.CommandLine.Command;

class OptimizedDeployCommandTest {

    @ParameterizedTest
    @ValueSource(classes = {StackOverflowError.class, OutOfMemoryError.class, NullPointerException.class})
    void shouldTurnAnyUnexpectedThrowableIntoFailureWithOneLineAndNoStackTrace(Class<? extends Throwable> type) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = OptimizedDeployCommand.newCommandLine(new ByteArrayInputStream(new byte[0]),
                new PrintWriter(out, true), new PrintWriter(err, true));
        commandLine.addSubcommand("crash", new Crash(type));
        // what newCommandLine set applies to the subcommands there are: set again for the one added here
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));

        int exitCode = commandLine.execute("crash");

        assertThat(exitCode).isEqualTo(ExitCode.FAILURE);
        assertThat(err.toString()).hasLineCount(1).startsWith("optimized-deploy: ").contains(type.getName())
                .doesNotContain("\tat ");
        assertThat(out.toString()).isEmpty();
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
        private final Class<? extends Throwable> type;

        Crash(Class<? extends Throwable> type) {
            this.type = type;
        }

        @Override
        public Integer call() throws Exception {
            Throwable thrown = type.getConstructor().newInstance();
            if (thrown instanceof Error error) {
                throw error;
            }
            throw (Exception) thrown;
        }
    }
}
