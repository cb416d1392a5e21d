package io.jenkins.plugins.optimizeddeploy.engine.lint.rules;

import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Dockerfile;
import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Instruction;
import io.jenkins.plugins.optimizeddeploy.engine.findings.Severity;
import io.jenkins.plugins.optimizeddeploy.engine.lint.ShellCommand;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * DL3046: useradd with a long UID and without -l writes a sparse lastlog/faillog file of gigabytes into the layer.
 */
final class UseraddNoLogInit extends ShellCommandRule {
    private static final Set<String> USERADD = Set.of("useradd");
    private static final int LONG_UID = 5;

    UseraddNoLogInit() {
        super("DL3046", Severity.WARNING,
                "`useradd` without flag `-l` and high UID will result in excessively large Image.");
    }

    @Override
    public Set<String> programs() {
        return USERADD;
    }

    @Override
    Optional<String> check(ShellCommand command, Instruction run, Dockerfile dockerfile) {
        if (!USERADD.contains(command.name()) || command.hasOption("-l", "--no-log-init")) {
            return Optional.empty();
        }
        List<String> words = command.arguments();
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            String uid = (word.equals("-u") || word.equals("--uid")) && i + 1 < words.size() ? words.get(i + 1)
                    : word.startsWith("--uid=") ? word.substring("--uid=".length()) : "";
            if (uid.length() > LONG_UID) {
                return Optional.of("uid " + uid);
            }
        }
        return Optional.empty();
    }
}
