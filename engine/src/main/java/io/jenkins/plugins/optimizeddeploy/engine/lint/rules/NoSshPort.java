package io.jenkins.plugins.optimizeddeploy.engine.lint.rules;

import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Dockerfile;
import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Instruction;
import io.jenkins.plugins.optimizeddeploy.engine.lint.Severity;
import io.jenkins.plugins.optimizeddeploy.engine.lint.Violation;
import java.util.ArrayList;
import java.util.List;

/** OD1008: an SSH server in a container is another way in to secure; use docker exec or kubectl exec. */
final class NoSshPort extends DockerfileRule {

    NoSshPort() {
        super("OD1008", Severity.WARNING, "Port 22 (SSH) is exposed; do not run an SSH server in a container,"
                + " use docker exec or kubectl exec to get a shell.");
    }

    @Override
    public List<Violation> check(Dockerfile dockerfile) {
        List<Violation> violations = new ArrayList<>();
        for (Instruction expose : StageScope.ofKeyword(dockerfile, "expose")) {
            expose.args().stream().filter(port -> port.matches("22(/tcp)?")).findFirst()
                    .ifPresent(port -> violations.add(new Violation(expose, port)));
        }
        return violations;
    }
}
