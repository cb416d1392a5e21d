package io.jenkins.plugins.optimizeddeploy.engine.lint.rules;

import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Instruction;
import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.KeyValuePair;
import io.jenkins.plugins.optimizeddeploy.engine.findings.Secrets;
import io.jenkins.plugins.optimizeddeploy.engine.lint.AnalyzedDockerfile;
import io.jenkins.plugins.optimizeddeploy.engine.lint.Violation;
import java.util.ArrayList;
import java.util.List;

/** The keys of ENV or ARG instructions whose names say they hold a secret ({@link Secrets#isSecretName}). */
final class SecretNames {

    private SecretNames() {
    }

    /** A violation naming each secret-looking key of the instructions with the keyword. */
    static List<Violation> in(AnalyzedDockerfile analyzed, String keyword) {
        List<Violation> violations = new ArrayList<>();
        for (Instruction instruction : analyzed.instructions(keyword)) {
            for (KeyValuePair pair : instruction.arguments().pairs()) {
                if (Secrets.isSecretName(pair.key())) {
                    violations.add(new Violation(instruction, pair.key()));
                }
            }
        }
        return violations;
    }
}
