package io.jenkins.plugins.optimizeddeploy.engine.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Dockerfile;
import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.DockerfileParser;
import io.jenkins.plugins.optimizeddeploy.engine.lint.AnalyzedDockerfile;
import io.jenkins.plugins.optimizeddeploy.engine.lint.LintConfiguration;
import io.jenkins.plugins.optimizeddeploy.engine.lint.Rule;
import io.jenkins.plugins.optimizeddeploy.engine.lint.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The linter hands one {@link AnalyzedDockerfile} to every rule; whatever order the rules run in and whatever the
 * rules before asked of it, each rule finds exactly what it finds alone on a fresh analysis.
 */
class SharedAnalysisTest {
    private static final List<Rule> RULES =
            RuleRegistry.rules(LintConfiguration.defaults().trusting(RuleExamples.TRUSTED_REGISTRIES));

    static Stream<String> dockerfiles() {
        return RuleExamples.ALL.stream()
                .flatMap(example -> Stream.concat(example.flags().stream(), example.doesNotFlag().stream()));
    }

    @ParameterizedTest
    @MethodSource("dockerfiles")
    void shouldFindWithASharedAnalysisWhatEachRuleFindsAlone(String text) {
        Dockerfile dockerfile = DockerfileParser.parse(text + "\n");
        AnalyzedDockerfile shared = new AnalyzedDockerfile(dockerfile);

        List<List<Violation>> forwards = RULES.stream().map(rule -> rule.check(shared)).toList();
        List<List<Violation>> backwards = new ArrayList<>();
        for (int i = RULES.size() - 1; i >= 0; i--) {
            backwards.add(0, RULES.get(i).check(shared));
        }
        List<List<Violation>> alone =
                RULES.stream().map(rule -> rule.check(new AnalyzedDockerfile(dockerfile))).toList();

        assertThat(forwards).as(text).isEqualTo(alone);
        assertThat(backwards).as(text).isEqualTo(alone);
    }

    @ParameterizedTest
    @MethodSource("dockerfiles")
    void shouldFindNothingWithARuleWhoseProgramsNoRunRuns(String text) {
        AnalyzedDockerfile analyzed = new AnalyzedDockerfile(DockerfileParser.parse(text + "\n"));

        List<String> skippedButFinding = RULES.stream()
                .filter(rule -> !rule.programs().isEmpty() && !analyzed.runsAnyOf(rule.programs()))
                .filter(rule -> !rule.check(analyzed).isEmpty())
                .map(Rule::id)
                .toList();

        assertThat(skippedButFinding).as("rules the linter skips on %s but that find something there", text).isEmpty();
    }
}
