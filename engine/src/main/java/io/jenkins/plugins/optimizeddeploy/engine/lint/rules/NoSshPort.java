package io.jenkins.plugins.optimizeddeploy.engine.lint.rules;

import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Instruction;
import io.jenkins.plugins.optimizeddeploy.engine.findings.Severity;
import io.jenkins.plugins.optimizeddeploy.engine.lint.AnalyzedDockerfile;
import io.jenkins.plugins.optimizeddeploy.engine.lint.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** OD1008: an SSH server in a container is another way in to secure; use docker exec or kubectl exec. */
final class NoSshPort extends DockerfileRule {
    private static final Pattern SSH_PORT = Pattern.compile("22(/tcp)?");

    NoSshPort() {
        super("OD1008", Severity.WARNING, "Port 22 (SSH) is exposed; do not run an SSH server in a container,"
                + " use docker exec or kubectl exec to get a shell.");
    }

    @Override
    public List<Violation> check(AnalyzedDockerfile analyzed) {
        List<Violation> violations = new ArrayList<>();
        for (Instruction expose : analyzed.instructions("expose")) {
            expose.args().stream().filter(port -> SSH_PORT.matcher(port).matches()).findFirst()
                    .ifPresent(port -> violations.add(new Violation(expose, port)));
        }
        return violations;
    }
}
