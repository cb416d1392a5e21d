package io.jenkins.plugins.optimizeddeploy.engine.report;

import io.jenkins.plugins.optimizeddeploy.engine.findings.Severity;
import io.jenkins.plugins.optimizeddeploy.engine.image.ImageReference;
import io.jenkins.plugins.optimizeddeploy.engine.image.Digest;
import io.jenkins.plugins.optimizeddeploy.engine.metrics.Comparison;
import io.jenkins.plugins.optimizeddeploy.engine.metrics.Delta;
import io.jenkins.plugins.optimizeddeploy.engine.metrics.Deployment;
import io.jenkins.plugins.optimizeddeploy.engine.metrics.ImageChange;
import io.jenkins.plugins.optimizeddeploy.engine.metrics.Phase;
import io.jenkins.plugins.optimizeddeploy.engine.metrics.RecordedFinding;
import io.jenkins.plugins.optimizeddeploy.engine.metrics.RunMetrics;
import io.jenkins.plugins.optimizeddeploy.engine.metrics.Savings;
import io.jenkins.plugins.optimizeddeploy.engine.metrics.TargetCache;
import io.jenkins.plugins.optimizeddeploy.engine.registry.ManifestAddress;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A report as HTML: fragments for a Jenkins page (the summary card and the full page) and a self-contained file.
 * Fragments carry no script, no event handler and no style attribute, only classes: {@link #STYLESHEET} defines them
 * with the Jenkins theme's CSS variables (light and dark themes alike), so they work under Jenkins'
 * Content-Security-Policy. Every text and attribute value is escaped.
 */
public final class HtmlReport {
    /** The classpath resource of the stylesheet the fragments need (the plugin serves it, the file embeds it). */
    public static final String STYLESHEET = "/io/jenkins/plugins/optimizeddeploy/engine/report/report.css";

    private HtmlReport() {
    }

    /** The card for the build's main page: sizes and time with their deltas, cache, findings, deploy outcome. */
    public static String summaryCard(Report report) {
        RunMetrics run = report.current();
        Comparison previous = report.previous();
        StringBuilder html = new StringBuilder("<div class=\"od-summary\">");
        html.append("<ul class=\"od-summary__facts\">");
        fact(html, "Status", run.failed() ? badge("failed", "jenkins-!-error-color")
                : badge("succeeded", "jenkins-!-success-color"));
        fact(html, "Images", Html.escape(run.images().size() + " image(s), " + Format.size(run.totalSize()))
                + (previous == null ? "" : " " + deltaBadge(previous.totalSize(), true)));
        fact(html, "Time", Html.escape(Format.millis(run.totalMillis()))
                + (previous == null ? "" : " " + deltaBadge(previous.totalMillis(), false)));
        if (!run.cache().isEmpty()) {
            fact(html, "Cache", Html.escape(Format.percent(run.cacheHitRate()) + " of steps cached"));
        }
        fact(html, "Findings", findingBadges(run));
        if (!run.deploys().isEmpty()) {
            fact(html, "Deploy", deployOutcome(run));
        }
        html.append("</ul>");
        html.append("<p class=\"od-summary__against\">")
                .append(Html.escape(previous == null ? "No previous successful build to compare with."
                        : "Deltas against the previous successful build " + Format.build(previous.reference())
                                + "."))
                .append("</p></div>");
        return html.toString();
    }

    /** The full page: tables per image and per phase, cache per target, findings, deploys, savings and trend. */
    public static String page(Report report) {
        RunMetrics run = report.current();
        StringBuilder html = new StringBuilder("<div class=\"od-report\">");
        html.append("<h2 class=\"od-report__title\">").append(Html.escape(title(run))).append(' ')
                .append(run.failed() ? badge("failed", "jenkins-!-error-color")
                        : badge("succeeded", "jenkins-!-success-color"))
                .append("</h2>");
        html.append(summaryCard(report));
        images(html, report);
        phases(html, report);
        cache(html, run.cache());
        findings(html, run.findings());
        deploys(html, run);
        savings(html, report.savings());
        html.append("<section class=\"od-report__section\"><h3>Trend</h3>")
                .append(TrendChart.svg(report.history())).append("</section>");
        return html.append("</div>").toString();
    }

    /**
     * A self-contained HTML file for opening from disk or a CI system's artifacts. Its stylesheet is a style element
     * in the head; its own Content-Security-Policy (a meta element) forbids every script and every fetch, so
     * nothing in it can run even if escaping failed. Served by Jenkins as an artifact, whose policy allows no inline
     * style, it stays readable but unstyled: Jenkins pages use {@link #page} with {@link #STYLESHEET} instead.
     */
    public static String standalone(Report report) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src"
                + " 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + Html.escape(title(report.current())) + "</title>"
                + "<style>" + stylesheet() + "</style></head>"
                + "<body class=\"od-standalone\">" + page(report) + "</body></html>\n";
    }

    /** The stylesheet's text. */
    public static String stylesheet() {
        try (InputStream css = HtmlReport.class.getResourceAsStream(STYLESHEET)) {
            if (css == null) {
                throw new IllegalStateException("The report stylesheet " + STYLESHEET + " is not on the classpath");
            }
            return new String(css.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the report stylesheet " + STYLESHEET, e);
        }
    }

    static String title(RunMetrics run) {
        String name = (run.job() + " " + run.build()).strip();
        return "Optimized Deploy: " + (name.isEmpty() ? "run" : name);
    }

    private static void fact(StringBuilder html, String name, String valueHtml) {
        html.append("<li class=\"od-summary__fact\"><span class=\"od-summary__name\">").append(Html.escape(name))
                .append("</span> <span class=\"od-summary__value\">").append(valueHtml).append("</span></li>");
    }

    private static String badge(String text, String colorClass) {
        return "<span class=\"jenkins-badge od-badge " + colorClass + "\">" + Html.escape(text) + "</span>";
    }

    /** A delta of a cost (size or time): more is red, less is green. */
    static String deltaBadge(Delta delta, boolean isSize) {
        String color = delta.change() > 0 ? "jenkins-!-error-color"
                : delta.change() < 0 ? "jenkins-!-success-color" : "jenkins-!-text-color-secondary";
        return badge(Format.delta(delta, isSize), color);
    }

    private static String findingBadges(RunMetrics run) {
        Map<Severity, Integer> counts = run.findingCounts();
        if (run.findings().isEmpty()) {
            return badge("none", "jenkins-!-success-color");
        }
        return counts.entrySet().stream().filter(count -> count.getValue() > 0)
                .map(count -> badge(count.getValue() + " " + count.getKey().label(), severityColor(count.getKey())))
                .collect(Collectors.joining(" "));
    }

    private static String severityColor(Severity severity) {
        return switch (severity) {
            case ERROR -> "jenkins-!-error-color";
            case WARNING -> "jenkins-!-warning-color";
            default -> "jenkins-!-info-color";
        };
    }

    private static String deployOutcome(RunMetrics run) {
        long unhealthy = run.deploys().stream().filter(deploy -> !deploy.healthy()).count();
        if (run.rolledBack()) {
            return badge("rolled back", "jenkins-!-warning-color");
        }
        return unhealthy > 0 ? badge(unhealthy + " unhealthy", "jenkins-!-error-color")
                : badge(run.deploys().size() + " healthy", "jenkins-!-success-color");
    }

    private static void images(StringBuilder html, Report report) {
        RunMetrics run = report.current();
        Map<String, ImageChange> previous = changesByImage(report.previous());
        Map<String, ImageChange> baseline = changesByImage(report.baseline());
        table(html, "Images", List.of("Image", "Reference", "Digest", "Platforms", "Layers", "Size", "Provenance",
                "Against previous", "Against baseline"));
        run.images().forEach((name, image) -> row(html, List.of(Html.escape(name),
                code(Format.text(image.reference())), digestLink(image.reference(), image.digest()),
                Html.escape(String.join(", ", image.platforms())),
                Html.escape(image.layers() == 0 ? "" : String.valueOf(image.layers())),
                Html.escape(image.compressedBytes() == 0 ? "" : Format.size(image.compressedBytes())),
                Html.escape(image.provenance() == null ? "" : image.provenance().summary()),
                imageDelta(previous.get(name)), imageDelta(baseline.get(name)))));
        removed(html, previous, "previous");
        removed(html, baseline, "baseline");
        html.append("</tbody></table></section>");
    }

    private static Map<String, ImageChange> changesByImage(Comparison comparison) {
        return comparison == null ? Map.of() : comparison.images().stream()
                .collect(Collectors.toMap(ImageChange::image, Function.identity()));
    }

    private static void removed(StringBuilder html, Map<String, ImageChange> changes, String against) {
        changes.values().stream().filter(change -> change.kind() == ImageChange.Kind.REMOVED).sorted(
                Comparator.comparing(ImageChange::image)).forEach(change -> html
                .append("<tr class=\"od-removed\"><td>").append(Html.escape(change.image()))
                .append("</td><td colspan=\"8\">").append(badge("removed since the " + against + " build",
                        "jenkins-!-text-color-secondary"))
                .append(' ').append(Html.escape("(was " + Format.size(change.size().before()) + ")"))
                .append("</td></tr>"));
    }

    private static String imageDelta(ImageChange change) {
        if (change == null) {
            return "";
        }
        return change.kind() == ImageChange.Kind.ADDED ? badge("new", "jenkins-!-info-color")
                : deltaBadge(change.size(), true);
    }

    private static void phases(StringBuilder html, Report report) {
        RunMetrics run = report.current();
        table(html, "Phases", List.of("Phase", "Wall time", "Against previous", "Against baseline"));
        for (Phase phase : Phase.values()) {
            Long millis = run.phaseMillis().get(phase);
            if (millis != null) {
                row(html, List.of(Html.escape(phase.label()), Html.escape(Format.millis(millis)),
                        phaseDelta(report.previous(), phase), phaseDelta(report.baseline(), phase)));
            }
        }
        row(html, List.of("<strong>total</strong>", "<strong>" + Html.escape(Format.millis(run.totalMillis()))
                + "</strong>", report.previous() == null ? "" : deltaBadge(report.previous().totalMillis(), false),
                report.baseline() == null ? "" : deltaBadge(report.baseline().totalMillis(), false)));
        html.append("</tbody></table></section>");
    }

    private static String phaseDelta(Comparison comparison, Phase phase) {
        return comparison == null || !comparison.phases().containsKey(phase) ? ""
                : deltaBadge(comparison.phases().get(phase), false);
    }

    private static void cache(StringBuilder html, Map<String, TargetCache> cache) {
        if (cache.isEmpty()) {
            return;
        }
        table(html, "Cache per target", List.of("Target", "Steps cached", "Hit rate", "Cache read", "Import",
                "Export"));
        cache.forEach((target, used) -> row(html, List.of(Html.escape(target),
                Html.escape(used.stepsCached() + " / " + used.stepsTotal()), Html.escape(Format.percent(used.hitRate())),
                code(used.source()), Html.escape(Format.millis(used.importMillis())),
                Html.escape(Format.millis(used.exportMillis())))));
        html.append("</tbody></table></section>");
    }

    private static void findings(StringBuilder html, List<RecordedFinding> findings) {
        if (findings.isEmpty()) {
            html.append("<section class=\"od-report__section\"><h3>Findings</h3><p>No findings.</p></section>");
            return;
        }
        table(html, "Findings", List.of("Severity", "Rule", "Message", "Where", "Line"));
        for (RecordedFinding finding : findings) {
            row(html, List.of(badge(finding.severity().label(), severityColor(finding.severity())),
                    Html.escape(finding.rule()), Html.escape(finding.message()), code(finding.location()),
                    code(finding.excerpt())));
        }
        html.append("</tbody></table></section>");
    }

    private static void deploys(StringBuilder html, RunMetrics run) {
        if (run.deploys().isEmpty()) {
            return;
        }
        table(html, "Deploys", List.of("Service", "Kind", "Digest", "Outcome", "Time to healthy", "Message"));
        for (Deployment deploy : run.deploys()) {
            row(html, List.of(Html.escape(deploy.service()), Html.escape(deploy.rollback() ? "rollback" : "deploy"),
                    deploy.to() == null ? "" : manifestLink(deploy.to()),
                    deploy.healthy() ? badge("healthy", "jenkins-!-success-color")
                            : badge("unhealthy", "jenkins-!-error-color"),
                    Html.escape(deploy.healthy() ? Format.millis(deploy.timeToHealthyMillis()) : "not healthy after "
                            + Format.millis(deploy.timeToHealthyMillis())),
                    Html.escape(deploy.message())));
        }
        html.append("</tbody></table></section>");
    }

    private static void savings(StringBuilder html, Savings savings) {
        if (savings == null) {
            return;
        }
        html.append("<section class=\"od-report__section\"><h3>Savings against the baseline</h3><p>")
                .append(Html.escape(savingsSentence(savings))).append("</p></section>");
    }

    /** One sentence on what the recent builds saved against the baseline; the Markdown report uses it too. */
    static String savingsSentence(Savings savings) {
        String saved = savings.savedMillis() >= 0 ? Format.millis(savings.savedMillis()) + " of CI time saved"
                : Format.millis(-savings.savedMillis()) + " of CI time lost";
        String sentence = saved + " over the last " + savings.builds() + " build(s) against the baseline "
                + Format.build(savings.baseline()) + ".";
        return savings.buildsPerDay() == 0 ? sentence + " Too few builds to project a month or a year."
                : sentence + String.format(Locale.ROOT, " At %.1f builds a day: ", savings.buildsPerDay())
                        + Format.millis(savings.perMonthMillis()) + " a month, "
                        + Format.millis(savings.perYearMillis()) + " a year.";
    }

    /** The digest, linked to its manifest in the registry of {@code reference} when that is known; empty when unknown. */
    private static String digestLink(ImageReference reference, Digest digest) {
        if (digest == null) {
            return "";
        }
        return reference == null ? code(digest.toString()) : manifestLink(reference.withDigest(digest.toString()));
    }

    /** The digest of {@code image}, linked to its manifest in its registry; an image by tag only as its text. */
    private static String manifestLink(ImageReference image) {
        return image.digest().map(digest -> "<a class=\"od-digest\" href=\""
                + Html.escape(ManifestAddress.of(image).toASCIIString()) + "\" rel=\"noopener noreferrer\">"
                + code(digest) + "</a>").orElseGet(() -> code(image.toString()));
    }

    private static String code(String text) {
        return text.isEmpty() ? "" : "<code class=\"od-code\">" + Html.escape(text) + "</code>";
    }

    private static void table(StringBuilder html, String caption, List<String> headers) {
        html.append("<section class=\"od-report__section\"><h3>").append(Html.escape(caption)).append("</h3>")
                .append("<table class=\"jenkins-table jenkins-table--small od-table\"><thead><tr>");
        headers.forEach(header -> html.append("<th>").append(Html.escape(header)).append("</th>"));
        html.append("</tr></thead><tbody>");
    }

    private static void row(StringBuilder html, List<String> cellsHtml) {
        html.append("<tr>");
        cellsHtml.forEach(cell -> html.append("<td>").append(cell).append("</td>"));
        html.append("</tr>");
    }
}
