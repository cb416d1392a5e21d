package io.jenkins.plugins.optimizeddeploy.engine.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/RULES.md is what the registry generates. To regenerate it after changing a rule:
 * {@code mvn -pl engine test -Dtest=RulesDocumentTest -DupdateRulesDocument=true}.
 */
class RulesDocumentTest {
    private static final Path DOCUMENT = Path.of("..", "docs", "RULES.md");

    @Test
    void shouldMatchTheCommittedRulesDocument() throws IOException {
        String generated = RulesDocument.markdown();
        if (Boolean.getBoolean("updateRulesDocument")) {
            Files.createDirectories(DOCUMENT.getParent());
            Files.writeString(DOCUMENT, generated, StandardCharsets.UTF_8);
        }

        assertThat(DOCUMENT).as("docs/RULES.md is generated: run mvn -pl engine test -Dtest=RulesDocumentTest"
                + " -DupdateRulesDocument=true").exists();
        assertThat(Files.readString(DOCUMENT, StandardCharsets.UTF_8))
                .as("docs/RULES.md differs from what RuleRegistry generates: run mvn -pl engine test"
                        + " -Dtest=RulesDocumentTest -DupdateRulesDocument=true")
                .isEqualTo(generated);
    }
}
