package io.jenkins.plugins.optimizeddeploy.engine.lint;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.DockerfileParser;
import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Instruction;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ShellScriptTest {

    @Test
    void shouldSplitCommandsAtOperatorsOutsideQuotes() {
        ShellScript script = ShellScript.parse("apt-get update && apt-get install -y 'a b' || echo \"x && y\"; ls | wc -l & true");

        assertThat(script.commands()).extracting(ShellCommand::name)
                .containsExactly("apt-get", "apt-get", "echo", "ls", "wc", "true");
        assertThat(script.commands().get(1).arguments()).containsExactly("install", "-y", "a b");
        assertThat(script.commands().get(2).arguments()).containsExactly("x && y");
        assertThat(script.commands()).extracting(ShellCommand::pipedFromPrevious)
                .containsExactly(false, false, false, false, true, false);
    }

    @Test
    void shouldSkipAssignmentsBlockWordsAndComments() {
        ShellScript script = ShellScript.parse(
                "DEBIAN_FRONTEND=noninteractive /usr/bin/apt-get install -y x # a comment | sh\n"
                        + "if [ -f a ]; then rm -rf /tmp/a; fi");

        assertThat(script.commands()).extracting(ShellCommand::name).containsExactly("apt-get", "[", "rm");
        assertThat(script.hasPipe()).isFalse();
    }

    @Test
    void shouldKeepSubstitutionsAndRedirectionsInsideWords() {
        ShellScript script = ShellScript.parse("echo $(cat a | grep b) `date | cut -c1` 2>&1 && make &> log");

        assertThat(script.commands()).extracting(ShellCommand::name).containsExactly("echo", "make");
        assertThat(script.hasPipe()).isFalse();
    }

    @Test
    void shouldContinuePipesAcrossLineContinuations() {
        ShellScript script = ShellScript.parse("curl -fsSL x |\\\n  sh");

        assertThat(script.commands()).extracting(ShellCommand::name).containsExactly("curl", "sh");
        assertThat(script.commands().get(1).pipedFromPrevious()).isTrue();
    }

    @Test
    void shouldReadExecFormAndHeredocRuns() {
        List<Instruction> instructions = DockerfileParser.parse(
                "FROM a:1\nRUN [\"/usr/bin/apk\", \"add\", \"curl\"]\nRUN <<EOF\napt-get update\nrm -rf /x\nEOF\n")
                .instructions();

        assertThat(ShellScript.of(instructions.get(1)).commands())
                .containsExactly(new ShellCommand("apk", List.of("add", "curl"), false));
        assertThat(ShellScript.of(instructions.get(2)).commands()).extracting(ShellCommand::name)
                .contains("apt-get", "rm");
    }

    @Test
    void shouldFindOptionsInGroupsAndOperandsAfterTheSubcommand() {
        ShellCommand command = ShellScript.parse("apt-get -qy -o Dpkg::Options::=--force-confnew install --yes=1 curl git=1")
                .commands().get(0);

        assertThat(command.hasOption("-y")).isTrue();
        assertThat(command.hasOption("-x")).isFalse();
        assertThat(command.hasOption("--yes")).isTrue();
        assertThat(command.isInvocation("apt-get", "install")).isFalse();
        assertThat(command.operandsAfter("install", Set.of("-o"))).containsExactly("curl", "git=1");
    }

    @Test
    void shouldReadFlagsAndWordsAsHadolintDoes() {
        ShellCommand command = ShellScript.parse("apt-get -qq -t bookworm --quiet=2 -o A::B=1 install -- - curl")
                .commands().get(0);

        assertThat(command.countFlag("t")).isEqualTo(1);
        assertThat(command.countFlag("quiet")).isEqualTo(1);
        assertThat(command.countFlag("q")).isEqualTo(2);
        assertThat(command.hasAnyFlag("quiet", "y")).isTrue();
        assertThat(command.hasAnyFlag("y")).isFalse();
        assertThat(command.isAnyOf(Set.of("apt-get", "apt"), "update", "install")).isTrue();
        assertThat(command.isAnyOf(Set.of("apt"), "install")).isFalse();
        assertThat(command.wordsWithoutFlags(Set.of("t"))).containsExactly("A::B=1", "install", "--", "-", "curl");
    }

    @Test
    void shouldNotTakeTheBarsOfCasePatternsForPipes() {
        ShellScript script = ShellScript.parse("case \"$arch\" in amd64 | i386) flags=a ;; arm64|'arm 64') make ;; esac;"
                + " apk add x");

        assertThat(script.hasPipe()).isFalse();
        assertThat(script.commands()).extracting(ShellCommand::name).containsExactly("make", "apk");
    }

    @Test
    void shouldKeepQuotedParenthesesInsideCommandSubstitutions() {
        ShellScript script = ShellScript.parse(
                "deps=\"$(scanelf x | awk 'system(\"[ -e \" $1 \" ]\") == 0 { next }')\"; apk add $deps");

        assertThat(script.commands()).extracting(ShellCommand::name).containsExactly("apk");
        assertThat(script.hasPipe()).isFalse();
    }
}
