package io.jenkins.plugins.optimizeddeploy.engine.exec;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** Replaces every occurrence of a secret with {@value #MASK}; longer secrets first so none leaks partly. */
final class SecretMask {
    static final String MASK = "****";
    private final List<String> secrets;

    SecretMask(Set<String> secrets) {
        this.secrets = secrets.stream().filter(secret -> !secret.isEmpty())
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    String apply(String text) {
        String masked = text;
        for (String secret : secrets) {
            masked = masked.replace(secret, MASK);
        }
        return masked;
    }
}
