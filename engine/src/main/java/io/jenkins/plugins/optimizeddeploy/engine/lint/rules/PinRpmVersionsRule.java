package io.jenkins.plugins.optimizeddeploy.engine.lint.rules;

import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Dockerfile;
import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Instruction;
import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.KeyValuePair;
import io.jenkins.plugins.optimizeddeploy.engine.lint.AnalyzedDockerfile;
import io.jenkins.plugins.optimizeddeploy.engine.findings.Severity;
import io.jenkins.plugins.optimizeddeploy.engine.lint.ShellCommand;
import io.jenkins.plugins.optimizeddeploy.engine.lint.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * An rpm package manager's install without versions ({@code httpd} instead of {@code httpd-2.4.57}), read as hadolint
 * reads it: a package is pinned when what follows its first dash is version-like (only letters, digits and
 * {@code .~^_:+}, one part starting with a digit), when it is an {@code .rpm} file, or when it uses a variable an
 * ENV of its stage or any earlier ARG defines; a module ({@code module install nodejs:18}) needs a stream.
 */
abstract class PinRpmVersionsRule extends DockerfileRule {
    private static final Pattern VERSION_PART = Pattern.compile("[0-9A-Za-z.~^_:+]*");
    private final Set<String> programs;
    private final String[] notPackageCommands;

    /** {@code notPackageCommands}: words that make an install command no package install ({@code group}). */
    PinRpmVersionsRule(String id, String message, Set<String> programs, List<String> notPackageCommands) {
        super(id, Severity.WARNING, message);
        this.programs = Set.copyOf(programs);
        this.notPackageCommands = notPackageCommands.toArray(String[]::new);
    }

    @Override
    public final Set<String> programs() {
        return programs;
    }

    @Override
    public final List<Violation> check(AnalyzedDockerfile analyzed) {
        List<Violation> violations = new ArrayList<>();
        for (Instruction run : analyzed.runs()) {
            List<String> unpinned = new ArrayList<>();
            for (ShellCommand command : analyzed.script(run).commands()) {
                if (!command.isAnyOf(programs, "install")) {
                    continue;
                }
                boolean module = command.hasAnyArgument("module");
                if (!module && command.hasAnyArgument(notPackageCommands)) {
                    continue;
                }
                command.wordsWithoutFlags(Set.of()).stream()
                        .filter(word -> !word.equals("install") && !word.equals("module"))
                        .filter(word -> module ? !word.contains(":") : !isPinned(analyzed.dockerfile(), run, word))
                        .forEach(unpinned::add);
            }
            if (!unpinned.isEmpty()) {
                violations.add(new Violation(run, String.join(", ", unpinned)));
            }
        }
        return violations;
    }

    private static boolean isPinned(Dockerfile dockerfile, Instruction run, String name) {
        String[] parts = name.split("-", -1);
        if (parts.length <= 1) {
            return false;
        }
        if (name.endsWith(".rpm")) {
            return true;
        }
        if (name.contains("$")) {
            return variablesBefore(dockerfile, run).anyMatch(variable -> usesVariable(name, variable));
        }
        boolean startsWithDigit = false;
        for (int i = 1; i < parts.length; i++) {
            if (!VERSION_PART.matcher(parts[i]).matches()) {
                return false;
            }
            startsWithDigit |= !parts[i].isEmpty() && Character.isDigit(parts[i].charAt(0));
        }
        return startsWithDigit;
    }

    /** The ENV names of the run's stage (and the stages it is built on) and every ARG name, all before the run. */
    private static Stream<String> variablesBefore(Dockerfile dockerfile, Instruction run) {
        Stream<Instruction> envs = StageScope.stageOf(dockerfile, run)
                .map(stage -> StageScope.inherited(dockerfile, stage).stream()
                        .filter(instruction -> instruction.keyword().equals("env")))
                .orElseGet(Stream::empty);
        Stream<Instruction> args = dockerfile.instructions().stream()
                .filter(instruction -> instruction.keyword().equals("arg"));
        return Stream.concat(envs, args)
                .filter(instruction -> instruction.startLine() < run.startLine())
                .flatMap(instruction -> instruction.arguments().pairs().stream())
                .map(KeyValuePair::key);
    }

    private static boolean usesVariable(String word, String variable) {
        if (word.contains("${" + variable + "}")) {
            return true;
        }
        int at = word.indexOf("$" + variable);
        int end = at + variable.length() + 1;
        return at >= 0 && (end == word.length() || !isNameCharacter(word.charAt(end)));
    }

    private static boolean isNameCharacter(char c) {
        return c == '_' || Character.isLetterOrDigit(c);
    }
}
