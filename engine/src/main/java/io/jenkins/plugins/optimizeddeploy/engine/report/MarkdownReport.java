package io.jenkins.plugins.optimizeddeploy.engine.report;

import io.jenkins.plugins.optimizeddeploy.engine.metrics.Comparison;
import io.jenkins.plugins.optimizeddeploy.engine.metrics.Deployment;
import io.jenkins.plugins.optimizeddeploy.engine.metrics.ImageChange;
import io.jenkins.plugins.optimizeddeploy.engine.metrics.Phase;
import io.jenkins.plugins.optimizeddeploy.engine.metrics.RecordedFinding;
import io.jenkins.plugins.optimizeddeploy.engine.metrics.RunMetrics;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A report as GitHub-flavoured Markdown, for a job summary or a merge-request comment. GitHub renders HTML inside
 * Markdown, so user text has its HTML characters as entities and Markdown's own characters backslash-escaped.
 */
public final class MarkdownReport {
    private MarkdownReport() {
    }

    public static String render(Report report) {
        RunMetrics run = report.current();
        StringBuilder md = new StringBuilder("## ").append(escape(HtmlReport.title(run)))
                .append(run.failed() ? " (failed)" : "").append("\n\n");
        Comparison previous = report.previous();
        md.append(previous == null ? "No previous successful build to compare with.\n\n"
                : "Against the previous successful build " + escape(Format.build(previous.reference())) + "; total "
                        + Format.delta(previous.totalSize(), true) + " in size, "
                        + Format.delta(previous.totalMillis(), false) + " in time.\n\n");
        Map<String, ImageChange> changes = previous == null ? Map.of() : previous.images().stream()
                .collect(Collectors.toMap(ImageChange::image, Function.identity()));
        if (!changes.isEmpty() || !run.images().isEmpty()) {
            table(md, List.of("Image", "Digest", "Layers", "Size", "Against previous", "Provenance"));
            run.images().forEach((name, image) -> row(md, List.of(escape(name), code(Format.text(image.digest())),
                    String.valueOf(image.layers()), Format.size(image.compressedBytes()), change(changes.get(name)),
                    image.provenance() == null ? "" : escape(image.provenance().summary()))));
            changes.values().stream().filter(change -> change.kind() == ImageChange.Kind.REMOVED)
                    .forEach(change -> row(md, List.of(escape(change.image()), "", "", "", "removed", "")));
            md.append('\n');
        }
        table(md, List.of("Phase", "Wall time", "Against previous"));
        for (Phase phase : Phase.values()) {
            if (run.phaseMillis().containsKey(phase)) {
                row(md, List.of(phase.label(), Format.millis(run.phaseMillis().get(phase)),
                        previous == null || !previous.phases().containsKey(phase) ? ""
                                : Format.delta(previous.phases().get(phase), false)));
            }
        }
        md.append('\n');
        if (!run.cache().isEmpty()) {
            md.append("Cache: ").append(Format.percent(run.cacheHitRate())).append(" of steps cached.\n\n");
        }
        md.append("Findings: ").append(run.findingCounts().entrySet().stream()
                .map(count -> count.getValue() + " " + count.getKey().label()).collect(Collectors.joining(", ")))
                .append(".\n\n");
        if (!run.findings().isEmpty()) {
            table(md, List.of("Severity", "Rule", "Message", "Where"));
            for (RecordedFinding finding : run.findings()) {
                row(md, List.of(finding.severity().label(), escape(finding.rule()), escape(finding.message()),
                        code(finding.location())));
            }
            md.append('\n');
        }
        if (!run.deploys().isEmpty()) {
            table(md, List.of("Service", "Kind", "Outcome", "Time to healthy"));
            for (Deployment deploy : run.deploys()) {
                row(md, List.of(escape(deploy.service()), deploy.rollback() ? "rollback" : "deploy",
                        deploy.healthy() ? "healthy" : "unhealthy", Format.millis(deploy.timeToHealthyMillis())));
            }
            md.append('\n');
        }
        if (report.savings() != null) {
            md.append(escape(HtmlReport.savingsSentence(report.savings()))).append('\n');
        }
        return md.toString();
    }

    private static String change(ImageChange change) {
        return change == null ? "" : change.kind() == ImageChange.Kind.ADDED ? "new"
                : Format.delta(change.size(), true);
    }

    /** Text as a literal: HTML characters as entities, Markdown's as backslash escapes, lines joined. */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (char c : text.replace('\n', ' ').replace('\r', ' ').toCharArray()) {
            if ("&<>\"'\0".indexOf(c) >= 0) {
                escaped.append(Html.escape(String.valueOf(c)));
            } else {
                if ("\\`*_{}[]()#+-.!|~".indexOf(c) >= 0) {
                    escaped.append('\\');
                }
                escaped.append(c);
            }
        }
        return escaped.toString();
    }

    /** A code span cannot hold a backslash escape, so user text in it is only escaped, in normal font. */
    private static String code(String text) {
        return text.isEmpty() ? "" : "<code>" + escape(text) + "</code>";
    }

    private static void table(StringBuilder md, List<String> headers) {
        md.append("| ").append(String.join(" | ", headers)).append(" |\n|")
                .append("---|".repeat(headers.size())).append('\n');
    }

    private static void row(StringBuilder md, List<String> cells) {
        md.append("| ").append(String.join(" | ", cells)).append(" |\n");
    }
}
