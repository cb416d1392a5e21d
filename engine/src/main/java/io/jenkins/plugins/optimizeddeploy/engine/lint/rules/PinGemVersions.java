package io.jenkins.plugins.optimizeddeploy.engine.lint.rules;

import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Dockerfile;
import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Instruction;
import io.jenkins.plugins.optimizeddeploy.engine.findings.Severity;
import io.jenkins.plugins.optimizeddeploy.engine.lint.ShellCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** DL3028: gem install without versions installs whatever rubygems.org has that day. */
final class PinGemVersions extends ShellCommandRule {

    PinGemVersions() {
        super("DL3028", Severity.WARNING,
                "Pin versions in gem install. Instead of `gem install <gem>` use `gem install <gem>:<version>`.");
    }

    @Override
    Optional<String> check(ShellCommand command, Instruction run, Dockerfile dockerfile) {
        String subcommand = command.isInvocation("gem", "install") ? "install"
                : command.isInvocation("gem", "i") ? "i" : null;
        if (subcommand == null || command.hasOption("-v", "--version")) {
            return Optional.empty();
        }
        List<String> unpinned = new ArrayList<>();
        boolean afterSubcommand = false;
        boolean skipValue = false;
        for (String word : command.arguments()) {
            if (word.equals("--")) {
                break;
            } else if (skipValue) {
                skipValue = false;
            } else if (word.startsWith("-")) {
                skipValue = !word.contains("=");
            } else if (!afterSubcommand) {
                afterSubcommand = word.equals(subcommand);
            } else if (!word.contains(":")) {
                unpinned.add(word);
            }
        }
        return unpinned.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", unpinned));
    }
}
