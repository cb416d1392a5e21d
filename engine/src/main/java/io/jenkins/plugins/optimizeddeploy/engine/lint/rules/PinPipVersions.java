package io.jenkins.plugins.optimizeddeploy.engine.lint.rules;

import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Dockerfile;
import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Instruction;
import io.jenkins.plugins.optimizeddeploy.engine.findings.Severity;
import io.jenkins.plugins.optimizeddeploy.engine.lint.ShellCommand;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * DL3013: pip install without versions installs whatever PyPI has that day. As in hadolint: any {@code pip…}
 * program but pipenv ({@code pip3}, {@code pipx}) or {@code python… -m pip install}; a requirements file, {@code .}
 * or a constraints file pins; a package is pinned by a version operator, an {@code @} in a VCS URL, a wheel or
 * sdist file, or a path.
 */
final class PinPipVersions extends ShellCommandRule {
    private static final List<String> VERSION_OPERATORS = List.of("==", ">=", "<=", ">", "<", "!=", "~=", "===");
    private static final List<String> VCS_SCHEMES = List.of("git+file", "git+https", "git+ssh", "git+http", "git+git",
            "git", "hg+file", "hg+http", "hg+https", "hg+ssh", "hg+static-http", "svn", "svn+svn", "svn+http",
            "svn+https", "svn+ssh", "bzr+http", "bzr+https", "bzr+ssh", "bzr+sftp", "bzr+ftp", "bzr+lp");
    private static final Set<String> FLAGS_WITH_VALUE = Set.of("abi", "b", "build", "e", "editable",
            "extra-index-url", "f", "find-links", "i", "index-url", "implementation", "no-binary", "only-binary",
            "platform", "prefix", "progress-bar", "proxy", "python", "python-version", "root", "root-user-action",
            "src", "t", "target", "trusted-host", "upgrade-strategy");

    PinPipVersions() {
        super("DL3013", Severity.WARNING, "Pin versions in pip."
                + " Instead of `pip install <package>` use `pip install <package>==<version>`.");
    }

    /** {@code pip install}, {@code pip3 install}, {@code python3 -m pip install}, not pipenv. */
    static boolean isPipInstall(ShellCommand command) {
        String name = command.name();
        List<String> words = command.arguments();
        return name.startsWith("pip") && !name.startsWith("pipenv") && words.contains("install")
                || name.startsWith("python") && containsInOrder(words, "-m", "pip", "install");
    }

    /** True when the words hold the sequence one right after the other ({@code -m pip install}). */
    static boolean containsInOrder(List<String> words, String... sequence) {
        for (int start = 0; start + sequence.length <= words.size(); start++) {
            if (words.subList(start, start + sequence.length).equals(List.of(sequence))) {
                return true;
            }
        }
        return false;
    }

    @Override
    Optional<String> check(ShellCommand command, Instruction run, Dockerfile dockerfile) {
        if (!isPipInstall(command) || command.hasAnyFlag("c", "constraint")
                || command.hasAnyArgument("-r", "--requirement", ".")) {
            return Optional.empty();
        }
        List<String> words = command.wordsWithoutFlags(FLAGS_WITH_VALUE);
        int install = words.indexOf("install");
        List<String> unpinned = words.subList(install + 1, words.size()).stream()
                .filter(word -> !word.equals("install"))
                .filter(word -> !isPinned(word))
                .toList();
        return unpinned.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", unpinned));
    }

    private static boolean isPinned(String requirement) {
        boolean vcs = VCS_SCHEMES.stream().anyMatch(requirement::startsWith);
        return VERSION_OPERATORS.stream().anyMatch(requirement::contains)
                || vcs && requirement.contains("@")
                || requirement.endsWith(".whl") || requirement.endsWith(".tar.gz")
                || !vcs && requirement.contains("/");
    }
}
