package io.jenkins.plugins.optimizeddeploy.symbolindexer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SymbolIndexProcessorTest {

    @TempDir
    Path workDirectory;

    private static String symbolClass(String className, String symbol) {
        int dot = className.lastIndexOf('.');
        return "package " + className.substring(0, dot) + ";\n"
                + "@org.jenkinsci.Symbol(\"" + symbol + "\")\n"
                + "public class " + className.substring(dot + 1) + " {}\n";
    }

    private static String plainClass(String className) {
        int dot = className.lastIndexOf('.');
        return "package " + className.substring(0, dot) + ";\n"
                + "public class " + className.substring(dot + 1) + " {}\n";
    }

    @Test
    void shouldIndexEveryAnnotatedClassByBinaryNameSortedOnePerLine() throws IOException {
        SampleCompilation compilation = new SampleCompilation(workDirectory)
                .source("zeta.Last", symbolClass("zeta.Last", "last"))
                .source("alpha.Plain", plainClass("alpha.Plain"))
                .source("alpha.Outer", "package alpha;\n"
                        + "public class Outer {\n"
                        + "  @org.jenkinsci.Symbol(\"inner\") public static class Inner {}\n"
                        + "  public static class NotAnnotated {}\n"
                        + "}\n")
                .source("alpha.First", symbolClass("alpha.First", "first"));

        compilation.compile();

        assertThat(compilation.indexText()).isEqualTo("alpha.First\nalpha.Outer$Inner\nzeta.Last\n");
    }

    @Test
    void shouldWriteNoIndexWhenNoClassCarriesSymbol() throws IOException {
        SampleCompilation compilation = new SampleCompilation(workDirectory)
                .source("sample.Plain", plainClass("sample.Plain"));

        compilation.compile();

        assertThat(compilation.hasIndex()).isFalse();
    }

    @Test
    void shouldIndexClassesGeneratedInLaterRoundsInTheSameFile() throws IOException {
        SampleCompilation compilation = new SampleCompilation(workDirectory)
                .source("sample.Written", symbolClass("sample.Written", "written"))
                .withProcessor(() -> new GeneratingProcessor("generated.Made", symbolClass("generated.Made", "made")));

        compilation.compile();

        assertThat(compilation.indexLines()).containsExactly("generated.Made", "sample.Written");
    }

    @Test
    void shouldKeepEntriesOfClassesThatWereNotRecompiled() throws IOException {
        SampleCompilation compilation = new SampleCompilation(workDirectory)
                .source("sample.Alpha", symbolClass("sample.Alpha", "alpha"))
                .source("sample.Beta", symbolClass("sample.Beta", "beta"));
        compilation.compile();

        compilation.source("sample.Gamma", symbolClass("sample.Gamma", "gamma")).compile();

        assertThat(compilation.indexLines()).containsExactly("sample.Alpha", "sample.Beta", "sample.Gamma");
    }

    @Test
    void shouldDropTheEntryOfARecompiledClassThatLostItsSymbol() throws IOException {
        SampleCompilation compilation = new SampleCompilation(workDirectory)
                .source("sample.Alpha", symbolClass("sample.Alpha", "alpha"))
                .source("sample.Beta", symbolClass("sample.Beta", "beta"));
        compilation.compile();

        compilation.source("sample.Beta", plainClass("sample.Beta")).compile();

        assertThat(compilation.indexLines()).containsExactly("sample.Alpha");
    }

    @Test
    void shouldEmptyTheIndexWhenTheLastSymbolIsRemoved() throws IOException {
        SampleCompilation compilation = new SampleCompilation(workDirectory)
                .source("sample.Alpha", symbolClass("sample.Alpha", "alpha"));
        compilation.compile();

        compilation.source("sample.Alpha", plainClass("sample.Alpha")).compile();

        assertThat(compilation.indexLines()).isEmpty();
    }

    @Test
    void shouldDropEntriesOfClassesThatNoLongerExist() throws IOException {
        SampleCompilation compilation = new SampleCompilation(workDirectory);
        Files.createDirectories(compilation.indexFile().getParent());
        Files.writeString(compilation.indexFile(), "gone.Deleted\n", StandardCharsets.UTF_8);

        compilation.source("sample.Alpha", symbolClass("sample.Alpha", "alpha")).compile();

        assertThat(compilation.indexLines()).containsExactly("sample.Alpha");
    }

    /** Generates one more source file in the first round, as code generators do. */
    @SupportedAnnotationTypes("*")
    private static final class GeneratingProcessor extends AbstractProcessor {
        private final String className;
        private final String code;
        private boolean generated;

        GeneratingProcessor(String className, String code) {
            this.className = className;
            this.code = code;
        }

        @Override
        public SourceVersion getSupportedSourceVersion() {
            return SourceVersion.latestSupported();
        }

        @Override
        public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
            if (!generated) {
                generated = true;
                try (Writer out = processingEnv.getFiler().createSourceFile(className).openWriter()) {
                    out.write(code);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot generate " + className, e);
                }
            }
            return false;
        }
    }
}
