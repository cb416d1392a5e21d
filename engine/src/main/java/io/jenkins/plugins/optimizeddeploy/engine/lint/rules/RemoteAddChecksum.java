package io.jenkins.plugins.optimizeddeploy.engine.lint.rules;

import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Dockerfile;
import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Instruction;
import io.jenkins.plugins.optimizeddeploy.engine.lint.Severity;
import io.jenkins.plugins.optimizeddeploy.engine.lint.Violation;
import java.util.ArrayList;
import java.util.List;

/** OD1005: ADD of a URL without --checksum puts whatever the server returns that day into the image. */
final class RemoteAddChecksum extends DockerfileRule {

    RemoteAddChecksum() {
        super("OD1005", Severity.WARNING, "ADD of a remote URL without --checksum trusts whatever the server returns;"
                + " add --checksum=sha256:<digest>.");
    }

    @Override
    public List<Violation> check(Dockerfile dockerfile) {
        List<Violation> violations = new ArrayList<>();
        for (Instruction add : StageScope.ofKeyword(dockerfile, "add")) {
            if (add.hasFlag("checksum")) {
                continue;
            }
            CopySources.of(add).stream().filter(source -> source.matches("(?i)^https?://.*"))
                    .forEach(url -> violations.add(new Violation(add, url)));
        }
        return violations;
    }
}
