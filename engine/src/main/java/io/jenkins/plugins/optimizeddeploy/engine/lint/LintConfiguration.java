package io.jenkins.plugins.optimizeddeploy.engine.lint;

import io.jenkins.plugins.optimizeddeploy.engine.findings.FailureThreshold;
import io.jenkins.plugins.optimizeddeploy.engine.findings.Severity;
import java.io.Serializable;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a {@code .hadolint.yaml} says, applied by the {@link Linter} to every rule alike.
 *
 * @param ignored rule ids that never report
 * @param overrides a severity per rule id, replacing the rule's default (and enabling a rule that is off by default)
 * @param failureThreshold the least serious severity that fails the run; hadolint's default is {@code info}
 * @param trustedRegistries registries FROM may pull from (DL3026); empty allows any
 * @param ignorePragmas false when {@code # hadolint ignore=} comments are to be disregarded
 */
public record LintConfiguration(Set<String> ignored, Map<String, Severity> overrides, FailureThreshold failureThreshold,
        List<String> trustedRegistries, boolean ignorePragmas) implements Serializable {

    public LintConfiguration {
        ignored = Set.copyOf(ignored);
        overrides = Map.copyOf(overrides);
        Objects.requireNonNull(failureThreshold, "failureThreshold");
        trustedRegistries = List.copyOf(trustedRegistries);
    }

    /** hadolint's defaults: nothing ignored or overridden, threshold {@code info}, any registry, pragmas honoured. */
    public static LintConfiguration defaults() {
        return new LintConfiguration(Set.of(), Map.of(), FailureThreshold.INFO, List.of(), true);
    }

    /** A copy with another failure threshold (a command-line flag wins over the file). */
    public LintConfiguration withFailureThreshold(FailureThreshold threshold) {
        return new LintConfiguration(ignored, overrides, threshold, trustedRegistries, ignorePragmas);
    }

    /** A copy that also ignores these rule ids. */
    public LintConfiguration ignoring(Set<String> ruleIds) {
        Set<String> all = new LinkedHashSet<>(ignored);
        all.addAll(ruleIds);
        return new LintConfiguration(all, overrides, failureThreshold, trustedRegistries, ignorePragmas);
    }

    /** A copy in which these rules report with another severity. */
    public LintConfiguration overriding(Map<String, Severity> severities) {
        Map<String, Severity> all = new HashMap<>(overrides);
        all.putAll(severities);
        return new LintConfiguration(ignored, all, failureThreshold, trustedRegistries, ignorePragmas);
    }

    /** A copy that only trusts these registries in FROM. */
    public LintConfiguration trusting(List<String> registries) {
        return new LintConfiguration(ignored, overrides, failureThreshold, registries, ignorePragmas);
    }
}
