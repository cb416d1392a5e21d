package io.jenkins.plugins.optimizeddeploy.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.jenkins.plugins.optimizeddeploy.engine.errors.BadInputException;
import io.jenkins.plugins.optimizeddeploy.engine.errors.OperationFailedException;
import io.jenkins.plugins.optimizeddeploy.engine.findings.FailureThreshold;
import io.jenkins.plugins.optimizeddeploy.testsupport.FullDisk;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent side of hardenDockerfile, on a real workspace folder with the engine's rules. */
class HardenDockerfileOnAgentTest {

    private static final String RISKY = "FROM ubuntu:latest\nADD app.py /app/\nCMD python3 /app/app.py\n";
    private static final String CLEAN = "FROM busybox:1.36.1\nUSER 10001\n"
            + "HEALTHCHECK CMD [\"true\"]\nCMD [\"sh\"]\n";

    @TempDir
    Path workspace;

    @Test
    void shouldCountTheFindingsBySeverityAndFailOnTheThreshold() throws IOException {
        write("Dockerfile", RISKY);

        LintSummary summary = onAgent(List.of("Dockerfile"), FailureThreshold.WARNING, null, null, Map.of())
                .harden(workspace);

        Map<String, Object> returned = summary.toMap();
        assertThat(returned).containsOnlyKeys("error", "warning", "info", "style", "total", "failed")
                .containsEntry("failed", true);
        assertThat((int) returned.get("total")).isEqualTo((int) returned.get("error") + (int) returned.get("warning")
                + (int) returned.get("info") + (int) returned.get("style")).isPositive();
        assertThat((int) returned.get("warning")).isPositive();
        assertThat(summary.report()).contains("Dockerfile:1").contains("DL3007");
        assertThat(summary.line()).startsWith("hardenDockerfile: " + returned.get("total") + " finding(s) in Dockerfile (")
                .endsWith("), failing on warning");
        assertThat(summary.record().getStep()).isEqualTo("hardenDockerfile");
        assertThat(summary.record().getSubject()).isEqualTo("Dockerfile");
        assertThat(summary.record().getOutcome()).isEqualTo("failed on warning");
        assertThat(summary.record().getFigures()).containsOnlyKeys("error", "warning", "info", "style", "total")
                .containsEntry("total", ((Integer) returned.get("total")).longValue());
    }

    @Test
    void shouldPassWhenNoFindingReachesTheThreshold() throws IOException {
        write("Dockerfile", RISKY);

        LintSummary summary = onAgent(List.of("Dockerfile"), FailureThreshold.NONE, null, null, Map.of())
                .harden(workspace);

        assertThat(summary.failed()).isFalse();
        assertThat(summary.line()).endsWith("not failing on none");
    }

    @Test
    void shouldWriteSarifNamingEachFileAsGivenBeforeTheStepFails() throws IOException {
        write("web/Dockerfile", RISKY);
        write("worker/Dockerfile", CLEAN);

        LintSummary summary = onAgent(List.of("web/Dockerfile", "worker/Dockerfile"), FailureThreshold.STYLE,
                "reports/dockerfile.sarif", null, Map.of()).harden(workspace);

        assertThat(summary.failed()).isTrue();
        assertThat(summary.line()).contains("in web/Dockerfile, worker/Dockerfile").endsWith("; SARIF in reports/dockerfile.sarif");
        String sarif = Files.readString(workspace.resolve("reports/dockerfile.sarif"));
        assertThat(sarif).contains("\"version\"").contains("2.1.0").contains("web/Dockerfile").contains("DL3007")
                .doesNotContain(workspace.toString());
    }

    @Test
    void shouldTakeTheConfigurationFileAndHadolintVariablesOfTheBuild() throws IOException {
        write("Dockerfile", "FROM ubuntu:latest\n");
        write("ci/hadolint.yaml", "ignored:\n  - DL3007\n");

        LintSummary ignoredByFile = onAgent(List.of("Dockerfile"), null, null, "ci/hadolint.yaml", Map.of())
                .harden(workspace);
        LintSummary ignoredByVariable = onAgent(List.of("Dockerfile"), null, null, null,
                Map.of("HADOLINT_IGNORE", "DL3007", "PATH", "/usr/bin")).harden(workspace);
        LintSummary notIgnored = onAgent(List.of("Dockerfile"), null, null, null, Map.of())
                .harden(workspace);

        assertThat(ignoredByFile.report()).doesNotContain("DL3007");
        assertThat(ignoredByVariable.report()).doesNotContain("DL3007");
        assertThat(notIgnored.report()).contains("DL3007");
    }

    @Test
    void shouldReadTheWorkspacesHadolintYamlWhenNoConfigurationIsGiven() throws IOException {
        write("Dockerfile", "FROM ubuntu:latest\n");
        write(".hadolint.yaml", "ignored: [DL3007]\n");

        LintSummary summary = onAgent(List.of("Dockerfile"), null, null, null, Map.of()).harden(workspace);

        assertThat(summary.report()).doesNotContain("DL3007");
    }

