package io.jenkins.plugins.optimizeddeploy.engine.lint;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.DockerfileParser;
import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Instruction;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AnalyzedDockerfileTest {

    @Test
    void shouldListEveryRunWithTheRunTriggersOfOnbuild() {
        AnalyzedDockerfile analyzed = new AnalyzedDockerfile(DockerfileParser.parse(
                "FROM a:1\nRUN one\nONBUILD RUN two\nONBUILD COPY . /src\nCOPY x /x\nrun three\n"));

        assertThat(analyzed.runs()).extracting(Instruction::startLine).containsExactly(2, 3, 6);
        assertThat(analyzed.runs()).extracting(Instruction::keyword).containsOnly("run");
    }

    @Test
    void shouldSplitEachScriptOnceAndAsShellScriptDoes() {
        AnalyzedDockerfile analyzed = new AnalyzedDockerfile(DockerfileParser.parse(
                "FROM a:1\nRUN apt-get update && apt-get install -y curl | tee log\nRUN [\"/bin/echo\", \"hi\"]\n"));

        for (Instruction run : analyzed.runs()) {
            ShellScript first = analyzed.script(run);

            assertThat(analyzed.script(run)).isSameAs(first);
            assertThat(first).isEqualTo(ShellScript.of(run));
        }
    }

    @Test
    void shouldTellWhetherAnyRunRunsOneOfThePrograms() {
        AnalyzedDockerfile analyzed = new AnalyzedDockerfile(DockerfileParser.parse(
                "FROM a:1\nRUN /usr/bin/apt-get update | tee log\nONBUILD RUN yum install -y x\nCMD wget x\n"));

        assertThat(analyzed.runsAnyOf(Set.of("apt-get", "apk"))).isTrue();
        assertThat(analyzed.runsAnyOf(Set.of("tee"))).isTrue();
        assertThat(analyzed.runsAnyOf(Set.of("yum"))).isTrue();
        assertThat(analyzed.runsAnyOf(Set.of("wget", "apk"))).isFalse();
        assertThat(analyzed.runsAnyOf(Set.of())).isFalse();
    }

    @Test
    void shouldListTheInstructionsOfAKeywordInOrderWithoutOnbuildTriggers() {
        AnalyzedDockerfile analyzed = new AnalyzedDockerfile(DockerfileParser.parse(
                "FROM a:1 AS build\nCOPY a /a\nONBUILD COPY . /src\nFROM b:2\ncopy b /b\nLABEL x=y\n"));

        assertThat(analyzed.instructions("copy")).extracting(Instruction::startLine).containsExactly(2, 5);
        assertThat(analyzed.instructions("onbuild")).extracting(Instruction::startLine).containsExactly(3);
        assertThat(analyzed.instructions("from")).hasSize(2);
        assertThat(analyzed.instructions("expose")).isEmpty();
    }
}
