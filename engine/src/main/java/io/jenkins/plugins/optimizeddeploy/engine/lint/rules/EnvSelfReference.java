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

/**
 * DL3044: {@code ENV A=1 B=$A} expands $A to its value from before the instruction, not to 1. Fine when A was
 * defined by an earlier ENV or ARG of the stage.
 */
final class EnvSelfReference extends DockerfileRule {

    EnvSelfReference() {
        super("DL3044", Severity.ERROR,
                "Do not refer to an environment variable within the same ENV statement where it is defined.");
    }

    @Override
    public List<Violation> check(AnalyzedDockerfile analyzed) {
        Dockerfile dockerfile = analyzed.dockerfile();
        List<Violation> violations = new ArrayList<>();
        Set<String> definedBefore = new HashSet<>();
        int stage = Integer.MIN_VALUE;
        for (Instruction instruction : dockerfile.instructions()) {
            if (instruction.stage() != stage) {
                stage = instruction.stage();
                definedBefore.clear();
            }
            if (instruction.keyword().equals("env")) {
                Set<String> definedHere = new HashSet<>();
                for (KeyValuePair pair : instruction.arguments().pairs()) {
                    for (String key : definedHere) {
                        if (!definedBefore.contains(key) && pair.hasValue() && refersTo(pair.value(), key)) {
                            violations.add(new Violation(instruction, key));
                        }
                    }
                    definedHere.add(pair.key());
                }
            }
            if (instruction.keyword().equals("env") || instruction.keyword().equals("arg")) {
                instruction.arguments().pairs().forEach(pair -> definedBefore.add(pair.key()));
            }
        }
        return violations;
    }

    /** True for {@code ${KEY}}, {@code ${KEY:-default}} or {@code $KEY} not followed by more of a name. */
    private static boolean refersTo(String value, String key) {
        for (int dollar = value.indexOf('$'); dollar >= 0; dollar = value.indexOf('$', dollar + 1)) {
            int braced = dollar + 2 + key.length();
            if (value.startsWith("{", dollar + 1) && value.startsWith(key, dollar + 2) && braced < value.length()
                    && (value.charAt(braced) == '}' || value.charAt(braced) == ':')) {
                return true;
            }
            int bare = dollar + 1 + key.length();
            if (value.startsWith(key, dollar + 1) && (bare == value.length() || !isNameCharacter(value.charAt(bare)))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isNameCharacter(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_';
    }
}
