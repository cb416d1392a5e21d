package io.jenkins.plugins.optimizeddeploy.engine.lint.rules;

import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Dockerfile;
import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Instruction;
import io.jenkins.plugins.optimizeddeploy.engine.findings.Severity;
import io.jenkins.plugins.optimizeddeploy.engine.lint.AnalyzedDockerfile;
import io.jenkins.plugins.optimizeddeploy.engine.lint.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * OD1013: private keys and credential files copied into a layer stay in the image even if a later RUN deletes
 * them.
 */
final class NoSecretFilesCopied extends DockerfileRule {
    private static final Pattern SECRET_FILE = Pattern.compile("(^|.*/)(id_rsa|id_dsa|id_ecdsa|id_ed25519|\\.env"
            + "|\\.npmrc|\\.pypirc|\\.netrc|\\.git-credentials|credentials\\.json|\\.aws/credentials"
            + "|\\.docker/config\\.json|[^/]*\\.key|[^/]*\\.p12|[^/]*\\.pfx)$");

    NoSecretFilesCopied() {
        super("OD1013", Severity.ERROR, "A private key or credentials file is copied into the image, where a later"
                + " layer cannot remove it; mount it with RUN --mount=type=secret instead.");
    }

    @Override
    public List<Violation> check(AnalyzedDockerfile analyzed) {
        Dockerfile dockerfile = analyzed.dockerfile();
        List<Violation> violations = new ArrayList<>();
        for (Instruction instruction : dockerfile.instructions()) {
            if (instruction.keyword().equals("copy") || instruction.keyword().equals("add")) {
                CopySources.of(instruction).stream().filter(source -> SECRET_FILE.matcher(source).matches())
                        .forEach(source -> violations.add(new Violation(instruction, source)));
            }
        }
        return violations;
    }
}
