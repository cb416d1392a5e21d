package io.jenkins.plugins.optimizeddeploy.engine.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Dockerfile;
import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.DockerfileParser;
import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Instruction;
import io.jenkins.plugins.optimizeddeploy.engine.findings.FailureThreshold;
import io.jenkins.plugins.optimizeddeploy.engine.findings.Finding;
import io.jenkins.plugins.optimizeddeploy.engine.findings.LintReport;
import io.jenkins.plugins.optimizeddeploy.engine.findings.RuleDescription;
import io.jenkins.plugins.optimizeddeploy.engine.findings.Severity;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class LinterTest {
    /** A rule that flags every RUN, so that these tests see only what the linter itself does. */
    private static final Rule EVERY_RUN = new TestRule("XX0001", Severity.WARNING, true);
    private static final Rule OFF_BY_DEFAULT = new TestRule("XX0002", Severity.INFO, false);

    private static final String RUNN_EXPECTED = " (expected one of ADD, ARG, CMD, COPY, ENTRYPOINT, ENV, EXPOSE, FROM,"
            + " HEALTHCHECK, LABEL, MAINTAINER, ONBUILD, RUN, SHELL, STOPSIGNAL, USER, VOLUME, WORKDIR)";
    private static final String DOCKERFILE = "FROM a:1\n"
            + "# hadolint ignore=XX0001\n"
            + "RUN first\n"
            + "  RUN second \\\n"
            + "    continued\n";

    @Test
    void shouldReportFileLineColumnSeverityMessageAndExcerpt() {
        List<Finding> findings = lint(LintConfiguration.defaults(), "FROM a:1\n  RUN second \\\n    continued\n");

        assertThat(findings).containsExactly(new Finding("XX0001", Severity.WARNING, "Runs something. (second)",
                "path/Dockerfile", 2, 3, "  RUN second \\"));
    }

    @Test
    void shouldQuoteLinesWithoutByteOrderMarkAndLineTerminators() {
        List<Finding> findings = lint(LintConfiguration.defaults(), "\uFEFFFROM a:1\r\nRUN one\r\nRUN two\r\n");

        assertThat(findings).extracting(Finding::excerpt).containsExactly("RUN one", "RUN two");
    }

    @Test
    void shouldHonourIgnorePragmasOnTheNextInstructionOnly() {
        assertThat(lint(LintConfiguration.defaults(), DOCKERFILE)).extracting(Finding::line).containsExactly(4);
    }

    @Test
    void shouldHonourGlobalIgnorePragmasAndSeveralIdsInOnePragma() {
        String dockerfile = "# hadolint global ignore=XX0001\nFROM a:1\n# hadolint ignore=DL3008, XX0001\nRUN a\nRUN b\n";

        assertThat(lint(LintConfiguration.defaults(), dockerfile)).isEmpty();
    }

    @Test
    void shouldDisregardPragmasWhenTheConfigurationSaysSo() {
        LintConfiguration configuration = LintConfigurationFile.parse(".hadolint.yaml", "disable-ignore-pragma: true\n");

        assertThat(lint(configuration, DOCKERFILE)).extracting(Finding::line).containsExactly(3, 4);
    }

    @Test
    void shouldLeaveOutIgnoredRules() {
        assertThat(lint(LintConfiguration.defaults().ignoring(Set.of("XX0001")), DOCKERFILE)).isEmpty();
    }

    @Test
    void shouldOverrideSeveritiesAndEnableRulesThatAreOffByDefault() {
        LintConfiguration configuration = LintConfiguration.defaults()
                .overriding(Map.of("XX0001", Severity.ERROR, "XX0002", Severity.STYLE));

        List<Finding> findings = lint(configuration, "FROM a:1\nRUN a\n");

        assertThat(findings).extracting(Finding::rule, Finding::severity)
                .containsExactly(tuple("XX0001", Severity.ERROR),
                        tuple("XX0002", Severity.STYLE));
        assertThat(lint(LintConfiguration.defaults(), "FROM a:1\nRUN a\n")).extracting(Finding::rule)
                .containsExactly("XX0001");
    }

    @Test
    void shouldFailWhenAFindingReachesTheThreshold() {
        Dockerfile dockerfile = DockerfileParser.parse("Dockerfile", "FROM a:1\nRUN a\n");

        assertThat(report(FailureThreshold.ERROR, dockerfile).failed()).isFalse();
        assertThat(report(FailureThreshold.WARNING, dockerfile).failed()).isTrue();
        assertThat(report(FailureThreshold.STYLE, dockerfile).failed()).isTrue();
        assertThat(report(FailureThreshold.NONE, dockerfile).failed()).isFalse();
        assertThat(report(FailureThreshold.WARNING, dockerfile).countsBySeverity())
                .isEqualTo(Map.of(Severity.ERROR, 0, Severity.WARNING, 1, Severity.INFO, 0,
                        Severity.STYLE, 0));
    }

    @Test
    void shouldReportADockerfileThatDoesNotParseAsOneErrorAndStillLintTheOthers() {
        Linter linter = new Linter(List.of(EVERY_RUN), LintConfiguration.defaults().ignoring(Set.of("DL1000"))
                .withFailureThreshold(FailureThreshold.ERROR));

        List<Finding> findings = new ArrayList<>(linter.lint("bad/Dockerfile", "FROM a:1\nRUNN x token=ghp_"
                + "a".repeat(36) + "\nRUN y\n", UnaryOperator.identity()));
        findings.addAll(linter.lint("good/Dockerfile", "FROM a:1\nRUN z\n", UnaryOperator.identity()));
        LintReport report = linter.report(findings);

        assertThat(report.findings()).containsExactly(
                new Finding("DL1000", Severity.ERROR, "The Dockerfile does not parse: unknown instruction: RUNN"
                        + RUNN_EXPECTED + "; nothing else in it is checked.", "bad/Dockerfile", 2, 1, ""),
                new Finding("XX0001", Severity.WARNING, "Runs something. (z)", "good/Dockerfile", 2, 1, "RUN z"));
        assertThat(report.failed()).isTrue();
        assertThat(report.rules()).extracting(RuleDescription::id).containsExactly("DL1000", "XX0001");
        assertThat(new Linter(List.of(EVERY_RUN), LintConfiguration.defaults()
                .withFailureThreshold(FailureThreshold.NONE)).report(findings).failed()).isFalse();
    }

    @Test
    void shouldLintTheDockerfileThePreparationReturns() {
        Linter linter = new Linter(List.of(EVERY_RUN), LintConfiguration.defaults());

        List<Finding> findings = linter.lint("Dockerfile", "FROM a:1\nRUN y\n",
                parsed -> DockerfileParser.parse(parsed.source(), "FROM a:1\nRUN prepared\n"));

        assertThat(findings).extracting(Finding::message).containsExactly("Runs something. (prepared)");
        assertThat(linter.report(findings).rules()).extracting(RuleDescription::id).containsExactly("XX0001");
    }

    @Test
    void shouldNotAskARuleWhoseProgramsNoRunRuns() {
        Linter linter = new Linter(List.of(new ProgramRule(Set.of("apk"))), LintConfiguration.defaults());

        assertThat(linter.lint(DockerfileParser.parse("FROM a:1\nRUN apt-get update\n"))).isEmpty();
        assertThat(linter.lint(DockerfileParser.parse("FROM a:1\nRUN apt-get update\nRUN apk add x\n")))
                .extracting(Finding::line).containsExactly(2, 3);
    }

    private static LintReport report(FailureThreshold threshold, Dockerfile dockerfile) {
        return new Linter(List.of(EVERY_RUN, OFF_BY_DEFAULT), LintConfiguration.defaults().withFailureThreshold(threshold))
                .lint(List.of(dockerfile));
    }

    private static List<Finding> lint(LintConfiguration configuration, String text) {
        return new Linter(List.of(EVERY_RUN, OFF_BY_DEFAULT), configuration)
                .lint(DockerfileParser.parse("path/Dockerfile", text));
    }

    private record TestRule(String id, Severity defaultSeverity, boolean enabledByDefault) implements Rule {
        @Override
        public String message() {
            return "Runs something.";
        }

        @Override
        public URI documentation() {
            return URI.create("https://example.com/" + id);
        }

        @Override
        public List<Violation> check(AnalyzedDockerfile analyzed) {
            return analyzed.dockerfile().instructions().stream()
                    .filter(instruction -> instruction.keyword().equals("run"))
                    .map(run -> enabledByDefault ? new Violation(run, firstWord(run)) : Violation.at(run))
                    .toList();
        }

        private static String firstWord(Instruction run) {
            return run.args().get(0).split(" ")[0];
        }
    }

    /** Flags every RUN, but says it is about some programs only: the linter asks it where they run. */
    private record ProgramRule(Set<String> programs) implements Rule {
        @Override
        public String id() {
            return "XX0003";
        }

        @Override
        public Severity defaultSeverity() {
            return Severity.INFO;
        }

        @Override
        public String message() {
            return "Runs something.";
        }

        @Override
        public URI documentation() {
            return URI.create("https://example.com/XX0003");
        }

        @Override
        public List<Violation> check(AnalyzedDockerfile analyzed) {
            return analyzed.runs().stream().map(Violation::at).toList();
        }
    }
}
