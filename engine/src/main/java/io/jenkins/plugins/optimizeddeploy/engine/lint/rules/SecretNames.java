package io.jenkins.plugins.optimizeddeploy.engine.lint.rules;

import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Dockerfile;
import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Instruction;
import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.KeyValuePair;
import io.jenkins.plugins.optimizeddeploy.engine.lint.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Names that say they hold a secret ({@code DB_PASSWORD}, {@code NPM_TOKEN}, {@code AWS_SECRET_ACCESS_KEY}), except
 * names of where a secret is ({@code PASSWORD_FILE}, {@code TOKEN_URL}).
 */
public final class SecretNames {
    private static final Pattern SECRET = Pattern.compile(
            "(^|_)(PASSWORD|PASSWD|PASS|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|ACCESS_?KEY|CREDENTIALS?|AUTH)(_|$)");
    private static final Pattern LOCATION = Pattern.compile("_(FILE|PATH|DIR|URL|URI|HOST|PORT)$");

    private SecretNames() {
    }

    /** True when the name says it holds a secret, and not only where one is. */
    public static boolean isSecret(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        return SECRET.matcher(upper).find() && !LOCATION.matcher(upper).find();
    }

    /** A violation naming each secret-looking key of the instructions with the keyword. */
    static List<Violation> in(Dockerfile dockerfile, String keyword) {
        List<Violation> violations = new ArrayList<>();
        for (Instruction instruction : dockerfile.instructions()) {
            if (instruction.keyword().equals(keyword)) {
                for (KeyValuePair pair : instruction.pairs()) {
                    if (isSecret(pair.key())) {
                        violations.add(new Violation(instruction, pair.key()));
                    }
                }
            }
        }
        return violations;
    }
}
