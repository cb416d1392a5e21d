package io.jenkins.plugins.optimizeddeploy.engine.lint.rules;

import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Dockerfile;
import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Instruction;
import io.jenkins.plugins.optimizeddeploy.engine.lint.Severity;
import io.jenkins.plugins.optimizeddeploy.engine.lint.Violation;
import java.util.ArrayList;
import java.util.List;

/** DL3011: a port outside 0-65535 cannot be exposed. */
final class ValidPortRange extends DockerfileRule {

    ValidPortRange() {
        super("DL3011", Severity.ERROR, "Valid UNIX ports range from 0 to 65535.");
    }

    @Override
    public List<Violation> check(Dockerfile dockerfile) {
        List<Violation> violations = new ArrayList<>();
        for (Instruction expose : StageScope.ofKeyword(dockerfile, "expose")) {
            for (String port : expose.args()) {
                String number = port.replaceFirst("/(tcp|udp|sctp)$", "");
                for (String end : number.split("-", -1)) {
                    if (end.matches("[0-9]+") && (end.length() > 5 || Integer.parseInt(end) > 65535)) {
                        violations.add(new Violation(expose, port));
                    }
                }
            }
        }
        return violations;
    }
}
