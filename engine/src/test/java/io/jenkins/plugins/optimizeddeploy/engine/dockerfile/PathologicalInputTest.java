package io.jenkins.plugins.optimizeddeploy.engine.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Inputs built to break a hand-written parser: deep nesting (Go's stacks grow, Java's do not) and patterns that
 * make a backtracking regex engine take exponential time (Go's does not backtrack). Each must end quickly with a
 * result or a {@link DockerfileParseException}.
 */
class PathologicalInputTest {
    private static final Duration QUICKLY = Duration.ofSeconds(10);

    @Test
    void shouldRefuseDeeplyNestedSubstitutionsInsteadOfOverflowingTheStack() {
        String nested = "${A:-".repeat(100_000) + "x" + "}".repeat(100_000);
        String dockerfile = "FROM " + String.join("\\\n", nested.split("(?<=\\G.{60000})")) + "\n";

        assertThatThrownBy(() -> DockerfileParser.parse(dockerfile))
                .isInstanceOf(DockerfileParseException.class)
                .hasMessageContaining("substitutions nested more than " + ShellWordExpander.MAX_NESTING + " deep");
    }

    @Test
    void shouldRefuseArgsThatDoubleUntilAWordIsTooLongNamingTheLine() {
        String dockerfile = doublingDockerfile("ARG", 39);

        long started = System.nanoTime();
        assertThatThrownBy(() -> DockerfileParser.parse(dockerfile))
                .isInstanceOf(DockerfileParseException.class)
                .hasMessage("Dockerfile:18: ARG expands to more than " + ShellWordExpander.MAX_EXPANDED_LENGTH
                        + " characters, the limit for one word");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(QUICKLY);
    }

    @Test
    void shouldRefuseEnvValuesThatDoubleUntilAWordIsTooLongNamingTheLine() {
        String dockerfile = doublingDockerfile("ENV", 39);

        assertThatThrownBy(() -> DockerfileParser.parse("FROM a\n" + dockerfile))
                .isInstanceOf(DockerfileParseException.class)
                .hasMessage("Dockerfile:19: ENV expands to more than " + ShellWordExpander.MAX_EXPANDED_LENGTH
                        + " characters, the limit for one word");
    }

    @Test
    void shouldRefuseManyLongExpansionsThatTogetherExceedTheLimitOfAFile() {
        String dockerfile = doublingDockerfile("ARG", 16) + "ARG B=${A16}\n".repeat(40) + "FROM a\n";

        assertThatThrownBy(() -> DockerfileParser.parse(dockerfile))
                .isInstanceOf(DockerfileParseException.class)
                .hasMessageStartingWith("Dockerfile:")
                .hasMessageEndingWith(": ARG: substitutions have added more than "
                        + DockerfileParser.MAX_ADDED_BY_SUBSTITUTIONS + " characters, the limit for one Dockerfile");
    }

    @Test
    void shouldKeepWordsUpToTheLimitOfTheirExpandedLength() {
        Dockerfile parsed = DockerfileParser.parse(doublingDockerfile("ARG", 16) + "FROM ${A16}\n");

        assertThat(parsed.stages().get(0).resolvedBaseImage()).hasSize(ShellWordExpander.MAX_EXPANDED_LENGTH);
    }

    @Test
    void shouldRefuseAReplacementThatMultipliesAWordBeyondTheLimit() {
        String dockerfile = "ARG A=" + "x".repeat(60_000) + "\nFROM ${A//x/" + "y".repeat(100) + "}\n";

        assertThatThrownBy(() -> DockerfileParser.parse(dockerfile))
                .isInstanceOf(DockerfileParseException.class)
                .hasMessageContaining("expands to more than " + ShellWordExpander.MAX_EXPANDED_LENGTH);
    }

    @Test
    void shouldRefuseANulCharacterNamingItsLine() {
        assertThatThrownBy(() -> DockerfileParser.parse("FROM a\nRUN true\nRUN echo \u0000\n"))
                .isInstanceOf(DockerfileParseException.class)
                .hasMessage("Dockerfile:3: a NUL character (byte 0): a Dockerfile is text");
    }

    /** {@code NAME0} is 16 characters, and each next {@code NAMEi} twice the one before. */
    private static String doublingDockerfile(String keyword, int doublings) {
        StringBuilder dockerfile = new StringBuilder(keyword + " A0=" + "x".repeat(16) + "\n");
        for (int i = 1; i <= doublings; i++) {
            dockerfile.append(keyword).append(" A").append(i).append("=${A").append(i - 1).append("}${A")
                    .append(i - 1).append("}\n");
        }
        return dockerfile.toString();
    }

    @Test
    void shouldKeepParsingEnvValuesThatNestTooDeepByKeepingThemAsWritten() {
        String nested = "${A:-".repeat(1_000) + "}".repeat(1_000);

        Instruction env = DockerfileParser.parse("FROM a\nENV X=" + nested + "\n").instructions().get(1);

        assertThat(env.arguments().pairs()).singleElement()
                .satisfies(pair -> assertThat(pair.value()).isEqualTo(nested));
    }

    @Test
    void shouldNotRecurseThroughAMillionOnbuilds() {
        String chain = "ONBUILD ".repeat(1_000_000) + "RUN x";
        String dockerfile = "FROM a\n" + String.join("\\\n", chain.split("(?<=\\G.{60000})")) + "\n";

        assertThatThrownBy(() -> DockerfileParser.parse(dockerfile))
                .isInstanceOf(DockerfileParseException.class)
                .hasMessage("Dockerfile:2: Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed");
    }

    @Test
    void shouldRefuseAPatternThatWouldMatchForeverRatherThanHang() {
        String dockerfile = "ARG A=" + "a".repeat(5_000) + "\nFROM ${A##" + "*a".repeat(30) + "b}\n";

        long started = System.nanoTime();
        assertThatThrownBy(() -> DockerfileParser.parse(dockerfile))
                .isInstanceOf(DockerfileParseException.class)
                .hasMessageContaining("pattern too costly to match");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(QUICKLY);
    }

    @Test
    void shouldReadADirectiveLineFullOfBlanksInLinearTime() {
        String dockerfile = "# syntax=a" + " ".repeat(60_000) + "b\nFROM x\n";

        long started = System.nanoTime();
        Dockerfile parsed = DockerfileParser.parse(dockerfile);

        assertThat(parsed.directive("syntax")).contains("a" + " ".repeat(60_000) + "b");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(QUICKLY);
    }

    @Test
    void shouldCheckALongDurationWithoutUnitInLinearTime() {
        String dockerfile = "FROM a\nHEALTHCHECK --interval=" + "1".repeat(60_000) + " CMD true\n";

        long started = System.nanoTime();
        assertThatThrownBy(() -> DockerfileParser.parse(dockerfile))
                .isInstanceOf(DockerfileParseException.class)
                .hasMessageContaining("invalid duration");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(QUICKLY);
    }
}
