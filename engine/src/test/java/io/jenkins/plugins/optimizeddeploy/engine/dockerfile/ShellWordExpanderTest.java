package io.jenkins.plugins.optimizeddeploy.engine.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ShellWordExpanderTest {
    private static final Map<String, String> ENVIRONMENT =
            Map.of("NAME", "world", "EMPTY", "", "PATH", "/usr/bin", "FILE", "archive.tar.gz");
    private static final ShellWordExpander BACKSLASH = ShellWordExpander.forEscape('\\');

    static Stream<Arguments> words() {
        return Stream.of(
                Arguments.of("plain", "plain"),
                Arguments.of("$NAME", "world"),
                Arguments.of("${NAME}", "world"),
                Arguments.of("hello-$NAME!", "hello-world!"),
                Arguments.of("$UNSET", ""),
                Arguments.of("${UNSET:-fallback}", "fallback"),
                Arguments.of("${EMPTY:-fallback}", "fallback"),
                Arguments.of("${EMPTY-fallback}", ""),
                Arguments.of("${NAME:-fallback}", "world"),
                Arguments.of("${NAME:+alt}", "alt"),
                Arguments.of("${UNSET:+alt}", ""),
                Arguments.of("${EMPTY:+alt}", ""),
                Arguments.of("${EMPTY+alt}", "alt"),
                Arguments.of("${UNSET:-$NAME}", "world"),
                Arguments.of("${FILE%.gz}", "archive.tar"),
                Arguments.of("${FILE%%.*}", "archive"),
                Arguments.of("${FILE#*.}", "tar.gz"),
                Arguments.of("${FILE##*.}", "gz"),
                Arguments.of("${UNSET%x}${UNSET#x}", ""),
                Arguments.of("${PATH/usr/opt}", "/opt/bin"),
                Arguments.of("${FILE//a/A}", "Archive.tAr.gz"),
                Arguments.of("'$NAME'", "$NAME"),
                Arguments.of("\"$NAME\"", "world"),
                Arguments.of("\"a'b\"", "a'b"),
                Arguments.of("'a\"b'", "a\"b"),
                Arguments.of("\\$NAME", "$NAME"),
                Arguments.of("a\\ b", "a b"),
                Arguments.of("\"a\\\"b\"", "a\"b"),
                Arguments.of("\"a\\nb\"", "a\\nb"),
                Arguments.of("'a\\nb'", "a\\nb"),
                Arguments.of("$", "$"),
                Arguments.of("$1$@", ""),
                Arguments.of("trailing\\", "trailing"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("words")
    void shouldExpandAndUnquoteWordsAsBuildKitsLexerDoes(String word, String expected) {
        assertThat(BACKSLASH.expand(word, ENVIRONMENT)).isEqualTo(expected);
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("'open", "unexpected end of statement while looking for matching single-quote"),
                Arguments.of("\"open", "unexpected end of statement while looking for matching double-quote"),
                Arguments.of("${NAME", "syntax error: missing '}'"),
                Arguments.of("${NAME:-x", "syntax error: missing '}'"),
                Arguments.of("${}", "syntax error: bad substitution"),
                Arguments.of("${:-x}", "syntax error: bad substitution"),
                Arguments.of("${NAME!}", "unsupported modifier (!) in substitution"),
                Arguments.of("${NAME:%x}", "unsupported modifier (:%) in substitution"),
                Arguments.of("${UNSET?must be set}", "UNSET: must be set"),
                Arguments.of("${EMPTY:?}", "EMPTY: is not allowed to be empty"),
                Arguments.of("${PATH/a", "syntax error: missing '/' in ${}"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("malformed")
    void shouldRejectMalformedWordsNamingTheWordAndTheProblem(String word, String reason) {
        assertThatThrownBy(() -> BACKSLASH.expand(word, ENVIRONMENT))
                .isInstanceOf(ShellWordException.class)
                .hasMessage("failed to process \"" + word + "\": " + reason);
    }

    @Test
    void shouldSplitIntoWordsAfterExpansionKeepingQuotedSpaces() {
        assertThat(BACKSLASH.expandToWords("a \"b c\" $NAME d\\ e", Map.of("NAME", "x y")))
                .containsExactly("a", "b c", "x", "y", "d e");
    }

    @Test
    void shouldKeepUnsetVariablesAsWrittenWhenAsked() {
        ShellWordExpander keeping = BACKSLASH.keepingUnsetVariables();

        assertThat(keeping.expand("$A-${B}-${C:-d}-$NAME", ENVIRONMENT)).isEqualTo("$A-${B}-${C:-d}-world");
    }

    @Test
    void shouldKeepQuotesAndEscapesWhenAsked() {
        assertThat(BACKSLASH.withRawQuotes().withRawEscapes().expand("'a' \"b\" c\\ d", Map.of()))
                .isEqualTo("'a' \"b\" c\\ d");
    }

    @Test
    void shouldUseTheBacktickAsEscapeWhenTheDockerfileSaysSo() {
        ShellWordExpander backtick = ShellWordExpander.forEscape('`');

        assertThat(backtick.expand("c:\\dir` x`$NAME", ENVIRONMENT)).isEqualTo("c:\\dir x$NAME");
    }

    @Test
    void shouldRefuseAnEscapeOtherThanBackslashOrBacktick() {
        assertThatThrownBy(() -> ShellWordExpander.forEscape('/'))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid escape token '/': expected \\ or `");
    }

    @Test
    void shouldReturnLiteralWordsUnchangedButStillReadEscapesAndALeadingByteOrderMark() {
        ShellWordExpander backtick = ShellWordExpander.forEscape('`');

        assertThat(BACKSLASH.expand("C:/dir/app-1.0.tgz", Map.of())).isEqualTo("C:/dir/app-1.0.tgz");
        assertThat(BACKSLASH.expand("a\\b", Map.of())).isEqualTo("ab");
        assertThat(backtick.expand("C:\\dir", Map.of())).isEqualTo("C:\\dir");
        assertThat(backtick.expand("a`b", Map.of())).isEqualTo("ab");
        assertThat(BACKSLASH.expand("\uFEFFplain", Map.of())).isEqualTo("plain");
    }
}
