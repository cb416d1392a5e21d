package io.jenkins.plugins.optimizeddeploy.engine.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.optimizeddeploy.engine.findings.FailureThreshold;
import io.jenkins.plugins.optimizeddeploy.engine.findings.Severity;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LintConfigurationEnvironmentTest {
    private static final LintConfiguration FROM_FILE = LintConfigurationFile.parse(".hadolint.yaml",
            "ignored: [DL3008]\nfailure-threshold: error\ntrustedRegistries: [docker.io]\n");

    @Test
    void shouldAddTheEnvironmentsSettingsToTheFilesOnes() {
        LintConfiguration configuration = LintConfigurationEnvironment.apply(FROM_FILE, Map.of(
                "HADOLINT_FAILURE_THRESHOLD", "warning",
                "HADOLINT_IGNORE", "DL3015, DL3059",
                "HADOLINT_OVERRIDE_ERROR", "OD1010",
                "HADOLINT_OVERRIDE_STYLE", "DL3047",
                "HADOLINT_TRUSTED_REGISTRIES", "registry.example.com",
                "HADOLINT_DISABLE_IGNORE_PRAGMA", "yes",
                "HADOLINT_FORMAT", "json"));

        assertThat(configuration).isEqualTo(new LintConfiguration(Set.of("DL3008", "DL3015", "DL3059"),
                Map.of("OD1010", Severity.ERROR, "DL3047", Severity.STYLE), FailureThreshold.WARNING,
                List.of("docker.io", "registry.example.com"), false));
    }

    @Test
    void shouldLeaveTheConfigurationAloneWithoutHadolintVariables() {
        assertThat(LintConfigurationEnvironment.apply(FROM_FILE, Map.of("HOME", "/root"))).isEqualTo(FROM_FILE);
    }

    @Test
    void shouldTurnNoFailIntoNoThreshold() {
        assertThat(LintConfigurationEnvironment.apply(FROM_FILE, Map.of("HADOLINT_NOFAIL", "1")).failureThreshold())
                .isEqualTo(FailureThreshold.NONE);
    }

    @Test
    void shouldNameTheVariableWithABadValue() {
        assertThatThrownBy(() -> LintConfigurationEnvironment.apply(FROM_FILE,
                Map.of("HADOLINT_FAILURE_THRESHOLD", "fatal")))
                .isInstanceOf(LintConfigurationException.class)
                .hasMessageStartingWith("environment variable HADOLINT_FAILURE_THRESHOLD: Unknown failure threshold");
    }

    @Test
    void shouldAddRequiredLabelsAndStrictLabelsFromTheEnvironment() {
        LintConfiguration configuration = LintConfigurationEnvironment.apply(LintConfiguration.defaults(),
                Map.of("HADOLINT_REQUIRE_LABELS", "maintainer:email, version:semver,notes",
                        "HADOLINT_STRICT_LABELS", "true"));

        assertThat(configuration.labelSchema()).isEqualTo(Map.of("maintainer", LabelType.EMAIL, "version",
                LabelType.SEMVER, "notes", LabelType.TEXT));
        assertThat(configuration.strictLabels()).isTrue();
    }
}
