package io.jenkins.plugins.optimizeddeploy.engine.findings;

import io.jenkins.plugins.optimizeddeploy.engine.errors.BadInputException;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The ways a lint report can be written: for people, and for machines (JSON, SARIF 2.1.0, checkstyle XML). */
public enum LintOutputFormat {
    /** {@code file:line:column severity rule message}, then the instruction's first line. */
    TTY(TtyReport::render),
    /** {@code findings[]} with rule, severity, message, file, line, column. */
    JSON(JsonReport::render),
    /** SARIF 2.1.0, for code scanning and Warnings NG. */
    SARIF(SarifReport::render),
    /** checkstyle XML, which most CI servers read. */
    CHECKSTYLE(CheckstyleReport::render);

    private final Function<LintReport, String> renderer;

    LintOutputFormat(Function<LintReport, String> renderer) {
        this.renderer = renderer;
    }

    /** The report as text in this format. */
    public String render(LintReport report) {
        return renderer.apply(report);
    }

    /** The lower-case name used on command lines. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The format named {@code tty}, {@code json}, {@code sarif} or {@code checkstyle} (any case).
     *
     * @throws BadInputException naming the value and the accepted ones
     */
    public static LintOutputFormat parse(String name) {
        for (LintOutputFormat format : values()) {
            if (format.label().equalsIgnoreCase(name.trim())) {
                return format;
            }
        }
        throw new BadInputException("Unknown output format '" + name + "': expected one of "
                + Arrays.stream(values()).map(LintOutputFormat::label).collect(Collectors.joining(", ")));
    }
}
