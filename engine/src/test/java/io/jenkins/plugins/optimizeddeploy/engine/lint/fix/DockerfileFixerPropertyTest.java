package io.jenkins.plugins.optimizeddeploy.engine.lint.fix;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Dockerfile;
import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.DockerfileParseException;
import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.DockerfileParser;
import io.jenkins.plugins.optimizeddeploy.engine.findings.Finding;
import io.jenkins.plugins.optimizeddeploy.engine.lint.LintConfiguration;
import io.jenkins.plugins.optimizeddeploy.engine.lint.rules.RuleRegistry;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Dockerfiles stitched from the lines of the fixer's examples and a few more: whatever parses, fixes into a text that
 * parses, re-lints without a finding of a rule that was fixed, and fixes into itself a second time.
 */
class DockerfileFixerPropertyTest {
    private static final List<String> LINES = Stream.concat(DockerfileFixerTest.samples(), Stream.of(
                    "FROM debian:12.5 AS build", "FROM build", "FROM alpine:3.20 AS runtime", "FROM runtime",
                    "USER root", "USER app", "EXPOSE 8080/udp", "EXPOSE ${PORT}", "HEALTHCHECK NONE",
                    "CMD app \\\n  --flag", "ADD https://example.com/a.txt /a", "# comment", "  CMD run it",
                    "COPY --from=build /out /app", "ONBUILD ADD x /y", "ENTRYPOINT [\"run\"]"))
            .flatMap(String::lines).distinct().toList();
    private static final DockerfileFixer FIXER =
            new DockerfileFixer(LintConfiguration.defaults(), FixOptions.defaults());

    @Property(tries = 1500)
    void shouldFixIntoAParsingCleanAndStableText(@ForAll("stitchedDockerfiles") String text) {
        Dockerfile dockerfile;
        try {
            dockerfile = DockerfileParser.parse(text);
        } catch (DockerfileParseException notADockerfile) {
            return;
        }

        FixResult once = FIXER.fix(dockerfile);
        Dockerfile fixed = DockerfileParser.parse(once.text());
        FixResult twice = FIXER.fix(fixed);

        List<String> fixedRules = once.fixed().stream().map(FixNote::rule).toList();
        assertThat(RuleRegistry.linter(LintConfiguration.defaults()).lint(fixed))
                .filteredOn(finding -> fixedRules.contains(finding.rule()))
                .as("findings of fixed rules not left with a reason in %s", once.text())
                .allMatch(finding -> once.left().stream().anyMatch(note -> note.rule().equals(finding.rule())
                        && note.line() == finding.line()));
        assertThat(twice.text()).isEqualTo(once.text());
    }

    @Provide
    Arbitrary<String> stitchedDockerfiles() {
        return Arbitraries.of(LINES).list().ofMinSize(1).ofMaxSize(10)
                .map(lines -> String.join("\n", lines) + "\n");
    }
}
