package io.jenkins.plugins.optimizeddeploy.cli.harden;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.optimizeddeploy.cli.CliRun;
import io.jenkins.plugins.optimizeddeploy.cli.common.ExitCode;
import io.jenkins.plugins.optimizeddeploy.testsupport.FullDisk;
import io.jenkins.plugins.optimizeddeploy.testsupport.SampleApp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HardenCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HARDENED = "FROM debian:12.5\nUSER 10001\nCMD [\"app\"]\n";
    static final String UNPINNED = "FROM debian:12.5\nRUN apt-get install -y --no-install-recommends curl\n"
            + "USER 10001\n";

    @TempDir
    Path folder;

    @Test
    void shouldExitOkAndSaySoForAHardenedDockerfile() throws IOException {
        CliRun run = CliRun.of("harden", write("Dockerfile", HARDENED));

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
        assertThat(run.out()).isEqualTo("0 findings (0 error, 0 warning, 0 info, 0 style);"
                + " failure threshold info: passed\n");
    }

    @Test
    void shouldPrintFileLineColumnRuleAndExcerptAndFailAtTheDefaultThreshold() throws IOException {
        String file = write("Dockerfile", UNPINNED);

        CliRun run = CliRun.of("harden", file);

        assertThat(run.exitCode()).isEqualTo(ExitCode.GATE_FAILED);
        assertThat(run.out().lines()).startsWith(
                file + ":2:1 warning DL3008 Pin versions in apt-get install. Instead of `apt-get install <package>`"
                        + " use `apt-get install <package>=<version>`. (curl)",
                "    RUN apt-get install -y --no-install-recommends curl");
    }

    @Test
    void shouldLintManyFilesNamingEachAsGivenInJson() throws IOException {
        String first = write("a/Dockerfile", UNPINNED);
        String second = folder.resolve("b/../b/Dockerfile.web").toString();
        write("b/Dockerfile.web", "FROM debian:12.5\nEXPOSE 22\n");

        CliRun run = CliRun.of("harden", "--format", "json", first, second);

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.GATE_FAILED);
        JsonNode findings = JSON.readTree(run.out()).path("findings");
        assertThat(findings).extracting(finding -> finding.path("file").asText()).containsOnly(first, second)
                .contains(first, second);
        assertThat(findings).anySatisfy(finding -> {
            assertThat(finding.path("rule").asText()).isEqualTo("OD1008");
            assertThat(finding.path("severity").asText()).isEqualTo("warning");
            assertThat(finding.path("file").asText()).isEqualTo(second);
            assertThat(finding.path("line").asInt()).isEqualTo(2);
            assertThat(finding.path("column").asInt()).isEqualTo(1);
        });
    }

    @Test
    void shouldPassBelowTheFailureThresholdGivenOnTheCommandLine() throws IOException {
        CliRun run = CliRun.of("harden", "--failure-threshold", "error", write("Dockerfile", UNPINNED));

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
        assertThat(run.out()).contains("DL3008", "failure threshold error: passed");
    }

    @Test
    void shouldApplyTheConfigurationFileAndLetTheCommandLineWin() throws IOException {
        String config = write(".hadolint.yaml", "ignored: [DL3008]\noverride:\n  error: [OD1008]\n"
                + "failure-threshold: style\n");
        String dockerfile = write("Dockerfile", UNPINNED + "EXPOSE 22\n");

        CliRun strict = CliRun.of("harden", "--config", config, "--format", "json", dockerfile);
        CliRun lenient = CliRun.of("harden", "--config", config, "--failure-threshold", "none", dockerfile);

        assertThat(strict.exitCode()).as(strict.err()).isEqualTo(ExitCode.GATE_FAILED);
        JsonNode json = JSON.readTree(strict.out());
        assertThat(json.path("findings")).extracting(finding -> finding.path("rule").asText())
                .doesNotContain("DL3008").contains("OD1008");
        assertThat(json.path("findings")).filteredOn(finding -> finding.path("rule").asText().equals("OD1008"))
                .extracting(finding -> finding.path("severity").asText()).containsExactly("error");
        assertThat(json.path("failureThreshold").asText()).isEqualTo("style");
        assertThat(lenient.exitCode()).as(lenient.err()).isEqualTo(ExitCode.OK);
    }

    @Test
    void shouldHonourIgnorePragmas() throws IOException {
        String dockerfile = write("Dockerfile", "FROM debian:12.5\n# hadolint ignore=DL3008\n"
                + "RUN apt-get install -y --no-install-recommends curl\nUSER 10001\n");

        CliRun run = CliRun.of("harden", dockerfile);

        assertThat(run.exitCode()).as(run.out()).isEqualTo(ExitCode.OK);
    }

    @Test
    void shouldWriteSarifAndCheckstyle() throws IOException {
        String dockerfile = write("Dockerfile", UNPINNED);

        CliRun sarif = CliRun.of("harden", "--format", "sarif", dockerfile);
        CliRun checkstyle = CliRun.of("harden", "--format", "checkstyle", dockerfile);

        JsonNode log = JSON.readTree(sarif.out());
        assertThat(log.path("version").asText()).isEqualTo("2.1.0");
        assertThat(log.path("runs").path(0).path("results").path(0).path("ruleId").asText()).isEqualTo("DL3008");
        assertThat(checkstyle.out()).startsWith("<?xml").contains("<file name=\"" + dockerfile + "\">",
                "source=\"DL3008\"");
    }

    @Test
    void shouldReportADockerfileThatDoesNotParseAsOneErrorFindingAndCheckTheOtherFiles() throws IOException {
        String good = write("Dockerfile", HARDENED);
        String bad = write("broken/Dockerfile", "FROM debian:12.5\nRUNN make\n");
        String unpinned = write("unpinned/Dockerfile", UNPINNED);

        CliRun tty = CliRun.of("harden", "--failure-threshold", "error", good, bad, unpinned);
        CliRun json = CliRun.of("harden", "--format", "json", good, bad, unpinned);
        CliRun sarif = CliRun.of("harden", "--format", "sarif", good, bad, unpinned);
        CliRun checkstyle = CliRun.of("harden", "--format", "checkstyle", good, bad, unpinned);
        CliRun fix = CliRun.of("harden", "--fix", "--failure-threshold", "none", bad, unpinned);

        assertThat(tty.exitCode()).as(tty.err()).isEqualTo(ExitCode.GATE_FAILED);
        assertThat(tty.err()).isEmpty();
        assertThat(tty.out()).contains(bad + ":2:1 error DL1000 The Dockerfile does not parse: unknown instruction:"
                + " RUNN (expected one of ", "; nothing else in it is checked.\n" + unpinned,
                unpinned + ":2:1 warning DL3008 ");
        JsonNode findings = JSON.readTree(json.out()).path("findings");
        assertThat(findings).extracting(finding -> finding.path("rule").asText() + " " + finding.path("file").asText()
                + ":" + finding.path("line").asInt()).contains("DL1000 " + bad + ":2", "DL3008 " + unpinned + ":2");
        JsonNode result = JSON.readTree(sarif.out()).path("runs").path(0).path("results").path(0);
        assertThat(List.of(result.path("ruleId").asText(), result.path("level").asText())).containsExactly("DL1000",
                "error");
        assertThat(checkstyle.out()).contains("<file name=\"" + bad + "\">", "source=\"DL1000\"");
        assertThat(List.of(json.exitCode(), sarif.exitCode(), checkstyle.exitCode())).containsOnly(ExitCode.GATE_FAILED);
        assertThat(fix.exitCode()).as(fix.err()).isEqualTo(ExitCode.OK);
        assertThat(fix.out()).contains(bad + ":2:1 error DL1000 ");
        assertThat(Files.readString(Path.of(bad))).isEqualTo("FROM debian:12.5\nRUNN make\n");
    }

    @Test
    void shouldExitWithBadInputForMissingFilesBadOptionsAndBadConfigurations() throws IOException {
        String dockerfile = write("Dockerfile", HARDENED);
        String config = write("bad.yaml", "ignore: [DL3008]\n");

        CliRun missing = CliRun.of("harden", folder.resolve("absent").toString());
        CliRun format = CliRun.of("harden", "--format", "html", dockerfile);
        CliRun threshold = CliRun.of("harden", "--failure-threshold", "fatal", dockerfile);
        CliRun badConfig = CliRun.of("harden", "--config", config, dockerfile);
        CliRun noFile = CliRun.of("harden");

        assertThat(missing.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(missing.err()).contains("absent' does not exist");
        assertThat(format.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(format.err()).contains("Unknown output format 'html'");
        assertThat(threshold.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(threshold.err()).contains("Unknown failure threshold 'fatal'");
        assertThat(badConfig.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(badConfig.err()).contains(config, "unknown setting 'ignore'");
        assertThat(noFile.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
    }

    @Test
    void shouldFindOnlyTheLatestTagOfItsDefaultBaseImageInTheHardenedSampleApp() {
        String dockerfile = SampleApp.directory().resolve("Dockerfile").toString();

        CliRun run = CliRun.of("harden", "--failure-threshold", "error", dockerfile);

        assertThat(run.exitCode()).as(run.out()).isEqualTo(ExitCode.OK);
        assertThat(run.out()).contains(dockerfile + ":15:1 warning DL3007", dockerfile + ":24:1 warning DL3007",
                "2 findings (0 error, 2 warning, 0 info, 0 style)");
    }

    @Test
    void shouldFixInPlaceListWhatWasFixedAndLeftAndExitByTheRemainingFindings() throws IOException {
        String dockerfile = write("Dockerfile", "FROM debian:12.5\nEXPOSE 8080\nADD app.conf /etc/app/\n"
                + "CMD app --port 8080 > /tmp/log\n");

        CliRun run = CliRun.of("harden", "--fix", "--fix-uid", "20000", dockerfile);

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.GATE_FAILED);
        assertThat(Files.readString(Path.of(dockerfile))).isEqualTo("FROM debian:12.5\nEXPOSE 8080\n"
                + "COPY --chown=20000:20000 app.conf /etc/app/\n"
                + "RUN groupadd --system --gid 20000 app && useradd --system --no-log-init --uid 20000 --gid app"
                + " --no-create-home --shell /usr/sbin/nologin app\nUSER 20000:20000\n"
                + "CMD app --port 8080 > /tmp/log\n");
        assertThat(run.out()).contains(dockerfile + ":1 fixed OD1001: added user app (debian base) and USER",
                dockerfile + ":3 fixed DL3020: wrote COPY instead of ADD",
                " fixed OD1002: added --chown=20000:20000",
                dockerfile + ":6 left DL3025: the command uses shell features",
                " left OD1010: neither wget nor curl is known to be in the image",
                dockerfile + ":6:1 warning DL3025", dockerfile + ":1:1 info OD1010")
                .doesNotContain("OD1001 The final stage");
    }

    @Test
    void shouldListFixesOnStandardErrorForMachineFormatsAndPassWhenNothingRemains() throws IOException {
        String dockerfile = write("Dockerfile", "FROM debian:12.5\nUSER 10001\nCMD app\n");

        CliRun run = CliRun.of("harden", "--fix", "--format", "json", dockerfile);

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
        assertThat(JSON.readTree(run.out()).path("findings")).isEmpty();
        assertThat(run.err()).isEqualTo(dockerfile + ":3 fixed DL3025: wrote CMD [\"app\"]\n");
        assertThat(Files.readString(Path.of(dockerfile))).isEqualTo("FROM debian:12.5\nUSER 10001\nCMD [\"app\"]\n");
    }

    @Test
    void shouldAppendTheUserToPasswdForBaseImagesNamedAsBusyboxLikeAndLeaveOutHealthchecksWhenAsked()
            throws IOException {
        String dockerfile = write("Dockerfile", "FROM registry.local/base/tiny:1\nEXPOSE 80\nCMD [\"httpd\"]\n");

        CliRun run = CliRun.of("harden", "--fix", "--fix-busybox-image", "/base/tiny", "--no-fix-healthcheck",
                "--failure-threshold", "warning", dockerfile);

        assertThat(run.exitCode()).as(run.out()).isEqualTo(ExitCode.OK);
        assertThat(Files.readString(Path.of(dockerfile))).contains("RUN echo 'app:x:10001:10001::/nonexistent:"
                + "/bin/false' >> /etc/passwd && echo 'app:x:10001:' >> /etc/group\nUSER 10001:10001\nCMD");
        assertThat(run.out()).contains(" left OD1010: adding health checks is switched off");
    }

    @Test
    void shouldRefuseARootUidAndLeaveTheFileAlone() throws IOException {
        String dockerfile = write("Dockerfile", "FROM debian:12.5\nCMD app\n");

        CliRun run = CliRun.of("harden", "--fix", "--fix-uid", "0", dockerfile);

        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).contains("uid 0");
        assertThat(Files.readString(Path.of(dockerfile))).isEqualTo("FROM debian:12.5\nCMD app\n");
    }

    @Test
    void shouldRedactTheValuesOfSecretsItFlagsInEveryFormat() throws IOException {
        String awsSecret = "wJalrXUtnFEMI" + "K7MDENGbPxRfiCYEXAMPLEKEY";
        String file = write("Dockerfile", "FROM debian:12.5\n"
                + "ENV REGION=eu AWS_SECRET_ACCESS_KEY=" + awsSecret + "\n"
                + "ENV DB_PASSWORD hunter2 and more\n"
                + "ARG NPM_TOKEN=\"npm-s3cr3t\"\n"
                + "ONBUILD ENV API_KEY=onbuild-s3cr3t\n"
                + "RUN wget https://deploy:url-s3cr3t@example.com/app.tgz\n"
                + "USER 10001\n");

        for (String format : new String[] {"tty", "sarif", "json", "checkstyle"}) {
            CliRun run = CliRun.of("harden", "--format", format, file);

            assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.GATE_FAILED);
            // json and checkstyle have no excerpt; tty and sarif have one, redacted
            assertThat(run.out()).as(format).contains("OD1003", "OD1004")
                    .doesNotContain(awsSecret, "hunter2", "npm-s3cr3t", "onbuild-s3cr3t", "url-s3cr3t");
        }
        assertThat(CliRun.of("harden", file).out())
                .contains("    ENV REGION=eu AWS_SECRET_ACCESS_KEY=<redacted>\n")
                .contains("    ENV DB_PASSWORD=<redacted>\n")
                .contains("    RUN wget https://deploy:<redacted>@example.com/app.tgz\n");
    }

    @Test
    void shouldLeaveTheDockerfileWholeAndExit3WhenTheFixRunsOutOfDiskSpace() throws IOException {
        // Two 4 KiB pages of a tmpfs; the fixed text needs a third, which a full disk does not have.
        String original = "# " + "padding ".repeat(1010) + "\n" + UNPINNED.replace("USER 10001\n", "")
                + "ADD app.py /app/\nCMD app\n";
        CliRun roomy = CliRun.of("harden", "--fix", "--failure-threshold", "none", write("Dockerfile", original));
        assertThat(roomy.exitCode()).as(roomy.err()).isEqualTo(ExitCode.OK);
        assertThat(Files.size(folder.resolve("Dockerfile"))).as("the fixed size").isGreaterThan(8192);
        try (FullDisk disk = FullDisk.mount()) {
            Path dockerfile = Files.writeString(disk.path().resolve("Dockerfile"), original);
            disk.fill();

            CliRun full = CliRun.of("harden", "--fix", "--failure-threshold", "none", dockerfile.toString());

            assertThat(Files.readString(dockerfile)).isEqualTo(original);
            assertThat(full.exitCode()).as(full.err()).isEqualTo(ExitCode.FAILURE);
            assertThat(full.err()).isEqualTo("optimized-deploy: cannot write " + dockerfile
                    + ": No space left on device (it is unchanged)\n");
            try (Stream<Path> left = Files.list(disk.path())) {
                assertThat(left).containsExactlyInAnyOrder(dockerfile, disk.path().resolve(".filler"));
            }
        }
    }

    private String write(String name, String content) throws IOException {
        Path file = folder.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content).toString();
    }
}
