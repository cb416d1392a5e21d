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
 * @param labelSchema the labels every image must carry and what their values must be (DL3049 to DL3058)
 * @param strictLabels true when labels outside the schema are reported (DL3050)
 */
public record LintConfiguration(Set<String> ignored, Map<String, Severity> overrides, FailureThreshold failureThreshold,
        List<String> trustedRegistries, boolean ignorePragmas, Map<String, LabelType> labelSchema,
        boolean strictLabels) implements Serializable {

    public LintConfiguration {
        ignored = Set.copyOf(ignored);
        overrides = Map.copyOf(overrides);
        Objects.requireNonNull(failureThreshold, "failureThreshold");
        trustedRegistries = List.copyOf(trustedRegistries);
        labelSchema = Map.copyOf(labelSchema);
    }

    /** A configuration without a label schema. */
    public LintConfiguration(Set<String> ignored, Map<String, Severity> overrides, FailureThreshold failureThreshold,
            List<String> trustedRegistries, boolean ignorePragmas) {
        this(ignored, overrides, failureThreshold, trustedRegistries, ignorePragmas, Map.of(), false);
    }

    /**
     * hadolint's defaults: nothing ignored or overridden, threshold {@code info}, any registry, pragmas honoured, no
     * label schema.
     */
    public static LintConfiguration defaults() {
        return new LintConfiguration(Set.of(), Map.of(), FailureThreshold.INFO, List.of(), true);
    }

    /** A copy with another failure threshold (a command-line flag wins over the file). */
    public LintConfiguration withFailureThreshold(FailureThreshold threshold) {
        return new LintConfiguration(ignored, overrides, threshold, trustedRegistries, ignorePragmas, labelSchema,
                strictLabels);
    }

    /** A copy that also ignores these rule ids. */
    public LintConfiguration ignoring(Set<String> ruleIds) {
        Set<String> all = new LinkedHashSet<>(ignored);
        all.addAll(ruleIds);
        return new LintConfiguration(all, overrides, failureThreshold, trustedRegistries, ignorePragmas, labelSchema,
                strictLabels);
    }

    /** A copy in which these rules report with another severity. */
    public LintConfiguration overriding(Map<String, Severity> severities) {
        Map<String, Severity> all = new HashMap<>(overrides);
        all.putAll(severities);
        return new LintConfiguration(ignored, all, failureThreshold, trustedRegistries, ignorePragmas, labelSchema,
                strictLabels);
    }

    /** A copy that only trusts these registries in FROM. */
    public LintConfiguration trusting(List<String> registries) {
        return new LintConfiguration(ignored, overrides, failureThreshold, registries, ignorePragmas, labelSchema,
                strictLabels);
    }

    /** A copy that honours or disregards {@code # hadolint ignore=} comments. */
    public LintConfiguration withIgnorePragmas(boolean honoured) {
        return new LintConfiguration(ignored, overrides, failureThreshold, trustedRegistries, honoured, labelSchema,
                strictLabels);
    }

    /** A copy that also requires these labels (a later type for the same label wins). */
    public LintConfiguration requiringLabels(Map<String, LabelType> schema) {
        Map<String, LabelType> all = new HashMap<>(labelSchema);
        all.putAll(schema);
        return new LintConfiguration(ignored, overrides, failureThreshold, trustedRegistries, ignorePragmas, all,
                strictLabels);
    }

    /** A copy that reports, or not, labels outside the schema. */
    public LintConfiguration withStrictLabels(boolean strict) {
        return new LintConfiguration(ignored, overrides, failureThreshold, trustedRegistries, ignorePragmas,
                labelSchema, strict);
    }
}