    @Test
    void shouldFailWithOneLineNamingAMissingFile() {
        assertThatThrownBy(() -> onAgent(List.of("app/Dockerfile"), null, null, null, Map.of())
                .harden(workspace))
                .isInstanceOf(BadInputException.class)
                .satisfies(e -> assertThat(HardenDockerfileStep.userError((RuntimeException) e))
                        .isEqualTo("hardenDockerfile: the file 'app/Dockerfile' does not exist"));
    }

    @Test
    void shouldRefuseFilesOutsideTheWorkspace() throws IOException {
        write("Dockerfile", CLEAN);

        assertThatThrownBy(() -> onAgent(List.of("../Dockerfile"), null, null, null, Map.of())
                .harden(workspace))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("the file '../Dockerfile' is outside the workspace");
        assertThatThrownBy(() -> onAgent(List.of("Dockerfile"), null, "../out.sarif", null, Map.of())
                .harden(workspace))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("the sarif '../out.sarif' is outside the workspace");
    }

    @Test
    void shouldRefuseLinksLeadingOutOfTheWorkspaceWithoutShowingWhatTheyPointAt(@TempDir Path outside)
            throws IOException {
        Path credentials = Files.writeString(outside.resolve(".git-credentials"), "https://ci:s3cr3t-token@git.example.com\n");
        Path report = Files.writeString(outside.resolve("report.sarif"), "kept");
        Files.createSymbolicLink(workspace.resolve("Dockerfile"), credentials);
        write("app/Dockerfile", CLEAN);
        write("app/hadolint.yaml", "ignored: []\n");
        Files.createSymbolicLink(workspace.resolve("app/linked.Dockerfile"), Path.of("Dockerfile"));
        Files.createSymbolicLink(workspace.resolve("report.sarif"), report);
        Files.createSymbolicLink(workspace.resolve("reports"), outside);
        Files.createSymbolicLink(workspace.resolve("new.sarif"), outside.resolve("new.sarif"));
        Files.createSymbolicLink(workspace.resolve(".hadolint.yaml"), credentials);

        assertThat(outcome(List.of("Dockerfile"), false, null, "app/hadolint.yaml"))
                .isEqualTo("hardenDockerfile: the file 'Dockerfile' is outside the workspace " + workspace.toRealPath()
                        + ": a link leads out of it");
        assertThat(outcome(List.of("Dockerfile"), true, null, "app/hadolint.yaml")).contains("'Dockerfile' is outside");
        assertThat(outcome(List.of("app/linked.Dockerfile"), false, null, null))
                .isEqualTo("hardenDockerfile: the config '.hadolint.yaml' is outside the workspace "
                        + workspace.toRealPath() + ": a link leads out of it");
        assertThat(outcome(List.of("app/linked.Dockerfile"), false, "report.sarif", "app/hadolint.yaml"))
                .contains("the sarif 'report.sarif' is outside the workspace");
        assertThat(outcome(List.of("app/linked.Dockerfile"), false, "reports/dockerfile.sarif", "app/hadolint.yaml"))
                .contains("the sarif 'reports/dockerfile.sarif' is outside the workspace");
        assertThat(outcome(List.of("app/linked.Dockerfile"), false, "reports/new/dockerfile.sarif", "app/hadolint.yaml"))
                .contains("the sarif 'reports/new/dockerfile.sarif' is outside the workspace");
        assertThat(outcome(List.of("app/linked.Dockerfile"), false, "new.sarif", "app/hadolint.yaml"))
                .contains("the sarif 'new.sarif' is outside the workspace");
        assertThat(Files.readString(credentials)).startsWith("https://ci:s3cr3t-token@");
        assertThat(Files.readString(report)).isEqualTo("kept");
        try (var left = Files.list(outside)) {
            assertThat(left).containsExactlyInAnyOrder(credentials, report);
        }
        assertThat(new HardenDockerfileOnAgent(List.of("app/linked.Dockerfile"), false, null, "app/out.sarif",
                "app/hadolint.yaml", Map.of()).harden(workspace).failed()).as("links inside the workspace").isFalse();
        assertThat(workspace.resolve("app/out.sarif")).isRegularFile();
    }

    @Test
    void shouldReportADockerfileThatDoesNotParseAsOneErrorAndLintTheOtherFiles() throws IOException {
        write("Dockerfile", "FROM busybox\nCOPY --from\n");
        write("other/Dockerfile", RISKY);

        LintSummary summary = onAgent(List.of("Dockerfile", "other/Dockerfile"), FailureThreshold.ERROR, "out.sarif",
                null, Map.of()).harden(workspace);

        assertThat(summary.failed()).isTrue();
        assertThat(summary.report()).contains("Dockerfile:2:1 error DL1000 The Dockerfile does not parse",
                "other/Dockerfile:1:1 warning DL3007 ");
        assertThat(Files.readString(workspace.resolve("out.sarif"))).contains("\"DL1000\"");
        assertThat(onAgent(List.of("Dockerfile"), FailureThreshold.NONE, null, null, Map.of()).harden(workspace)
                .failed()).isFalse();
    }

