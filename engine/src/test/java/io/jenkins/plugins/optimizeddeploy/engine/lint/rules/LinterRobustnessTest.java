package io.jenkins.plugins.optimizeddeploy.engine.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Dockerfile;
import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.DockerfileParseException;
import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.DockerfileParser;
import io.jenkins.plugins.optimizeddeploy.engine.findings.Finding;
import io.jenkins.plugins.optimizeddeploy.engine.findings.Severity;
import io.jenkins.plugins.optimizeddeploy.engine.lint.LintConfiguration;
import io.jenkins.plugins.optimizeddeploy.engine.lint.Linter;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * No Dockerfile that parses makes a rule fail: Dockerfiles stitched together from the lines of every rule example,
 * with shell and Dockerfile tokens thrown in, lint without an exception and every finding points into the file.
 */
class LinterRobustnessTest {
    private static final List<String> LINES = RuleExamples.ALL.stream()
            .flatMap(example -> Stream.concat(example.flags().stream(), example.doesNotFlag().stream()))
            .flatMap(dockerfile -> dockerfile.lines())
            .distinct()
            .toList();
    private static final List<String> TOKENS = List.of(" ", " |", " | sh", " &&", ";", " ;;", " )", " (", " '",
            " \"", " $(", " `", " \\", " --", " -", " =", " :", " #", " case x in", " esac", " <<EOF", " @", " /");
    private static final LintConfiguration EVERYTHING = LintConfiguration.defaults()
            .trusting(List.of("docker.io")).overriding(Map.of("DL3057", Severity.INFO));
    private static final Linter LINTER = new Linter(RuleRegistry.rules(EVERYTHING), EVERYTHING);

    @Property(tries = 3000)
    void shouldLintEveryDockerfileThatParses(@ForAll("stitchedDockerfiles") String text) {
        Dockerfile dockerfile;
        try {
            dockerfile = DockerfileParser.parse(text);
        } catch (DockerfileParseException notADockerfile) {
            return;
        }

        List<Finding> findings = LINTER.lint(dockerfile);

        long lines = text.lines().count();
        assertThat(findings).allSatisfy(finding -> {
            assertThat(finding.line()).isBetween(1, (int) lines);
            assertThat(finding.column()).isPositive();
        });
    }

    @Provide
    Arbitrary<String> stitchedDockerfiles() {
        Arbitrary<String> line = Arbitraries.of(LINES).flatMap(base -> Arbitraries.of(TOKENS).list().ofMaxSize(3)
                .map(tokens -> base + String.join("", tokens)));
        return line.list().ofMinSize(1).ofMaxSize(10).map(lines -> "FROM a:1\n" + String.join("\n", lines) + "\n");
    }
}
