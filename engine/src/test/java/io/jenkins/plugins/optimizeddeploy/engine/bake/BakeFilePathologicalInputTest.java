package io.jenkins.plugins.optimizeddeploy.engine.bake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

/**
 * Bake files built to exhaust the reader: values that double through variables, and nesting 50,000 deep where Go's
 * growable stacks cope and Java's overflow. Each ends quickly in a {@link BakeFileException} naming the limit.
 */
class BakeFilePathologicalInputTest {
    private static final Duration QUICKLY = Duration.ofSeconds(10);
    private static final int DEEP = 50_000;

    @Test
    void shouldRefuseStringVariablesThatDoubleBeyondTheLimitOfAValue() {
        String hcl = doubling(39, i -> "\"${A" + i + "}${A" + i + "}\"") + "target \"t\" {\n  context = A39\n}\n";

        assertRefused(hcl).hasMessage("f.hcl: variable A17 is larger than " + BakeEvaluation.MAX_VALUE_SIZE
                + " characters and items, the limit for one value");
    }

    @Test
    void shouldRefuseListVariablesThatDoubleBeyondTheLimitOfAValue() {
        String hcl = doubling(39, i -> "[A" + i + ", A" + i + "]") + "target \"t\" {\n  tags = A39\n}\n";

        assertRefused(hcl).hasMessageContaining("is larger than " + BakeEvaluation.MAX_VALUE_SIZE);
    }

    @Test
    void shouldRefuseManyLargeValuesThatTogetherExceedTheLimitOfAFile() {
        String targets = IntStream.range(0, 40).mapToObj(i -> "target \"t" + i + "\" {\n  context = A16\n}\n")
                .collect(Collectors.joining());

        assertRefused(doubling(16, i -> "\"${A" + i + "}${A" + i + "}\"") + targets)
                .hasMessageEndingWith(" takes the file's values past " + BakeEvaluation.MAX_FILE_SIZE
                        + " characters and items, the limit for one bake file");
    }

    @Test
    void shouldRefuseListsNestedTooDeepNamingTheLine() {
        assertRefused("x = " + "[".repeat(DEEP) + "]".repeat(DEEP) + "\n")
                .hasMessage("f.hcl:1: nested more than " + HclParser.MAX_NESTING
                        + " deep (blocks, lists, objects and ${...} together), the limit");
    }

    @Test
    void shouldRefuseInterpolationsAndObjectsNestedTooDeep() {
        assertRefused("x = " + "\"${".repeat(DEEP) + "1" + "}\"".repeat(DEEP) + "\n")
                .hasMessageContaining("nested more than " + HclParser.MAX_NESTING + " deep");
        assertRefused("x = " + "{a = ".repeat(DEEP) + "1" + "}".repeat(DEEP) + "\n")
                .hasMessageContaining("nested more than " + HclParser.MAX_NESTING + " deep");
    }

    @Test
    void shouldRefuseBlocksNestedTooDeep() {
        assertRefused("target \"t\" {\n" + "a {\n".repeat(DEEP) + "}\n".repeat(DEEP + 1))
                .hasMessageContaining("nested more than " + HclParser.MAX_NESTING + " deep");
    }

    @Test
    void shouldRefuseJsonNestedDeeperThanHclMay() {
        int deep = 500;
        String json = "{\"variable\": {\"V\": {\"default\": " + "[".repeat(deep) + "]".repeat(deep) + "}},"
                + " \"target\": {\"web\": {}}}";

        assertThatThrownBy(() -> BakeFileReader.readJson("f.json", json, Map.of()))
                .isInstanceOf(BakeFileException.class)
                .hasMessage("f.json: nested more than " + HclParser.MAX_NESTING
                        + " deep (objects and lists together), the limit");
    }

    @Test
    void shouldRefuseAChainOfVariablesTooLong() {
        String hcl = IntStream.range(1, DEEP).mapToObj(i -> "A" + i + " = A" + (i - 1) + "\n")
                .collect(Collectors.joining("", "A0 = \"x\"\n", "target \"t\" {\n  context = A" + (DEEP - 1) + "\n}\n"));

        assertRefused(hcl).hasMessageContaining("through more than " + HclParser.MAX_NESTING + " variables");
    }

    @Test
    void shouldRefuseAChainOfInheritingTargetsTooLong() {
        String hcl = IntStream.range(1, DEEP).mapToObj(i -> "target \"t" + i + "\" {\n  inherits = [\"t" + (i - 1)
                + "\"]\n}\n").collect(Collectors.joining("", "target \"t0\" {\n  context = \".\"\n}\n", ""));

        long started = System.nanoTime();
        assertThatThrownBy(() -> BakeFileReader.readHcl("f.hcl", hcl, Map.of()).select(List.of("t" + (DEEP - 1))))
                .isInstanceOf(BakeFileException.class)
                .hasMessageContaining("inherits through more than " + HclParser.MAX_NESTING + " targets");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(QUICKLY);
    }

    @Test
    void shouldRefuseAChainOfGroupsTooLong() {
        String hcl = IntStream.range(1, DEEP).mapToObj(i -> "group \"g" + i + "\" {\n  targets = [\"g" + (i - 1)
                + "\"]\n}\n").collect(Collectors.joining("", "group \"g0\" {\n  targets = [\"t\"]\n}\n"
                        + "target \"t\" {\n}\n", ""));

        assertThatThrownBy(() -> BakeFileReader.readHcl("f.hcl", hcl, Map.of()).select(List.of("g" + (DEEP - 1))))
                .isInstanceOf(BakeFileException.class)
                .hasMessageContaining("through more than " + HclParser.MAX_NESTING + " groups");
    }

    /** {@code A0} is 16 characters; each next {@code Ai} up to {@code last} is what {@code next} makes of the one before. */
    private static String doubling(int last, IntFunction<String> next) {
        StringBuilder hcl = new StringBuilder("A0 = \"" + "x".repeat(16) + "\"\n");
        for (int i = 1; i <= last; i++) {
            hcl.append("A").append(i).append(" = ").append(next.apply(i - 1)).append('\n');
        }
        return hcl.toString();
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertRefused(String hcl) {
        long started = System.nanoTime();
        AbstractThrowableAssert<?, ? extends Throwable> refused =
                assertThatThrownBy(() -> BakeFileReader.readHcl("f.hcl", hcl, Map.of()))
                        .isInstanceOf(BakeFileException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(QUICKLY);
        return refused;
    }
}
