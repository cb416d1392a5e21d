package io.jenkins.plugins.optimizeddeploy.engine.lint.rules;

import io.jenkins.plugins.optimizeddeploy.engine.findings.Severity;
import io.jenkins.plugins.optimizeddeploy.engine.lint.AnalyzedDockerfile;
import io.jenkins.plugins.optimizeddeploy.engine.lint.ShellCommand;
import io.jenkins.plugins.optimizeddeploy.engine.lint.Violation;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A package manager whose install leaves a cache in the layer unless the same RUN cleans it afterwards, judged as
 * hadolint judges it: for each of the programs, the first command installing with it must come before the first
 * command cleaning (that program's {@code clean} words, or an {@code rm} with one of the listed words); a cache or
 * tmpfs mount whose target contains one of the cache folders is fine.
 */
abstract class CleanAfterInstallRule extends DockerfileRule {
    private final Set<String> programs;
    private final String[] installWords;
    private final String[] cleanWords;
    private final String[] removeWords;
    private final List<String> cacheFolders;

    /** The words are those any of which marks the command, wherever they stand ({@code dnf -y in}). */
    CleanAfterInstallRule(String id, String message, Set<String> programs, List<String> installWords,
            List<String> cleanWords, List<String> removeWords, List<String> cacheFolders) {
        super(id, Severity.WARNING, message);
        this.programs = Set.copyOf(programs);
        this.installWords = installWords.toArray(String[]::new);
        this.cleanWords = cleanWords.toArray(String[]::new);
        this.removeWords = removeWords.toArray(String[]::new);
        this.cacheFolders = List.copyOf(cacheFolders);
    }

    @Override
    public final Set<String> programs() {
        return programs;
    }

    @Override
    public final List<Violation> check(AnalyzedDockerfile analyzed) {
        return analyzed.runs().stream()
                .filter(run -> cacheFolders.stream().noneMatch(folder -> StageScope.hasCacheMountWith(run, folder)))
                .filter(run -> programs.stream().anyMatch(program -> leavesCache(analyzed.script(run).commands(),
                        program)))
                .map(Violation::at)
                .toList();
    }

    private boolean leavesCache(List<ShellCommand> commands, String program) {
        Set<String> only = Set.of(program);
        int install = firstIndex(commands, command -> command.isAnyOf(only, installWords));
        int clean = firstIndex(commands, command -> command.isAnyOf(only, cleanWords)
                || removeWords.length > 0 && command.isAnyOf(Set.of("rm"), removeWords));
        return install >= 0 && (clean < 0 || clean < install);
    }

    static int firstIndex(List<ShellCommand> commands, Predicate<ShellCommand> test) {
        for (int i = 0; i < commands.size(); i++) {
            if (test.test(commands.get(i))) {
                return i;
            }
        }
        return -1;
    }
}
