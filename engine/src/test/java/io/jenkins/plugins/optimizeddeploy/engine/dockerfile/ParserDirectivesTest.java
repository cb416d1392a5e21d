package io.jenkins.plugins.optimizeddeploy.engine.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ParserDirectivesTest {

    static Stream<Arguments> directives() {
        return Stream.of(
                Arguments.of("# syntax=docker/dockerfile:1\nFROM a", "syntax=docker/dockerfile:1@1"),
                Arguments.of("# syntax = docker/dockerfile:1.7  \nFROM a", "syntax=docker/dockerfile:1.7@1"),
                Arguments.of("#SYNTAX=x\n# Escape=`\n# check=skip=all;error=true\nFROM a",
                        "syntax=x@1, escape=`@2, check=skip=all;error=true@3"),
                Arguments.of("   # syntax=x\nFROM a", "syntax=x@1"),
                Arguments.of("\uFEFF# syntax=x\nFROM a", "syntax=x@1"),
                // directives end at the first line that is not one: an instruction, a comment, a blank line
                Arguments.of("FROM a\n# syntax=x", ""),
                Arguments.of("# a comment\n# syntax=x\nFROM a", ""),
                Arguments.of("\n# syntax=x\nFROM a", ""),
                Arguments.of("# unknown=1\n# syntax=x\nFROM a", ""),
                Arguments.of("# syntax=x\n\n# escape=`\nFROM a", "syntax=x@1"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("directives")
    void shouldReadParserDirectivesOnlyAtTheTop(String input, String expected) {
        Dockerfile dockerfile = DockerfileParser.parse(input);
        assertThat(dockerfile.directives().stream()
                .map(directive -> directive.name() + "=" + directive.value() + "@" + directive.line())
                .collect(Collectors.joining(", "))).isEqualTo(expected);
    }

    @Test
    void shouldUseTheBacktickAsEscapeAndContinuationInWindowsStyleDockerfiles() {
        Dockerfile dockerfile = DockerfileParser.parse("""
                # escape=`
                FROM mcr.microsoft.com/windows/servercore:ltsc2022
                COPY testfile.txt c:\\
                RUN dir c:\\ `
                    && echo done
                ENV A=tick`` B="x`"y"
                """);

        assertThat(dockerfile.escapeCharacter()).isEqualTo('`');
        assertThat(dockerfile.instructions()).map(InstructionDescription::of).containsExactly(
                "from <mcr.microsoft.com/windows/servercore:ltsc2022>",
                "copy <testfile.txt> <c:\\>",
                "run <dir c:\\     && echo done>",
                "env <A=tick``> <B=\"x`\"y\">");
        assertThat(InstructionDescription.pairsOf(dockerfile.instructions().get(3))).isEqualTo("A=tick`; B=x\"y");
    }

    @Test
    void shouldTreatABackslashAtTheEndAsPlainTextWhenTheEscapeIsABacktick() {
        Dockerfile dockerfile = DockerfileParser.parse("# escape=`\nFROM a\nRUN echo c:\\\nRUN next\n");

        assertThat(dockerfile.instructions()).map(InstructionDescription::of)
                .containsExactly("from <a>", "run <echo c:\\>", "run <next>");
    }

    @Test
    void shouldAttachThePrecedingCommentsWithoutTheDirectives() {
        Dockerfile dockerfile = DockerfileParser.parse("""
                # syntax=docker/dockerfile:1
                # the base
                FROM a
                # hadolint ignore=DL3008,DL3015
                RUN apt-get install curl
                #
                # reset by an empty comment
                RUN b

                RUN c
                """);

        assertThat(dockerfile.instructions()).map(instruction -> instruction.written().comments()).containsExactly(
                java.util.List.of("the base"), java.util.List.of("hadolint ignore=DL3008,DL3015"),
                java.util.List.of("reset by an empty comment"), java.util.List.of());
    }
}
