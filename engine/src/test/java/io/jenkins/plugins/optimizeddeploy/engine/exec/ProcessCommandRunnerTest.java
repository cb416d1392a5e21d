package io.jenkins.plugins.optimizeddeploy.engine.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessCommandRunnerTest {
    private final ProcessCommandRunner runner = new ProcessCommandRunner();

    @Test
    void shouldPassArgumentsVerbatimWithoutAShell() {
        CommandResult result = runner.run(Command.of("/bin/echo", "a b", "$HOME", "*;|"));

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).containsExactly("a b $HOME *;|");
    }

    @Test
    void shouldStreamLinesOfBothStreamsToTheListener() {
        List<String> seen = Collections.synchronizedList(new ArrayList<>());

        CommandResult result = runner.run(Command.of("/bin/sh", "-c", "echo out1; echo err1 >&2; echo out2"),
                (stream, line) -> seen.add(stream + ":" + line));

        assertThat(seen).containsExactlyInAnyOrder("STDOUT:out1", "STDOUT:out2", "STDERR:err1");
        assertThat(result.stdout()).containsExactly("out1", "out2");
        assertThat(result.stderr()).containsExactly("err1");
    }

    @Test
    void shouldSetEnvironmentAndWorkingDirectory(@TempDir Path directory) throws Exception {
        Files.writeString(directory.resolve("marker"), "here");

        CommandResult result = runner.run(Command.of("/bin/sh", "-c", "echo $GREETING; cat marker")
                .withEnvironment("GREETING", "hello").withWorkingDirectory(directory));

        assertThat(result.stdout()).containsExactly("hello", "here");
    }

    @Test
    void shouldFeedStandardInput() {
        CommandResult result = runner.run(Command.of("/bin/cat").withStdin("line one\nline two\n"));

        assertThat(result.stdout()).containsExactly("line one", "line two");
    }

    @Test
    void shouldMaskSecretsInLinesResultsAndFailures() {
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        Command command = Command.of("/bin/sh", "-c", "echo token=$TOKEN; echo $TOKEN >&2; exit 4")
                .withEnvironment("TOKEN", "s3cr3t-value").withSecrets("s3cr3t-value");

        CommandResult result = runner.run(command, (stream, line) -> seen.add(line));

        assertThat(seen).containsExactlyInAnyOrder("token=****", "****");
        assertThat(result.output()).doesNotContain("s3cr3t-value");
        assertThatThrownBy(result::requireSuccess)
                .isInstanceOf(CommandFailedException.class)
                .hasMessageContaining("exited with 4")
                .hasMessageContaining("****")
                .hasMessageNotContaining("s3cr3t-value");
    }

    @Test
    void shouldMaskSecretsInTheDisplayedCommand() {
        Command command = Command.of("/bin/true", "--password=hunter2").withSecrets("hunter2");

        assertThat(command.display()).isEqualTo("/bin/true --password=****");
        assertThat(command.toString()).doesNotContain("hunter2");
        assertThat(runner.run(command).command()).doesNotContain("hunter2");
    }

    @Test
    void shouldKillACommandThatRunsPastItsTimeout() {
        long started = System.nanoTime();

        assertThatThrownBy(() -> runner.run(Command.of("/bin/sh", "-c", "echo started; sleep 30")
                .withTimeout(Duration.ofMillis(500))))
                .isInstanceOf(CommandFailedException.class)
                .hasMessageContaining("/bin/sh -c echo started; sleep 30")
                .hasMessageContaining("timed out after PT0.5S")
                .satisfies(e -> assertThat(((CommandFailedException) e).timedOut()).isTrue())
                .satisfies(e -> assertThat(((CommandFailedException) e).result().stdout()).containsExactly("started"));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
    }

    @Test
    void shouldNameAProgramThatCannotBeStarted() {
        assertThatThrownBy(() -> runner.run(Command.of("/nonexistent/program", "arg")))
                .isInstanceOf(CommandFailedException.class)
                .hasMessageStartingWith("/nonexistent/program arg: could not be started");
    }

    @Test
    void shouldSummariseOutputByItsLastLines() {
        CommandResult result = new CommandResult("cmd", 1, List.of("o1", "o2"), List.of("e1"), Duration.ZERO);

        assertThat(result.tail(2)).isEqualTo("o2\ne1");
        assertThat(result.lastLine()).isEqualTo("e1");
        assertThat(new CommandResult("cmd", 1, List.of("o1"), List.of(), Duration.ZERO).lastLine()).isEqualTo("o1");
        assertThat(new CommandResult("cmd", 1, List.of(), List.of(), Duration.ZERO).lastLine()).isEqualTo("no output");
    }

    @Test
    void shouldRefuseAnEmptyCommandAndABadTimeout() {
        assertThatThrownBy(() -> Command.of(List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("program");
        assertThatThrownBy(() -> Command.of("/bin/true").withTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("/bin/true");
    }
}
