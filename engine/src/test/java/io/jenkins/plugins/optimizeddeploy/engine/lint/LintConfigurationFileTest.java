package io.jenkins.plugins.optimizeddeploy.engine.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.optimizeddeploy.engine.findings.FailureThreshold;
import io.jenkins.plugins.optimizeddeploy.engine.findings.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LintConfigurationFileTest {
    @TempDir
    Path folder;

    @Test
    void shouldReadAHadolintConfiguration() throws IOException {
        Path file = Files.writeString(folder.resolve(".hadolint.yaml"), String.join("\n",
                "failure-threshold: warning",
                "format: json",
                "ignored:",
                "  - DL3008",
                "  - DL3015",
                "override:",
                "  error: [DL3001, OD1010]",
                "  style:",
                "    - DL3059",
                "trustedRegistries:",
                "  - docker.io",
                "  - registry.example.com:5000",
                ""));

        LintConfiguration configuration = LintConfigurationFile.read(file);

        assertThat(configuration).isEqualTo(new LintConfiguration(Set.of("DL3008", "DL3015"),
                Map.of("DL3001", Severity.ERROR, "OD1010", Severity.ERROR, "DL3059", Severity.STYLE),
                FailureThreshold.WARNING, List.of("docker.io", "registry.example.com:5000"), true));
    }

    @Test
    void shouldReadTheLabelSchemaAndStrictLabels() {
        LintConfiguration configuration = LintConfigurationFile.parse(".hadolint.yaml", String.join("\n",
                "label-schema:",
                "  author: text",
                "  website: url",
                "  built: rfc3339",
                "  notes:",
                "strict-labels: true"));

        assertThat(configuration.labelSchema()).isEqualTo(Map.of("author", LabelType.TEXT, "website", LabelType.URL,
                "built", LabelType.RFC3339, "notes", LabelType.TEXT));
        assertThat(configuration.strictLabels()).isTrue();
    }

    @Test
    void shouldRefuseAnUnknownLabelTypeNamingTheLabel() {
        assertThatThrownBy(() -> LintConfigurationFile.parse("c.yaml", "label-schema:\n  website: link"))
                .isInstanceOf(LintConfigurationException.class)
                .hasMessageStartingWith("c.yaml: 'label-schema.website': Unknown label type 'link'");
    }

    @Test
    void shouldUseHadolintsDefaultsForAnEmptyFile() {
        assertThat(LintConfigurationFile.parse(".hadolint.yaml", "")).isEqualTo(LintConfiguration.defaults());
        assertThat(LintConfiguration.defaults().failureThreshold()).isEqualTo(FailureThreshold.INFO);
    }

    @Test
    void shouldTurnNoFailIntoNoThreshold() {
        assertThat(LintConfigurationFile.parse("c.yaml", "no-fail: true").failureThreshold())
                .isEqualTo(FailureThreshold.NONE);
    }

    @Test
    void shouldRefuseUnknownSettingsNamingTheFileAndKey() {
        assertThatThrownBy(() -> LintConfigurationFile.parse("ci/.hadolint.yaml", "ignore: [DL3008]"))
                .isInstanceOf(LintConfigurationException.class)
                .hasMessageStartingWith("ci/.hadolint.yaml: unknown setting 'ignore'");
    }

    @Test
    void shouldRefuseBadValuesNamingWhatIsExpected() {
        assertThatThrownBy(() -> LintConfigurationFile.parse("c.yaml", "failure-threshold: fatal"))
                .hasMessageContaining("c.yaml: 'failure-threshold': Unknown failure threshold 'fatal'")
                .hasMessageContaining("error, warning, info, style, none");
        assertThatThrownBy(() -> LintConfigurationFile.parse("c.yaml", "override:\n  critical: [DL3008]"))
                .hasMessageContaining("Unknown severity 'critical'");
        assertThatThrownBy(() -> LintConfigurationFile.parse("c.yaml", "ignored: DL3008"))
                .hasMessage("c.yaml: 'ignored' must be a list, found STRING");
        assertThatThrownBy(() -> LintConfigurationFile.parse("c.yaml", "- a\n- b"))
                .hasMessage("c.yaml: expected a mapping of settings, found ARRAY");
        assertThatThrownBy(() -> LintConfigurationFile.parse("c.yaml", "ignored: [DL3008"))
                .isInstanceOf(LintConfigurationException.class).hasMessageStartingWith("c.yaml: not YAML (line ");
    }

    @Test
    void shouldNeverShowTheLinesOfAFileThatIsNotYaml() {
        String gitConfig = "[core]\n\tbare = false\n[remote \"origin\"]\n\turl = https://ci:s3cr3t@git.example.com/a.git\n";

        assertThatThrownBy(() -> LintConfigurationFile.parse(".hadolint.yaml", gitConfig))
                .isInstanceOf(LintConfigurationException.class)
                .hasMessageMatching("\\.hadolint\\.yaml: not YAML \\(line \\d+, column \\d+\\)");
        assertThatThrownBy(() -> LintConfigurationFile.parse("c.yaml", "ignored: [DL3008\n  url: https://ci:s3cr3t@x\n"))
                .hasMessageMatching("c\\.yaml: not YAML \\(line \\d+, column \\d+\\)");
    }

    @Test
    void shouldSayInOneLineWhatIsWrongWithYamlThatDoesNotParse() {
        assertThatThrownBy(() -> LintConfigurationFile.parse("c.yaml", "- ".repeat(60_000)))
                .isInstanceOf(LintConfigurationException.class)
                .hasMessageStartingWith("c.yaml: not YAML: Document nesting depth (1001) exceeds the maximum allowed");
        assertThatThrownBy(() -> LintConfigurationFile.parse("c.yaml", "ignored: [DL3008\n"))
                .isInstanceOf(LintConfigurationException.class)
                .hasMessageMatching("c\\.yaml: not YAML \\(line \\d+, column \\d+\\)");
    }

    @Test
    void shouldRefuseAKeySetTwiceNamingTheFileAndKey() {
        assertThatThrownBy(() -> LintConfigurationFile.parse("c.yaml", "ignored: [DL3008]\nignored: []\n"))
                .isInstanceOf(LintConfigurationException.class)
                .hasMessage("c.yaml: not YAML: Duplicate field 'ignored' (line 2)");
        assertThatThrownBy(() -> LintConfigurationFile.parse("c.yaml",
                        "override:\n  error: [DL3008]\n  error: []\n"))
                .isInstanceOf(LintConfigurationException.class)
                .hasMessage("c.yaml: not YAML: Duplicate field 'error' (line 3)");
    }

    @Test
    void shouldRefuseASecondDocumentNamingTheFileAndLine() {
        assertThatThrownBy(() -> LintConfigurationFile.parse("c.yaml", "ignored: [DL3008]\n---\nno-fail: true\n"))
                .isInstanceOf(LintConfigurationException.class)
                .hasMessage("c.yaml: line 3: a second YAML document; a configuration is one document");
    }
}
