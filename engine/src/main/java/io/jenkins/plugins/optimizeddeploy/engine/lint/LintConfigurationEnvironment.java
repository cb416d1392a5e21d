package io.jenkins.plugins.optimizeddeploy.engine.lint;

import io.jenkins.plugins.optimizeddeploy.engine.errors.BadInputException;
import io.jenkins.plugins.optimizeddeploy.engine.findings.FailureThreshold;
import io.jenkins.plugins.optimizeddeploy.engine.findings.Severity;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * hadolint's environment variables, applied on top of a configuration file: {@code HADOLINT_FAILURE_THRESHOLD},
 * {@code HADOLINT_NOFAIL}, {@code HADOLINT_IGNORE}, {@code HADOLINT_OVERRIDE_ERROR} (and {@code _WARNING},
 * {@code _INFO}, {@code _STYLE}), {@code HADOLINT_TRUSTED_REGISTRIES} and {@code HADOLINT_DISABLE_IGNORE_PRAGMA}.
 * Lists are comma-separated and add to the file's; flags are true for {@code 1}, {@code true} or {@code yes}.
 */
public final class LintConfigurationEnvironment {
    private static final Set<String> TRUTHY = Set.of("1", "true", "yes", "on");

    private LintConfigurationEnvironment() {
    }

    /**
     * The configuration with the environment's settings applied.
     *
     * @throws LintConfigurationException naming the variable and what is wrong with its value
     */
    public static LintConfiguration apply(LintConfiguration configuration, Map<String, String> environment) {
        LintConfiguration result = configuration;
        String threshold = environment.get("HADOLINT_FAILURE_THRESHOLD");
        if (threshold != null && !threshold.isBlank()) {
            try {
                result = result.withFailureThreshold(FailureThreshold.parse(threshold));
            } catch (BadInputException e) {
                throw new LintConfigurationException("environment variable HADOLINT_FAILURE_THRESHOLD", e.getMessage());
            }
        }
        if (isTrue(environment.get("HADOLINT_NOFAIL"))) {
            result = result.withFailureThreshold(FailureThreshold.NONE);
        }
        result = result.ignoring(Set.copyOf(list(environment.get("HADOLINT_IGNORE"))));
        Map<String, Severity> overrides = new HashMap<>();
        for (Severity severity : Severity.values()) {
            String variable = "HADOLINT_OVERRIDE_" + severity.name();
            list(environment.get(variable)).forEach(ruleId -> overrides.put(ruleId, severity));
        }
        result = result.overriding(overrides);
        List<String> registries = list(environment.get("HADOLINT_TRUSTED_REGISTRIES"));
        if (!registries.isEmpty()) {
            Set<String> trusted = new LinkedHashSet<>(result.trustedRegistries());
            trusted.addAll(registries);
            result = result.trusting(List.copyOf(trusted));
        }
        if (isTrue(environment.get("HADOLINT_DISABLE_IGNORE_PRAGMA"))) {
            result = result.withIgnorePragmas(false);
        }
        result = result.requiringLabels(labelSchema(environment.get("HADOLINT_REQUIRE_LABELS")));
        if (isTrue(environment.get("HADOLINT_STRICT_LABELS"))) {
            result = result.withStrictLabels(true);
        }
        return result;
    }

    /** {@code name:type,name:type}; an entry without a known type is refused. */
    private static Map<String, LabelType> labelSchema(String value) {
        Map<String, LabelType> schema = new HashMap<>();
        for (String entry : list(value)) {
            int colon = entry.indexOf(':');
            try {
                schema.put(colon < 0 ? entry : entry.substring(0, colon),
                        LabelType.parse(colon < 0 ? "" : entry.substring(colon + 1)));
            } catch (BadInputException e) {
                throw new LintConfigurationException("environment variable HADOLINT_REQUIRE_LABELS", e.getMessage());
            }
        }
        return schema;
    }

    private static boolean isTrue(String value) {
        return value != null && TRUTHY.contains(value.trim().toLowerCase(Locale.ROOT));
    }

    private static List<String> list(String value) {
        return value == null
                ? List.of()
                : Arrays.stream(value.split(",")).map(String::trim).filter(item -> !item.isEmpty()).toList();
    }
}
