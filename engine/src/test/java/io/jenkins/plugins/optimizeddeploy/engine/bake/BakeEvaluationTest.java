package io.jenkins.plugins.optimizeddeploy.engine.bake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BakeEvaluationTest {
    @Test
    void shouldLetABugInAnExpressionKeepItsStackTraceInsteadOfMakingItABakeFileError() {
        BakeEvaluation evaluation = new BakeEvaluation("f.hcl", Map.of(), Map.of(), Map.of(), Map.of());
        IllegalArgumentException bug = new IllegalArgumentException("a bug in a target lookup");
        evaluation.referTargetsThrough((target, attribute, where) -> {
            throw bug;
        });

        assertThatThrownBy(() -> evaluation.evaluate(HclParser.parseExpression("f.hcl", "target.web.tags"), "tags"))
                .isSameAs(bug);
    }

    @Test
    void shouldSignalAUserErrorInAFunctionWithItsOwnTypeNotAnIllegalArgumentException() {
        assertThatThrownBy(() -> HclFunctions.call("element", List.of(List.of(), 0L)))
                .isExactlyInstanceOf(HclEvaluationException.class).hasMessage("element() of an empty list");
        assertThatThrownBy(() -> HclValues.number("ten"))
                .isExactlyInstanceOf(HclEvaluationException.class);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            format("%#s", "a")                | format: the verb "%#s" does not take these flags or this width: Conversion = s, Flags = #
            format("%-s", "a")                | format: the verb "%-s" does not take these flags or this width: %-s
            format("%.2d", 1)                 | format: the verb "%.2d" does not take these flags or this width: 2
            format("%2000000000s", "a")       | format: the verb "%2000000000s" asks for a width or precision over 1048576
            format("%.2000000000f", 1)        | format: the verb "%.2000000000f" asks for a width or precision over 1048576
            indent(-1, "a\\nb")               | spaces must be 0 to 1048576, got -1
            pow(-1, 0.5)                      | pow(-1, 0.5) is no number
            pow(10, 400)                      | pow(10, 400) is no number
            parseint("10", 99)                | the base must be 2 to 36, got 99
            basename("a\\u0000b")             | the path "a\\u0000b" is no path: Nul character not allowed
            [1, 2].99999999999999999999       | an index is out of the range of 64-bit integers, got 99999999999999999999
            """)
    void shouldRefuseWhatTheJdkRefusesInOneLineNamingThePlace(String expression, String message) {
        assertThatThrownBy(() -> BakeFileReader.readHcl("f.hcl", "target \"a\" {\n  args = { A = " + expression
                + " }\n}", Map.of()))
                .isInstanceOf(BakeFileException.class).hasCauseInstanceOf(HclEvaluationException.class)
                .hasMessage("f.hcl: target a.args.A (line 2): " + message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            values({ a = null, b = 1 })        | [null,1]
            slice([null, 1], 0, 1)             | [null]
            chunklist([null, 1], 1)            | [[null],[1]]
            substr("abc", 1, 9223372036854775807) | "bc"
            """)
    void shouldEvaluateNullItemsAndASubstringToTheEndWithoutABug(String expression, String json) {
        assertThat(BakeFileReader.readHcl("f.hcl", "target \"a\" {\n  args = { A = jsonencode(" + expression
                + ") }\n}", Map.of()).targets().get("a").args()).containsEntry("A", json);
    }

    /** What buildx 0.29.1 printed for these (corpus/functions.hcl has them too, for BakePrintAgreementIT). */
    @ParameterizedTest
    @CsvSource(delimiterString = "=>", quoteCharacter = '`', textBlock = """
            regex_replace("abc", "(b)", "[$1|$1x|$x|$5|$01|$$1|$ 1|\\\\1]") => a[b|||||$1|$ 1|\\1]c
            regex_replace("abc", "(?P<n>b)|(z)", "[$n|$2]")                  => a[b|]c
            regex_replace("abc", "b*", "-")                                         => -a-c-
            regex_replace("a1b22c", "[0-9]+", "#")                                  => a#b#c
            """)
    void shouldReplaceAsGoDoesGroupsThatDoNotExistAndEmptyMatchesAfterAMatch(String expression, String replaced) {
        assertThat(BakeFileReader.readHcl("f.hcl", "target \"a\" {\n  args = { A = " + expression + " }\n}",
                Map.of()).targets().get("a").args()).containsEntry("A", replaced);
    }

    @Test
    void shouldExpandABracedGroupAsGoDoes() {
        // HCL's own ${ would interpolate, so the function is called as buildx's evaluator calls it
        assertThat(HclFunctions.call("regex_replace", List.of("abc", "(?P<n>b)", "[${1}x|${n}|${n|${}|$]")))
                .isEqualTo("a[bx|b|${n|${}|$]c");
    }

    @Test
    void shouldStillReadTheNamedGroupsOfAPatternBesideAnEscapedParenthesis() {
        assertThat(BakeFileReader.readHcl("f.hcl", "target \"a\" {\n  args = { A = jsonencode(regex(\"\\\\(?<b>(?P<c>x)\","
                + " \"<b>x\")) }\n}", Map.of()).targets().get("a").args()).containsEntry("A", "{\"c\":\"x\"}");
    }
}
