package io.jenkins.plugins.optimizeddeploy.cli.report;

import io.jenkins.plugins.optimizeddeploy.cli.common.ExitCode;
import io.jenkins.plugins.optimizeddeploy.cli.common.ReportOptions;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code optimized-deploy report RECORD.json}: what a build cost, against the previous one and a baseline. */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        description = {
            "Report what a build cost from its metrics record (written by --record of harden, build, verify, retag"
                    + " and deploy, or by run): image sizes, phase times, cache per target, findings and deploys, each with its delta"
                    + " against the previous successful build and the baseline, the CI time saved against the"
                    + " baseline, and a trend of sizes and phase times.",
            "The HTML file is self-contained (its stylesheet inside, no script, a Content-Security-Policy that allows"
                    + " none); the Markdown suits a GitHub job summary ($GITHUB_STEP_SUMMARY) or a merge-request"
                    + " comment.",
            "Exits with 2 when a record cannot be read."
        })
public final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "RECORD.json", description = "The build's metrics record.")
    Path record;

    @Option(names = "--html", required = true, paramLabel = "OUT", description = "Write the HTML report here.")
    Path html;

    @Mixin
    ReportOptions report;

    @Override
    public Integer call() {
        report.write(record, html, spec.commandLine().getOut());
        return ExitCode.OK;
    }
}
