package io.jenkins.plugins.optimizeddeploy.engine.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.DockerfileParser;
import io.jenkins.plugins.optimizeddeploy.engine.lint.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShellCommandRuleTest {

    @Test
    void shouldReportOneViolationPerRunNamingEveryOffendingCommand() {
        List<Violation> violations = new PinAptGetVersions().check(DockerfileParser.parse(
                "FROM a:1\nRUN apt-get install -y curl && apt-get install -y git curl=1 && apt-get install -y curl\n"));

        assertThat(violations).singleElement().extracting(Violation::detail).isEqualTo("curl; git");
    }

    @Test
    void shouldCheckTheRunTriggersOfOnbuildAtTheOnbuildLine() {
        List<Violation> violations = new NoSudo().check(DockerfileParser.parse(
                "FROM a:1\nONBUILD RUN sudo make install\nONBUILD COPY . /src\n"));

        assertThat(violations).singleElement().extracting(violation -> violation.instruction().startLine())
                .isEqualTo(2);
    }
}
