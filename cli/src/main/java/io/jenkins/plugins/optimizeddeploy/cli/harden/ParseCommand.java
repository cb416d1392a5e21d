package io.jenkins.plugins.optimizeddeploy.cli.harden;

import io.jenkins.plugins.optimizeddeploy.cli.common.ExitCode;
import io.jenkins.plugins.optimizeddeploy.cli.common.JsonOption;
import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.DockerfileParser;
import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.ParsedDockerfileView.InstructionView;
import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.ParsedDockerfileView;
import io.jenkins.plugins.optimizeddeploy.engine.files.InputFile;
import io.jenkins.plugins.optimizeddeploy.engine.files.InputKind;
import io.jenkins.plugins.optimizeddeploy.engine.text.TerminalText;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code optimized-deploy parse FILE}: a Dockerfile as BuildKit's parser reads it. */
@Command(
        name = "parse",
        mixinStandardHelpOptions = true,
        description = "Parse a Dockerfile as BuildKit does and print its instructions: keyword, flags, arguments,"
                + " ENV/LABEL/ARG pairs, heredocs, lines and stage. A file that is not a Dockerfile exits with 2.")
public final class ParseCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The Dockerfile.")
    Path file;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() {
        ParsedDockerfileView view = ParsedDockerfileView.of(DockerfileParser.parse(file.toString(), read()));
        json.print(spec.commandLine().getOut(), () -> view, () -> text(view));
        return ExitCode.OK;
    }

    private String read() {
        return InputFile.named("FILE '" + file + "'", file, InputKind.DOCKERFILE).readText();
    }

    private static String text(ParsedDockerfileView view) {
        StringBuilder text = new StringBuilder();
        for (InstructionView instruction : view.instructions()) {
            String lines = instruction.startLine() == instruction.endLine()
                    ? String.valueOf(instruction.startLine())
                    : instruction.startLine() + "-" + instruction.endLine();
            text.append(String.format("%-7s %-11s", lines, TerminalText.escape(instruction.keyword())));
            instruction.flags().forEach(flag -> text.append(' ').append(TerminalText.escape(flag)));
            instruction.args().forEach(arg -> text.append(' ').append(TerminalText.escape(arg)));
            text.append('\n');
        }
        return text.toString();
    }
}