    @Test
    void shouldEscapeTerminalControlCharactersOfADockerfileThatDoesNotParse() throws IOException {
        write("Dockerfile", "FROM busybox\nRUN\u001b]0;owned\u0007\u001b[2J true\n");

        LintSummary summary = onAgent(List.of("Dockerfile"), null, null, null, Map.of()).harden(workspace);

        // a word that is no keyword is not repeated in the message, control characters or not
        assertThat(summary.report()).contains("Dockerfile:2:1 error DL1000 ",
                "unknown instruction: a word that is not shown").doesNotContain("\u001b", "\u0007");
    }

    @Test
    void shouldFixInPlaceFirstAndLintWhatRemains() throws IOException {
        write("Dockerfile", RISKY);

        LintSummary summary = new HardenDockerfileOnAgent(List.of("Dockerfile"), true, FailureThreshold.ERROR, null,
                null, Map.of()).harden(workspace);

        String fixed = Files.readString(workspace.resolve("Dockerfile"));
        assertThat(fixed).startsWith("FROM ubuntu:latest\nCOPY ").contains("\nUSER ").doesNotContain("ADD app.py");
        assertThat(summary.toMap()).containsEntry("fixed", List.of("Dockerfile"));
        assertThat(summary.report()).contains("DL3007").doesNotContain("DL3020", "OD1001");
        assertThat(summary.line()).contains("; fixed in place first: Dockerfile");
    }

    @Test
    void shouldLeaveTheDockerfileWholeWhenTheFixRunsOutOfDiskSpace(@TempDir Path roomy) throws IOException {
        // Two 4 KiB pages of a tmpfs; the fixed text needs a third, which a full disk does not have.
        String original = "# " + "padding ".repeat(1010) + "\n" + RISKY;
        Files.writeString(roomy.resolve("Dockerfile"), original);
        new HardenDockerfileOnAgent(List.of("Dockerfile"), true, FailureThreshold.NONE, null, null, Map.of())
                .harden(roomy);
        assertThat(Files.size(roomy.resolve("Dockerfile"))).as("the fixed size").isGreaterThan(8192);
        try (FullDisk disk = FullDisk.mount()) {
            Path full = disk.path();
            Files.writeString(full.resolve("Dockerfile"), original);
            disk.fill();

            Throwable failure = catchThrowable(() -> new HardenDockerfileOnAgent(List.of("Dockerfile"), true,
                    FailureThreshold.NONE, null, null, Map.of()).harden(full));

            assertThat(Files.readString(full.resolve("Dockerfile"))).isEqualTo(original);
            assertThat(failure).as("an engine exception: one line, not a bug's stack trace")
                    .isInstanceOf(OperationFailedException.class)
                    .hasMessageStartingWith("the file 'Dockerfile' was not written: ")
                    .hasMessageContaining("No space left on device");
            try (var left = Files.list(full)) {
                assertThat(left).containsExactlyInAnyOrder(full.resolve("Dockerfile"), full.resolve(".filler"));
            }
        }
    }

    @Test
    void shouldLeaveTheFileAloneWithoutFix() throws IOException {
        write("Dockerfile", RISKY);

        LintSummary summary = onAgent(List.of("Dockerfile"), FailureThreshold.ERROR, null, null, Map.of())
                .harden(workspace);

        assertThat(Files.readString(workspace.resolve("Dockerfile"))).isEqualTo(RISKY);
        assertThat(summary.toMap()).doesNotContainKey("fixed");
        assertThat(summary.report()).contains("DL3020");
    }

    @Test
    void shouldSurviveTheTripToTheAgentAndBack() throws IOException, ClassNotFoundException {
        write("Dockerfile", RISKY);

        HardenDockerfileOnAgent sent = JavaSerialization.roundTrip(
                onAgent(List.of("Dockerfile"), FailureThreshold.ERROR, null, null, Map.of("HADOLINT_IGNORE", "DL3020")));
        LintSummary returned = JavaSerialization.roundTrip(sent.harden(workspace));

        assertThat(returned.report()).contains("DL3007").doesNotContain("DL3020");
        assertThat(returned.toMap()).containsKey("total");
    }

    /** The build log's line when the step fails, or "passed". */
    private String outcome(List<String> files, boolean fix, String sarif, String config) {
        try {
            new HardenDockerfileOnAgent(files, fix, null, sarif, config, Map.of()).harden(workspace);
            return "passed";
        } catch (BadInputException e) {
            return HardenDockerfileStep.userError(e);
        }
    }

    private HardenDockerfileOnAgent onAgent(List<String> files, FailureThreshold threshold, String sarif,
            String config, Map<String, String> environment) {
        return new HardenDockerfileOnAgent(files, false, threshold, sarif, config, environment);
    }

    private void write(String name, String text) throws IOException {
        Path file = workspace.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
