package io.jenkins.plugins.optimizeddeploy.symbolindexer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.annotation.processing.Processor;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.jenkinsci.Symbol;

/** Compiles sample sources with javac against the jenkins-api shim, running the given processors. */
final class SampleCompilation {

    private final Path workDirectory;
    private final Path classOutput;
    private final Map<String, String> sources = new LinkedHashMap<>();
    private final List<Supplier<Processor>> processors = new ArrayList<>(List.of(SymbolIndexProcessor::new));

    SampleCompilation(Path workDirectory) {
        this.workDirectory = workDirectory;
        this.classOutput = workDirectory.resolve("classes");
    }

    SampleCompilation source(String className, String code) {
        sources.put(className, code);
        return this;
    }

    /** A further processor; a fresh instance runs in each compilation, as in separate javac runs. */
    SampleCompilation withProcessor(Supplier<Processor> processor) {
        processors.add(processor);
        return this;
    }

    Path classOutput() {
        return classOutput;
    }

    /** Compiles the sources added since the previous call into the same class output, like an incremental build. */
    void compile() throws IOException {
        Path sourceRoot = Files.createTempDirectory(workDirectory, "sources");
        List<File> files = new ArrayList<>();
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path file = sourceRoot.resolve(source.getKey().replace('.', '/') + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue(), StandardCharsets.UTF_8);
            files.add(file.toFile());
        }
        sources.clear();
        Files.createDirectories(classOutput);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager fileManager = javac.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
            List<String> options = List.of(
                    "--release", "17",
                    "-d", classOutput.toString(),
                    "-classpath", jenkinsApiJar() + File.pathSeparator + classOutput);
            JavaCompiler.CompilationTask task = javac.getTask(
                    null, fileManager, diagnostics, options, null, fileManager.getJavaFileObjectsFromFiles(files));
            task.setProcessors(processors.stream().map(Supplier::get).toList());
            boolean success = task.call();
            assertThat(diagnostics.getDiagnostics())
                    .as("javac diagnostics")
                    .filteredOn(diagnostic -> diagnostic.getKind() != Diagnostic.Kind.NOTE)
                    .isEmpty();
            assertThat(success).as("javac succeeded").isTrue();
        }
    }

    boolean hasIndex() {
        return Files.exists(indexFile());
    }

    List<String> indexLines() throws IOException {
        return Files.readAllLines(indexFile(), StandardCharsets.UTF_8);
    }

    String indexText() throws IOException {
        return Files.readString(indexFile(), StandardCharsets.UTF_8);
    }

    Path indexFile() {
        return classOutput.resolve(SymbolIndexProcessor.INDEX);
    }

    private static String jenkinsApiJar() {
        try {
            return Path.of(Symbol.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the jenkins-api classes holding " + Symbol.class, e);
        }
    }
}
