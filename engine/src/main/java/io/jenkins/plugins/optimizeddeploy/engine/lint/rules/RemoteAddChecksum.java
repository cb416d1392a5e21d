package io.jenkins.plugins.optimizeddeploy.engine.lint.rules;

import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Instruction;
import io.jenkins.plugins.optimizeddeploy.engine.findings.Severity;
import io.jenkins.plugins.optimizeddeploy.engine.lint.AnalyzedDockerfile;
import io.jenkins.plugins.optimizeddeploy.engine.lint.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** OD1005: ADD of a URL without --checksum puts whatever the server returns that day into the image. */
final class RemoteAddChecksum extends DockerfileRule {
    private static final Pattern HTTP_URL = Pattern.compile("(?i)^https?://.*");

    RemoteAddChecksum() {
        super("OD1005", Severity.WARNING, "ADD of a remote URL without --checksum trusts whatever the server returns;"
                + " add --checksum=sha256:<digest>.");
    }

    @Override
    public List<Violation> check(AnalyzedDockerfile analyzed) {
        List<Violation> violations = new ArrayList<>();
        for (Instruction add : analyzed.instructions("add")) {
            if (add.flags().has("checksum")) {
                continue;
            }
            CopySources.of(add).stream().filter(source -> HTTP_URL.matcher(source).matches())
                    .forEach(url -> violations.add(new Violation(add, url)));
        }
        return violations;
    }
}
