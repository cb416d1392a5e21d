package io.jenkins.plugins.optimizeddeploy.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchmarkSectionTest {
    private final BenchmarkSection build = new BenchmarkSection("bench/build");

    @Test
    void shouldReplaceOnlyItsOwnSectionKeepingTheOthers() {
        String document = """
                # Benchmarks

                <!-- bench/retag:start -->
                retag numbers
                <!-- bench/retag:end -->

                <!-- bench/build:start -->
                old build numbers
                <!-- bench/build:end -->

                <!-- bench/dockerfile:start -->
                parser numbers
                <!-- bench/dockerfile:end -->
                """;

        String written = build.replaceIn(document, "new build numbers\n");

        assertThat(written).isEqualTo(document.replace("old build numbers", "new build numbers"));
        assertThat(build.replaceIn(written, "new build numbers")).isEqualTo(written);
    }

    @Test
    void shouldAppendTheSectionWhenTheDocumentHasNoneYet() {
        assertThat(build.replaceIn("# Benchmarks\n\nretag numbers\n", "build numbers")).isEqualTo(
                "# Benchmarks\n\nretag numbers\n\n<!-- bench/build:start -->\nbuild numbers\n<!-- bench/build:end -->\n");
    }

    @Test
    void shouldCreateTheFileWithATitleAndRefuseAnUnclosedSection(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("docs/BENCHMARKS.md");

        build.writeInto(file, "Benchmarks", "build numbers");
        Files.writeString(directory.resolve("broken.md"), "<!-- bench/build:start -->\nno end\n");

        assertThat(file).hasContent("# Benchmarks\n\n<!-- bench/build:start -->\nbuild numbers\n<!-- bench/build:end -->\n");
        assertThatThrownBy(() -> build.writeInto(directory.resolve("broken.md"), "Benchmarks", "x"))
                .hasMessage(directory.resolve("broken.md") + ": The document has <!-- bench/build:start --> but no"
                        + " <!-- bench/build:end --> after it");
    }
}
