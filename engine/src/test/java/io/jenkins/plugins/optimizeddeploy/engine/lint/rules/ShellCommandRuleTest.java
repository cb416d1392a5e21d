package io.jenkins.plugins.optimizeddeploy.engine.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.DockerfileParser;
import io.jenkins.plugins.optimizeddeploy.engine.lint.AnalyzedDockerfile;
import io.jenkins.plugins.optimizeddeploy.engine.lint.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShellCommandRuleTest {

    @Test
    void shouldReportOneViolationPerRunNamingEveryOffendingCommand() {
        AnalyzedDockerfile analyzed = new AnalyzedDockerfile(DockerfileParser.parse(
                "FROM a:1\nRUN apt-get install -y curl && apt-get install -y git curl=1 && apt-get install -y curl\n"));

        List<Violation> violations = new PinAptGetVersions().check(analyzed);

        assertThat(violations).singleElement().extracting(Violation::detail).isEqualTo("curl; git");
    }

    @Test
    void shouldCheckTheRunTriggersOfOnbuildAtTheOnbuildLine() {
        AnalyzedDockerfile analyzed = new AnalyzedDockerfile(DockerfileParser.parse(
                "FROM a:1\nONBUILD RUN sudo make install\nONBUILD COPY . /src\n"));

        List<Violation> violations = new NoSudo().check(analyzed);

        assertThat(violations).singleElement().extracting(violation -> violation.instruction().startLine())
                .isEqualTo(2);
    }
}
