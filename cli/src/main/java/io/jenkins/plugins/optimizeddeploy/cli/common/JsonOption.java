package io.jenkins.plugins.optimizeddeploy.cli.common;

import java.io.PrintWriter;
import java.util.function.Supplier;
import picocli.CommandLine.Option;

/** {@code --json}: a command prints its result as JSON ({@link JsonOutput}) instead of text. */
public final class JsonOption {
    @Option(names = "--json", description = "Print the result as JSON instead of text.")
    boolean json;

    public boolean requested() {
        return json;
    }

    /** Prints the result's JSON fields when --json was given, else its text, and flushes {@code out}. */
    public void print(PrintWriter out, Supplier<Object> fields, Supplier<String> text) {
        out.print(json ? JsonOutput.write(fields.get()) : text.get());
        out.flush();
    }
}
