package io.jenkins.plugins.optimizeddeploy.engine.lint.rules;

import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Dockerfile;
import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Instruction;
import io.jenkins.plugins.optimizeddeploy.engine.findings.Severity;
import io.jenkins.plugins.optimizeddeploy.engine.lint.ShellCommand;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * DL3016: npm install of a named package without a version installs whatever the registry has that day. As in
 * hadolint, the install must be npm's first word that is no option ({@code npm run x install} is none; npm's
 * aliases {@code i} and {@code add} count too); a package is pinned by {@code @version}, a git URL by
 * {@code #ref}; tarballs and folders are pinned.
 */
final class PinNpmVersions extends ShellCommandRule {
    private static final Set<String> NPM = Set.of("npm");
    private static final Set<String> FLAGS_WITH_VALUE = Set.of("loglevel", "registry");
    private static final Set<String> INSTALL = Set.of("install", "i", "add");
    private static final List<String> GIT_PREFIXES = List.of("git://", "git+ssh://", "git+http://", "git+https://");
    private static final List<String> TARBALL_SUFFIXES = List.of(".tar", ".tar.gz", ".tgz");
    private static final List<String> FOLDER_PREFIXES = List.of("/", "./", "../", "~/");

    PinNpmVersions() {
        super("DL3016", Severity.WARNING, "Pin versions in npm."
                + " Instead of `npm install <package>` use `npm install <package>@<version>`.");
    }

    @Override
    public Set<String> programs() {
        return NPM;
    }

    @Override
    Optional<String> check(ShellCommand command, Instruction run, Dockerfile dockerfile) {
        if (!NPM.contains(command.name())) {
            return Optional.empty();
        }
        List<String> words = command.wordsWithoutFlags(FLAGS_WITH_VALUE);
        if (words.isEmpty() || !INSTALL.contains(words.get(0))) {
            return Optional.empty();
        }
        List<String> unpinned = words.stream()
                .dropWhile(INSTALL::contains)
                .filter(word -> !isPinned(word))
                .toList();
        return unpinned.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", unpinned));
    }

    private static boolean isPinned(String name) {
        if (GIT_PREFIXES.stream().anyMatch(name::startsWith)) {
            return name.contains("#");
        }
        if (TARBALL_SUFFIXES.stream().anyMatch(name::endsWith) || FOLDER_PREFIXES.stream().anyMatch(name::startsWith)) {
            return true;
        }
        return withoutScope(name).contains("@");
    }

    /** {@code @scope/name@1} without its scope: up to the first character that sorts before {@code /} or is it. */
    private static String withoutScope(String name) {
        if (!name.startsWith("@")) {
            return name;
        }
        int end = 0;
        while (end < name.length() && name.charAt(end) > '/') {
            end++;
        }
        return name.substring(end);
    }
}
