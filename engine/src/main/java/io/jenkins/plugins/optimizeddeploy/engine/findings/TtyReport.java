package io.jenkins.plugins.optimizeddeploy.engine.findings;

import io.jenkins.plugins.optimizeddeploy.engine.text.TerminalText;
import java.util.Map;

/**
 * The report for people: one line per finding with the instruction's first line (when it has one) under it, then a
 * summary. What the
 * Dockerfile or the image said is escaped ({@link TerminalText}), so it cannot drive the terminal.
 */
final class TtyReport {

    private TtyReport() {
    }

    static String render(LintReport report) {
        StringBuilder text = new StringBuilder();
        for (Finding finding : report.findings()) {
            text.append(TerminalText.escape(finding.file())).append(':').append(finding.line()).append(':')
                    .append(finding.column()).append(' ').append(finding.severity().label()).append(' ')
                    .append(finding.rule()).append(' ').append(TerminalText.escape(finding.message())).append('\n');
            if (!finding.excerpt().isBlank()) {
                text.append("    ").append(TerminalText.escape(finding.excerpt().strip())).append('\n');
            }
        }
        Map<Severity, Integer> counts = report.countsBySeverity();
        text.append(report.findings().size()).append(report.findings().size() == 1 ? " finding" : " findings")
                .append(" (");
        for (Severity severity : Severity.values()) {
            text.append(severity == Severity.ERROR ? "" : ", ").append(counts.get(severity)).append(' ')
                    .append(severity.label());
        }
        text.append("); failure threshold ").append(report.failureThreshold().label())
                .append(report.failed() ? ": failed" : ": passed").append('\n');
        return text.toString();
    }
}
