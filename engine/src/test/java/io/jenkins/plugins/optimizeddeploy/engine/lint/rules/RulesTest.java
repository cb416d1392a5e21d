package io.jenkins.plugins.optimizeddeploy.engine.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.DockerfileParser;
import io.jenkins.plugins.optimizeddeploy.engine.lint.AnalyzedDockerfile;
import io.jenkins.plugins.optimizeddeploy.engine.lint.LintConfiguration;
import io.jenkins.plugins.optimizeddeploy.engine.lint.Rule;
import io.jenkins.plugins.optimizeddeploy.engine.lint.Violation;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every rule against its "flags" and "does not flag" one-liners from {@link RuleExamples}. */
class RulesTest {
    private static final List<Rule> RULES =
            RuleRegistry.rules(LintConfiguration.defaults().trusting(RuleExamples.TRUSTED_REGISTRIES)
                    .requiringLabels(RuleExamples.LABEL_SCHEMA).withStrictLabels(true));

    static Stream<Arguments> flagged() {
        return RuleExamples.ALL.stream().flatMap(example -> example.flags().stream()
                .map(dockerfile -> Arguments.of(example.ruleId(), dockerfile)));
    }

    static Stream<Arguments> notFlagged() {
        return RuleExamples.ALL.stream().flatMap(example -> example.doesNotFlag().stream()
                .map(dockerfile -> Arguments.of(example.ruleId(), dockerfile)));
    }

    @ParameterizedTest(name = "{0} flags {1}")
    @MethodSource("flagged")
    void shouldFlag(String ruleId, String dockerfile) {
        assertThat(violations(ruleId, dockerfile)).as("%s on%n%s", ruleId, dockerfile).isNotEmpty();
    }

    @ParameterizedTest(name = "{0} does not flag {1}")
    @MethodSource("notFlagged")
    void shouldNotFlag(String ruleId, String dockerfile) {
        assertThat(violations(ruleId, dockerfile)).as("%s on%n%s", ruleId, dockerfile).isEmpty();
    }

    private static List<Violation> violations(String ruleId, String dockerfile) {
        Rule rule = RULES.stream().filter(candidate -> candidate.id().equals(ruleId)).findFirst()
                .orElseThrow(() -> new AssertionError("No rule " + ruleId + " in the registry"));
        return rule.check(new AnalyzedDockerfile(DockerfileParser.parse(dockerfile + "\n")));
    }
}
