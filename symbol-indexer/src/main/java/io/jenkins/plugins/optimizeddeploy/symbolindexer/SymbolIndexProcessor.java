package io.jenkins.plugins.optimizeddeploy.symbolindexer;

import java.io.BufferedReader;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.tools.Diagnostic;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Writes the annotation-indexer index of {@code @org.jenkinsci.Symbol}:
 * {@value #INDEX}, the binary names of the annotated classes, one per line, sorted. structs'
 * {@code SymbolLookup} finds symbols only through this file ({@code Index.list(Symbol.class, ...)}).
 *
 * <p>Uses are collected over all rounds and the file is written once, when processing is over: a
 * resource may be created only once per compilation, and classes generated in later rounds must be
 * included. On an incremental compilation the previous index in the class output is merged: its
 * entries stay for classes that were not recompiled and still carry {@code @Symbol}.
 */
// "*": the processor must also run when no @Symbol is left, to drop stale entries of the previous index.
@SupportedAnnotationTypes("*")
public final class SymbolIndexProcessor extends AbstractProcessor {

    static final String SYMBOL = "org.jenkinsci.Symbol";
    static final String INDEX = "META-INF/services/annotations/" + SYMBOL;

    private final Set<String> annotatedClasses = new TreeSet<>();
    private final Set<String> compiledClasses = new HashSet<>();
    private final List<Element> originatingElements = new ArrayList<>();

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        if (round.processingOver()) {
            if (!round.errorRaised()) {
                writeIndex();
            }
            return false;
        }
        recordCompiledClasses(ElementFilter.typesIn(round.getRootElements()));
        symbolType().ifPresent(symbol -> {
            for (TypeElement annotated : ElementFilter.typesIn(round.getElementsAnnotatedWith(symbol))) {
                annotatedClasses.add(binaryName(annotated));
                originatingElements.add(annotated);
            }
        });
        return false;
    }

    private void recordCompiledClasses(Collection<TypeElement> types) {
        for (TypeElement type : types) {
            compiledClasses.add(binaryName(type));
            recordCompiledClasses(ElementFilter.typesIn(type.getEnclosedElements()));
        }
    }

    private void writeIndex() {
        Optional<List<String>> previousIndex = readPreviousIndex();
        Set<String> entries = new TreeSet<>(annotatedClasses);
        previousIndex.orElse(List.of()).stream()
                .filter(entry -> !compiledClasses.contains(entry))
                .filter(this::stillCarriesSymbol)
                .forEach(entries::add);
        if (entries.isEmpty() && previousIndex.isEmpty()) {
            return;
        }
        try {
            FileObject index = processingEnv.getFiler().createResource(
                    StandardLocation.CLASS_OUTPUT, "", INDEX, originatingElements.toArray(new Element[0]));
            try (Writer out = new OutputStreamWriter(index.openOutputStream(), StandardCharsets.UTF_8)) {
                for (String entry : entries) {
                    out.write(entry);
                    out.write('\n');
                }
            }
        } catch (IOException e) {
            error("cannot write " + INDEX + ": " + e);
        }
    }

    private Optional<List<String>> readPreviousIndex() {
        try {
            FileObject index = processingEnv.getFiler().getResource(StandardLocation.CLASS_OUTPUT, "", INDEX);
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(index.openInputStream(), StandardCharsets.UTF_8))) {
                return Optional.of(in.lines().map(String::trim).filter(line -> !line.isEmpty()).toList());
            }
        } catch (FileNotFoundException | NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            error("cannot read the previous " + INDEX + ": " + e);
            return Optional.empty();
        }
    }

    private boolean stillCarriesSymbol(String binaryName) {
        TypeElement type = processingEnv.getElementUtils().getTypeElement(binaryName.replace('$', '.'));
        return type != null && type.getAnnotationMirrors().stream()
                .map(mirror -> (TypeElement) mirror.getAnnotationType().asElement())
                .anyMatch(annotation -> annotation.getQualifiedName().contentEquals(SYMBOL));
    }

    private Optional<TypeElement> symbolType() {
        return Optional.ofNullable(processingEnv.getElementUtils().getTypeElement(SYMBOL));
    }

    private String binaryName(TypeElement type) {
        return processingEnv.getElementUtils().getBinaryName(type).toString();
    }

    private void error(String message) {
        processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, "symbol-indexer: " + message);
    }
}
