package io.jenkins.plugins.optimizeddeploy.engine.lint;

import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Dockerfile;
import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.DockerfileParseException;
import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.DockerfileParser;
import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Instruction;
import io.jenkins.plugins.optimizeddeploy.engine.findings.Finding;
import io.jenkins.plugins.optimizeddeploy.engine.findings.LintReport;
import io.jenkins.plugins.optimizeddeploy.engine.findings.RuleDescription;
import io.jenkins.plugins.optimizeddeploy.engine.findings.Secrets;
import io.jenkins.plugins.optimizeddeploy.engine.findings.Severity;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Runs rules over a Dockerfile and applies, the same way for every rule, what the configuration and the file say:
 * ignored rules, {@code # hadolint ignore=} pragmas, severity overrides and rules that are off by default.
 */
public final class Linter {
    /**
     * A Dockerfile that does not parse, reported as hadolint reports it: one finding of that file, which no
     * configuration ignores or downgrades, so that the other files are still checked.
     */
    public static final RuleDescription PARSE_ERROR = new FixedDescription("DL1000", Severity.ERROR,
            "The Dockerfile does not parse; nothing else in it is checked.",
            URI.create("https://github.com/hadolint/hadolint#rules"));

    private static final Comparator<Finding> SOURCE_ORDER = Comparator.comparingInt(Finding::line)
            .thenComparingInt(Finding::column).thenComparing(Finding::rule);

    private final LintConfiguration configuration;
    /** Chosen once: a lint of one file must not pay for filtering every rule again. */
    private final List<Rule> activeRules;
    private final List<Severity> severities;

    public Linter(List<Rule> rules, LintConfiguration configuration) {
        this.configuration = configuration;
        this.activeRules = rules.stream()
                .filter(rule -> !configuration.ignored().contains(rule.id()))
                .filter(rule -> rule.enabledByDefault() || configuration.overrides().containsKey(rule.id()))
                .toList();
        this.severities = activeRules.stream()
                .map(rule -> configuration.overrides().getOrDefault(rule.id(), rule.defaultSeverity()))
                .toList();
    }

    /** The rules that run under this configuration. */
    public List<Rule> activeRules() {
        return activeRules;
    }

    /** The findings in one Dockerfile, in source order; {@code file} of each is the Dockerfile's source. */
    public List<Finding> lint(Dockerfile dockerfile) {
        IgnorePragmas pragmas = new IgnorePragmas(dockerfile);
        SourceLines lines = null;
        AnalyzedDockerfile analyzed = new AnalyzedDockerfile(dockerfile);
        List<Finding> findings = new ArrayList<>();
        for (int index = 0; index < activeRules.size(); index++) {
            Rule rule = activeRules.get(index);
            if (!rule.programs().isEmpty() && !analyzed.runsAnyOf(rule.programs())) {
                continue;
            }
            Severity severity = severities.get(index);
            for (Violation violation : rule.check(analyzed)) {
                Instruction instruction = violation.instruction();
                if (configuration.ignorePragmas() && pragmas.ignores(rule.id(), instruction)) {
                    continue;
                }
                lines = lines == null ? SourceLines.of(dockerfile.text()) : lines;
                String message = violation.detail().isEmpty()
                        ? rule.message()
                        : rule.message() + " (" + violation.detail() + ")";
                findings.add(new Finding(rule.id(), severity, message, dockerfile.source(), instruction.startLine(),
                        instruction.written().span().startColumn(),
                        Secrets.excerpt(instruction, lines.line(instruction.startLine()))));
            }
        }
        findings.sort(SOURCE_ORDER);
        return List.copyOf(findings);
    }

    /**
     * The findings in a Dockerfile's text: those of {@link #lint(Dockerfile)} on the parsed file after
     * {@code prepare} (a fix, say), or, when the text does not parse, the one {@link #PARSE_ERROR} finding at the
     * line and with the reason the parser gives, without an excerpt.
     */
    public List<Finding> lint(String source, String text, UnaryOperator<Dockerfile> prepare) {
        Dockerfile dockerfile;
        try {
            dockerfile = prepare.apply(DockerfileParser.parse(source, text));
        } catch (DockerfileParseException e) {
            // no excerpt: a file that is no Dockerfile (a token, a URL with a password) is not repeated in a report
            return List.of(new Finding(PARSE_ERROR.id(), PARSE_ERROR.defaultSeverity(), "The Dockerfile does not parse: "
                    + e.reason() + "; nothing else in it is checked.", e.source(), e.line(), 1, ""));
        }
        return lint(dockerfile);
    }

    /** The findings in several Dockerfiles, with the verdict of the failure threshold. */
    public LintReport lint(List<Dockerfile> dockerfiles) {
        List<Finding> findings = new ArrayList<>();
        dockerfiles.forEach(dockerfile -> findings.addAll(lint(dockerfile)));
        return report(findings);
    }

    /**
     * The report of findings from {@link #lint(Dockerfile)} or {@link #lint(String, String, UnaryOperator)}, with
     * the verdict of the failure threshold; its rules are the active ones, and {@link #PARSE_ERROR} when a file
     * did not parse.
     */
    public LintReport report(List<Finding> findings) {
        List<RuleDescription> described = new ArrayList<>(activeRules());
        if (findings.stream().anyMatch(finding -> finding.rule().equals(PARSE_ERROR.id()))) {
            described.add(0, PARSE_ERROR);
        }
        return new LintReport(described, findings, configuration.failureThreshold());
    }

    private record FixedDescription(String id, Severity defaultSeverity, String message, URI documentation)
            implements RuleDescription {
    }

    /**
     * The lines of a text for excerpts, without the byte order mark and the line terminators (LF, CRLF, CR); only
     * the start of each line is recorded, so that a file with few findings does not pay for a string per line.
     */
    private record SourceLines(String text, int[] starts) {

        static SourceLines of(String text) {
            int[] starts = new int[64];
            int count = 0;
            starts[count++] = text.startsWith("\uFEFF") ? 1 : 0;
            boolean lineFeedsOnly = text.indexOf('\r') < 0;
            for (int i = nextTerminator(text, starts[0], lineFeedsOnly); i >= 0;
                    i = nextTerminator(text, i + 1, lineFeedsOnly)) {
                if (text.charAt(i) == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i + 1;
            }
            return new SourceLines(text, Arrays.copyOf(starts, count));
        }

        /**
         * The index of the next LF or CR from {@code from}, or -1; without CRs, String.indexOf's search, several
         * times faster than reading every character (indexing took some 4 % of parse + lint).
         */
        private static int nextTerminator(String text, int from, boolean lineFeedsOnly) {
            if (lineFeedsOnly) {
                return text.indexOf('\n', from);
            }
            for (int i = from; i < text.length(); i++) {
                if (text.charAt(i) == '\n' || text.charAt(i) == '\r') {
                    return i;
                }
            }
            return -1;
        }

        /** The line with the 1-based number. */
        String line(int number) {
            int start = starts[number - 1];
            if (number == starts.length) {
                return text.substring(start);
            }
            int end = starts[number] - 1;
            if (text.charAt(end) == '\n' && end > start && text.charAt(end - 1) == '\r') {
                end--;
            }
            return text.substring(start, end);
        }
    }
}
