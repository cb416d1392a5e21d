package io.jenkins.plugins.optimizeddeploy.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.optimizeddeploy.cli.CliRun;
import io.jenkins.plugins.optimizeddeploy.cli.common.ExitCode;
import io.jenkins.plugins.optimizeddeploy.cli.common.RecordOption;
import io.jenkins.plugins.optimizeddeploy.engine.metrics.MetricsJson;
import io.jenkins.plugins.optimizeddeploy.engine.metrics.Phase;
import io.jenkins.plugins.optimizeddeploy.engine.metrics.RunMetrics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {
    private static final String UNPINNED = "FROM debian:12.5\nRUN apt-get install -y curl\nUSER 10001\n";

    @TempDir
    Path folder;

    @Test
    void shouldAddEachPhasesPartToTheRecordAndReportItAgainstThePreviousBuild() throws IOException {
        Path dockerfile = Files.writeString(folder.resolve("Dockerfile"), UNPINNED);
        Path previous = folder.resolve("previous.json");
        Path current = folder.resolve("current.json");
        CliRun.of("harden", "--failure-threshold", "none", "--record", previous.toString(), dockerfile.toString());
        CliRun.of("harden", "--failure-threshold", "none", "--record", current.toString(), dockerfile.toString());
        CliRun second = CliRun.of("harden", "--failure-threshold", "none", "--record", current.toString(),
                dockerfile.toString());
        assertThat(second.exitCode()).as(second.err()).isEqualTo(ExitCode.OK);
        RunMetrics recorded = MetricsJson.read(current);
        assertThat(recorded.findings()).hasSize(4);
        assertThat(recorded.phaseMillis()).containsKey(Phase.HARDEN);
        assertThat(recorded.started()).isNotEmpty();

        Path html = folder.resolve("report.html");
        Path markdown = folder.resolve("report.md");
        Path json = folder.resolve("report.json");
        CliRun run = CliRun.of("report", current.toString(), "--previous", previous.toString(), "--html",
                html.toString(), "--markdown", markdown.toString(), "--json", json.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
        assertThat(run.out()).isEqualTo("report: wrote " + html + "\nreport: wrote " + markdown + "\nreport: wrote "
                + json + "\n");
        assertThat(Files.readString(html)).startsWith("<!DOCTYPE html>").contains("DL3008", "<td>harden</td>");
        assertThat(Files.readString(markdown)).contains("| harden |", "Findings: 0 error, 2 warning, 2 info, 0 style.",
                "Against the previous successful build \\(unnamed\\); total ±0 in size");
        assertThat(Files.readString(json)).contains("\"previous\" : {", "\"schemaVersion\" : 1");
    }

    @Test
    void shouldRefuseADirectoryAsTheRecordInOneLine() throws IOException {
        Path dockerfile = Files.writeString(folder.resolve("Dockerfile"), UNPINNED);

        CliRun run = CliRun.of("harden", "--failure-threshold", "none", "--record", folder.toString(),
                dockerfile.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).isEqualTo("optimized-deploy: the record " + folder + " is not a regular file\n");
    }

    @Test
    @Timeout(60)
    void shouldRefuseADeviceAsTheRecordInOneLineWithoutReadingIt() throws IOException {
        Path dockerfile = Files.writeString(folder.resolve("Dockerfile"), UNPINNED);

        CliRun run = CliRun.of("harden", "--failure-threshold", "none", "--record", "/dev/full",
                dockerfile.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).isEqualTo("optimized-deploy: the record /dev/full is not a regular file\n");
    }

    @Test
    void shouldRefuseABadRecordBeforeTheCommandDoesItsWork() throws IOException {
        String fixable = "FROM debian:12.5\nADD app.py /app/\nCMD app\n";
        Path dockerfile = Files.writeString(folder.resolve("Dockerfile"), fixable);

        CliRun run = CliRun.of("harden", "--fix", "--failure-threshold", "none", "--record", folder.toString(),
                dockerfile.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).isEqualTo("optimized-deploy: the record " + folder + " is not a regular file\n");
        assertThat(Files.readString(dockerfile)).as("the Dockerfile --fix would have changed").isEqualTo(fixable);
    }

    @Test
    void shouldSayInOneLineWhyTheRecordCannotBeWritten() throws IOException {
        Path dockerfile = Files.writeString(folder.resolve("Dockerfile"), UNPINNED);
        Path underAFile = dockerfile.resolve("record.json");

        CliRun run = CliRun.of("harden", "--failure-threshold", "none", "--record", underAFile.toString(),
                dockerfile.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.FAILURE);
        assertThat(run.err()).isEqualTo("optimized-deploy: cannot write " + underAFile + ": Not a directory\n");
    }

    @Test
    void shouldRefuseARecordThatIsNotUtf8NamingIt() throws IOException {
        Path latin1 = Files.write(folder.resolve("latin1.json"), "{\"job\": \"caf\u00e9\"}"
                .getBytes(StandardCharsets.ISO_8859_1));

        CliRun run = CliRun.of("report", latin1.toString(), "--html", folder.resolve("report.html").toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).isEqualTo("optimized-deploy: the record " + latin1 + " is not UTF-8 text\n");
    }

    @Test
    void shouldNameANewRecordAfterTheCiBuild() {
        RunMetrics numbered = RecordOption.newRun(Map.of("JOB_NAME", "shop", "BUILD_NUMBER", "42"));
        RunMetrics named = RecordOption.newRun(Map.of("BUILD_DISPLAY_NAME", "release 1.4", "BUILD_NUMBER", "42"));

        assertThat(numbered.job()).isEqualTo("shop");
        assertThat(numbered.build()).isEqualTo("#42");
        assertThat(named.build()).isEqualTo("release 1.4");
        assertThat(RecordOption.newRun(Map.of()).build()).isEmpty();
    }

    @Test
    void shouldExitWithTwoAndOneLineForARecordItCannotRead() throws IOException {
        Path record = Files.writeString(folder.resolve("record.json"), "{\"schemaVersion\": 9}");

        CliRun run = CliRun.of("report", record.toString(), "--html", folder.resolve("r.html").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).isEqualTo("optimized-deploy: " + record
                + " is a metrics record of schema version 9, this version reads 1 to 1\n");
    }
}
