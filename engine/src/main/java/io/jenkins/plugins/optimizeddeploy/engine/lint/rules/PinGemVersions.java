package io.jenkins.plugins.optimizeddeploy.engine.lint.rules;

import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Dockerfile;
import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Instruction;
import io.jenkins.plugins.optimizeddeploy.engine.findings.Severity;
import io.jenkins.plugins.optimizeddeploy.engine.lint.ShellCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * DL3028: gem install without versions installs whatever rubygems.org has that day. A gem is pinned as
 * {@code gem:version}, or all are by -v/--version; as in hadolint, an option is taken to have a value (the word
 * after it is skipped) and nothing after {@code --} is a gem.
 */
final class PinGemVersions extends ShellCommandRule {
    private static final Set<String> GEM = Set.of("gem");

    PinGemVersions() {
        super("DL3028", Severity.WARNING,
                "Pin versions in gem install. Instead of `gem install <gem>` use `gem install <gem>:<version>`.");
    }

    @Override
    public Set<String> programs() {
        return GEM;
    }

    @Override
    Optional<String> check(ShellCommand command, Instruction run, Dockerfile dockerfile) {
        if (!command.isAnyOf(GEM, "install", "i") || command.hasAnyArgument("-v", "--version")
                || command.arguments().stream().anyMatch(word -> word.startsWith("--version="))) {
            return Optional.empty();
        }
        List<String> unpinned = new ArrayList<>();
        boolean skipValue = false;
        for (String word : command.arguments()) {
            if (word.equals("--")) {
                break;
            } else if (skipValue) {
                skipValue = false;
            } else if (word.startsWith("-")) {
                skipValue = true;
            } else if (!word.equals("install") && !word.equals("i") && !word.contains(":")) {
                unpinned.add(word);
            }
        }
        return unpinned.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", unpinned));
    }
}
