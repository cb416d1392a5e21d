package io.jenkins.plugins.optimizeddeploy.engine.lint.rules;

import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Instruction;
import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.KeyValuePair;
import io.jenkins.plugins.optimizeddeploy.engine.findings.Severity;
import io.jenkins.plugins.optimizeddeploy.engine.lint.AnalyzedDockerfile;
import io.jenkins.plugins.optimizeddeploy.engine.lint.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * DL3048: label keys start with a lower-case letter, end with one or a digit, hold only those, dots, dashes,
 * underscores and slashes, never two dots or two dashes in a row, and stay outside the namespaces Docker reserves
 * ({@code com.docker.}, {@code io.docker.}, {@code org.dockerproject.}).
 */
final class ValidLabelKey extends DockerfileRule {
    private static final Pattern LABEL_KEY = Pattern.compile("[a-z]([a-z0-9._/-]*[a-z0-9])?");

    ValidLabelKey() {
        super("DL3048", Severity.STYLE, "Invalid label key.");
    }

    @Override
    public List<Violation> check(AnalyzedDockerfile analyzed) {
        List<Violation> violations = new ArrayList<>();
        for (Instruction label : analyzed.instructions("label")) {
            for (KeyValuePair pair : label.arguments().pairs()) {
                if (!isValid(pair.key())) {
                    violations.add(new Violation(label, pair.key()));
                }
            }
        }
        return violations;
    }

    private static boolean isValid(String key) {
        boolean reserved = key.startsWith("com.docker.") || key.startsWith("io.docker.")
                || key.startsWith("org.dockerproject.");
        return !reserved && !key.contains("..") && !key.contains("--") && LABEL_KEY.matcher(key).matches();
    }
}
