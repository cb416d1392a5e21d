package io.jenkins.plugins.optimizeddeploy.engine.lint.rules;

import java.util.List;
import java.util.Set;

/** DL3034: zypper asks for confirmation when it installs, removes or patches unless told not to. */
final class ZypperNonInteractive extends AssumeYesRule {

    ZypperNonInteractive() {
        super("DL3034", "Non-interactive switch missing from `zypper` command: `zypper install -y`.",
                Set.of("zypper"), List.of("install", "in", "remove", "rm", "source-install", "si", "patch"),
                List.of("non-interactive", "n", "no-confirm", "y"));
    }
}
