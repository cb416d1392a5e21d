package io.jenkins.plugins.optimizeddeploy.engine.lint.rules;

import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Dockerfile;
import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Instruction;
import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.KeyValuePair;
import io.jenkins.plugins.optimizeddeploy.engine.findings.Severity;
import io.jenkins.plugins.optimizeddeploy.engine.lint.AnalyzedDockerfile;
import io.jenkins.plugins.optimizeddeploy.engine.lint.Violation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * DL3066: a user name means nothing outside the image, so the host and Kubernetes (runAsNonRoot) cannot tell whether
 * it is root; a numeric uid (or an ARG holding one) can be checked.
 */
final class NumericUserId extends DockerfileRule {
    private static final Pattern DIGITS = Pattern.compile("[0-9]*");

    NumericUserId() {
        super("DL3066", Severity.INFO, "Non-numeric user-id may not be resolvable by host system.");
    }

    @Override
    public List<Violation> check(AnalyzedDockerfile analyzed) {
        Dockerfile dockerfile = analyzed.dockerfile();
        List<Violation> violations = new ArrayList<>();
        Set<String> args = new HashSet<>();
        for (Instruction instruction : dockerfile.instructions()) {
            if (instruction.keyword().equals("arg")) {
                instruction.arguments().pairs().stream().map(KeyValuePair::key).forEach(args::add);
            } else if (instruction.keyword().equals("user") && !instruction.args().isEmpty()) {
                String user = instruction.args().get(0).trim();
                String uid = user.contains(":") ? user.substring(0, user.indexOf(':')) : user;
                boolean fromArg = args.stream()
                        .anyMatch(arg -> uid.contains("$" + arg) || uid.contains("${" + arg + "}"));
                if (!DIGITS.matcher(uid).matches() && !fromArg) {
                    violations.add(new Violation(instruction, uid));
                }
            }
        }
        return violations;
    }
}
