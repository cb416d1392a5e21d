package io.jenkins.plugins.optimizeddeploy.engine.lint;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.DockerfileParser;
import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Instruction;
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
}
