package io.jenkins.plugins.optimizeddeploy.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One benchmark's section of a Markdown file that several benchmarks share (docs/BENCHMARKS.md): the text between
 * {@code <!-- NAME:start -->} and {@code <!-- NAME:end -->}. Writing it keeps everything outside the markers.
 */
public final class BenchmarkSection {
    private final String start;
    private final String end;

    public BenchmarkSection(String name) {
        this.start = "<!-- " + name + ":start -->";
        this.end = "<!-- " + name + ":end -->";
    }

    /**
     * {@code document} with this section's body replaced by {@code body}; appended (after a blank line) when the
     * document has no such section yet.
     */
    String replaceIn(String document, String body) {
        String section = start + "\n" + body.strip() + "\n" + end;
        int from = document.indexOf(start);
        if (from < 0) {
            return document.stripTrailing() + "\n\n" + section + "\n";
        }
        int to = document.indexOf(end, from);
        if (to < 0) {
            throw new IllegalArgumentException("The document has " + start + " but no " + end + " after it");
        }
        return document.substring(0, from) + section + document.substring(to + end.length());
    }

    /** Writes the section into {@code file}, created with the one-line {@code title} when it does not exist. */
    public void writeInto(Path file, String title, String body) {
        try {
            String document = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "# " + title + "\n";
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, replaceIn(document, body), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the " + start + " section of " + file, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }
}
