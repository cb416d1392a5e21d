package io.jenkins.plugins.optimizeddeploy.cli;

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
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code optimized-deploy report RECORD.json}: what a build cost, against the previous one and a baseline. */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        description = {
            "Report what a build cost from its metrics record (written by --record of harden, build, verify and"
                    + " retag): image sizes, phase times, cache per target, findings and deploys, each with its delta"
                    + " against the previous successful build and the baseline, the CI time saved against the"
                    + " baseline, and a trend of sizes and phase times.",
            "The HTML file is self-contained (its stylesheet inside, no script, a Content-Security-Policy that allows"
                    + " none); the Markdown suits a GitHub job summary ($GITHUB_STEP_SUMMARY) or a merge-request"
                    + " comment.",
            "Exits with 2 when a record cannot be read."
        })
final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "RECORD.json", description = "The build's metrics record.")
    Path record;

    @Option(names = "--previous", paramLabel = "P.json", description = "The previous successful build's record.")
    Path previous;

    @Option(names = "--baseline", paramLabel = "B.json",
            description = "The baseline build's record: deltas and the CI time saved are measured against it.")
    Path baseline;

    @Option(names = "--history", paramLabel = "H.json",
            description = "An earlier build's record for the trend and the savings; repeat for more (default: the"
                    + " baseline and the previous build). Ordered by start time; the last 50 are drawn.")
    List<Path> history = new ArrayList<>();

    @Option(names = "--html", required = true, paramLabel = "OUT", description = "Write the HTML report here.")
    Path html;

    @Option(names = "--markdown", paramLabel = "OUT", description = "Write the Markdown report here.")
    Path markdown;

    @Option(names = "--json", paramLabel = "OUT",
            description = "Write the record with its comparisons and savings as JSON here.")
    Path json;

    @Override
    public Integer call() {
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
        PrintWriter out = spec.commandLine().getOut();
        write(html, HtmlReport.standalone(report), out);
        if (markdown != null) {
            write(markdown, MarkdownReport.render(report), out);
        }
        if (json != null) {
            write(json, MetricsJson.writeValue(report), out);
        }
        out.flush();
        return ExitCode.OK;
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
