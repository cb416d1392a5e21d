package io.jenkins.plugins.optimizeddeploy.engine.lint.rules;

import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Dockerfile;
import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Instruction;
import io.jenkins.plugins.optimizeddeploy.engine.findings.Severity;
import io.jenkins.plugins.optimizeddeploy.engine.lint.AnalyzedDockerfile;
import io.jenkins.plugins.optimizeddeploy.engine.lint.ShellCommand;
import io.jenkins.plugins.optimizeddeploy.engine.lint.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * OD1007: world-writable files ({@code chmod 777}, {@code chmod o+w}, {@code COPY --chmod=666}) let any process in
 * the container change them.
 */
final class NoWorldWritableMode extends DockerfileRule {
    private static final Pattern OCTAL_MODE = Pattern.compile("[0-7]{3,4}");
    private static final Pattern SYMBOLIC_CLAUSE = Pattern.compile("[ugoa]*[+=][rwxXs]*");
    private static final Pattern OTHERS_WRITE_CLAUSE = Pattern.compile("[ugo]*[ao][ugoa]*[+=].*w.*");

    NoWorldWritableMode() {
        super("OD1007", Severity.ERROR, "World-writable permissions (such as chmod 777) let any user in the container"
                + " change the files; grant write access to the owner only.");
    }

    @Override
    public List<Violation> check(AnalyzedDockerfile analyzed) {
        Dockerfile dockerfile = analyzed.dockerfile();
        List<Violation> violations = new ArrayList<>();
        for (Instruction instruction : dockerfile.instructions()) {
            if (instruction.keyword().equals("run")) {
                for (ShellCommand command : analyzed.script(instruction).commands()) {
                    if (command.name().equals("chmod")) {
                        command.arguments().stream().filter(NoWorldWritableMode::isWorldWritable).findFirst()
                                .ifPresent(mode -> violations.add(new Violation(instruction, "chmod " + mode)));
                    }
                }
            } else if (instruction.keyword().equals("copy") || instruction.keyword().equals("add")) {
                instruction.flags().value("chmod").filter(NoWorldWritableMode::isWorldWritable)
                        .ifPresent(mode -> violations.add(new Violation(instruction, "--chmod=" + mode)));
            }
        }
        return violations;
    }

    /** World-writable, except with the sticky bit: a shared folder like /tmp (1777), where only owners delete. */
    static boolean isWorldWritable(String mode) {
        if (OCTAL_MODE.matcher(mode).matches()) {
            int others = mode.charAt(mode.length() - 1) - '0';
            boolean sticky = mode.length() == 4 && ((mode.charAt(0) - '0') & 1) != 0;
            return (others & 2) != 0 && !sticky;
        }
        for (String clause : mode.split(",")) {
            if (SYMBOLIC_CLAUSE.matcher(clause).matches() && OTHERS_WRITE_CLAUSE.matcher(clause).matches()) {
                return true;
            }
        }
        return false;
    }
}
