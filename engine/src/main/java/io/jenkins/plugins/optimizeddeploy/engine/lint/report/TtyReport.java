package io.jenkins.plugins.optimizeddeploy.engine.lint.report;

import io.jenkins.plugins.optimizeddeploy.engine.lint.Finding;
import io.jenkins.plugins.optimizeddeploy.engine.lint.LintReport;
import io.jenkins.plugins.optimizeddeploy.engine.lint.Severity;
import java.util.Map;

/** The report for people: one line per finding with the instruction's first line under it, then a summary. */
final class TtyReport {

    private TtyReport() {
    }

    static String render(LintReport report) {
        StringBuilder text = new StringBuilder();
        for (Finding finding : report.findings()) {
            text.append(finding.file()).append(':').append(finding.line()).append(':').append(finding.column())
                    .append(' ').append(finding.severity().label()).append(' ').append(finding.rule()).append(' ')
                    .append(finding.message()).append('\n');
            text.append("    ").append(finding.excerpt().strip()).append('\n');
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
