package io.jenkins.plugins.optimizeddeploy.cli.harden;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.optimizeddeploy.cli.CliRun;
import io.jenkins.plugins.optimizeddeploy.cli.common.ExitCode;
import io.jenkins.plugins.optimizeddeploy.testsupport.SampleApp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParseCommandTest {
    @TempDir
    Path folder;

    @Test
    void shouldPrintTheSampleAppsInstructionsAsJson() throws IOException {
        String dockerfile = SampleApp.directory().resolve("Dockerfile").toString();

        CliRun run = CliRun.of("parse", dockerfile, "--json");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.path("file").asText()).isEqualTo(dockerfile);
        JsonNode first = json.path("instructions").path(0);
        assertThat(first.path("keyword").asText()).isEqualTo("arg");
        assertThat(first.path("stage").asInt()).isEqualTo(-1);
        assertThat(json.path("stages")).extracting(stage -> stage.path("name").asText())
                .containsExactly("builder", "runtime", "worker", "migrations", "docs", "web");
        assertThat(json.path("instructions")).anySatisfy(instruction -> {
            assertThat(instruction.path("keyword").asText()).isEqualTo("copy");
            assertThat(instruction.path("flags")).extracting(JsonNode::asText)
                    .containsExactly("--from=builder", "--chown=app:app");
        });
    }

    @Test
    void shouldPrintLinesKeywordsFlagsAndArgumentsAsText() throws IOException {
        Path dockerfile = write("FROM base AS build\nRUN make \\\n    all\nCOPY --from=build /out /app\n");

        CliRun run = CliRun.of("parse", dockerfile.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
        assertThat(run.out().lines()).containsExactly(
                "1       from        base AS build",
                "2-3     run         make     all",
                "4       copy        --from=build /out /app");
    }

    @Test
    void shouldExitWithBadInputNamingTheLineOfAnUnknownInstruction() throws IOException {
        Path dockerfile = write("FROM base\nRUNN make\n");

        CliRun run = CliRun.of("parse", dockerfile.toString(), "--json");

        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).contains(dockerfile + ":2", "unknown instruction: RUNN").hasLineCount(1);
        assertThat(run.out()).isEmpty();
    }

    @Test
    void shouldEscapeTerminalControlCharactersInTextAndInErrors() throws IOException {
        CliRun parsed = CliRun.of("parse", write("FROM base\nRUN echo \u001b[2J\u001b]0;owned\u0007\n").toString());
        CliRun refused = CliRun.of("parse", write("FROM base\nRUNN \u001b[2J\n").toString());

        assertThat(parsed.exitCode()).as(parsed.err()).isEqualTo(ExitCode.OK);
        assertThat(parsed.out()).doesNotContain("\u001b", "\u0007").contains("echo \\x1b[2J\\x1b]0;owned\\x07\n");
        assertThat(refused.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(refused.err()).doesNotContain("\u001b").contains("unknown instruction: RUNN").hasLineCount(1);
    }

    @Test
    void shouldExitWithBadInputForAFileWithoutInstructions() throws IOException {
        CliRun run = CliRun.of("parse", write("# only a comment\n").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).contains("no instructions");
    }

    @Test
    void shouldExitWithBadInputForAMissingFile() {
        CliRun run = CliRun.of("parse", folder.resolve("absent/Dockerfile").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).contains("absent/Dockerfile' does not exist");
    }

    private Path write(String content) throws IOException {
        return Files.writeString(folder.resolve("Dockerfile"), content);
    }
}
