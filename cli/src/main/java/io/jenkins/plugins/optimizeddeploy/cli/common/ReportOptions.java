package io.jenkins.plugins.optimizeddeploy.cli.common;

import io.jenkins.plugins.optimizeddeploy.engine.files.OutputFile;
import io.jenkins.plugins.optimizeddeploy.engine.metrics.MetricsJson;
import io.jenkins.plugins.optimizeddeploy.engine.metrics.RunMetrics;
import io.jenkins.plugins.optimizeddeploy.engine.report.HtmlReport;
import io.jenkins.plugins.optimizeddeploy.engine.report.MarkdownReport;
import io.jenkins.plugins.optimizeddeploy.engine.report.Report;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/** What {@code report} and {@code run} compare a build's record with, and the further files they write. */
public final class ReportOptions {
    @Option(names = "--previous", paramLabel = "P.json", description = "The previous successful build's record.")
    Path previous;

    @Option(names = "--baseline", paramLabel = "B.json",
            description = "The baseline build's record: deltas and the CI time saved are measured against it.")
    Path baseline;

    @Option(names = "--history", paramLabel = "H.json",
            description = "An earlier build's record for the trend and the savings; repeat for more (default: the"
                    + " baseline and the previous build). Ordered by start time; the last 50 are drawn.")
    List<Path> history = new ArrayList<>();

    @Option(names = "--markdown", paramLabel = "OUT", description = "Write the Markdown report here.")
    Path markdown;

    @Option(names = "--json", paramLabel = "OUT",
            description = "Write the record with its comparisons and savings as JSON here.")
    Path json;

    /** Writes the report of {@code record} as HTML to {@code html}, and to the other files asked for. */
    public void write(Path record, Path html, PrintWriter out) {
        RunMetrics current = MetricsJson.read(record);
        Optional<RunMetrics> previousRun = Optional.ofNullable(previous).map(MetricsJson::read);
        Optional<RunMetrics> baselineRun = Optional.ofNullable(baseline).map(MetricsJson::read);
        List<RunMetrics> earlier = new ArrayList<>(history.stream().map(MetricsJson::read).toList());
        if (history.isEmpty()) {
            baselineRun.ifPresent(earlier::add);
            previousRun.ifPresent(earlier::add);
        }
        earlier.sort(Comparator.comparing(RunMetrics::started));
        earlier.add(current);
        Report report = Report.of(current, previousRun, baselineRun, earlier);
        write(html, HtmlReport.standalone(report), out);
        if (markdown != null) {
            write(markdown, MarkdownReport.render(report), out);
        }
        if (json != null) {
            write(json, MetricsJson.writeValue(report), out);
        }
        out.flush();
    }

    private static void write(Path file, String content, PrintWriter out) {
        try {
            OutputFile.writeText(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
        out.println("report: wrote " + file);
    }
}
