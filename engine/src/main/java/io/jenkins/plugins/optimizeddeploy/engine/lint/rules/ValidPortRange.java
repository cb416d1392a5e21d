package io.jenkins.plugins.optimizeddeploy.engine.lint.rules;

import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Instruction;
import io.jenkins.plugins.optimizeddeploy.engine.findings.Severity;
import io.jenkins.plugins.optimizeddeploy.engine.lint.AnalyzedDockerfile;
import io.jenkins.plugins.optimizeddeploy.engine.lint.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** DL3011: a port outside 0-65535 cannot be exposed. */
final class ValidPortRange extends DockerfileRule {
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");
    private static final Pattern PROTOCOL_SUFFIX = Pattern.compile("/(tcp|udp|sctp)$");

    ValidPortRange() {
        super("DL3011", Severity.ERROR, "Valid UNIX ports range from 0 to 65535.");
    }

    @Override
    public List<Violation> check(AnalyzedDockerfile analyzed) {
        List<Violation> violations = new ArrayList<>();
        for (Instruction expose : analyzed.instructions("expose")) {
            for (String port : expose.args()) {
                String number = PROTOCOL_SUFFIX.matcher(port).replaceFirst("");
                for (String end : number.split("-", -1)) {
                    if (DIGITS.matcher(end).matches() && (end.length() > 5 || Integer.parseInt(end) > 65535)) {
                        violations.add(new Violation(expose, port));
                    }
                }
            }
        }
        return violations;
    }
}
