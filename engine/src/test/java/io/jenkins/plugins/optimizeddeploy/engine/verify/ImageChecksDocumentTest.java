package io.jenkins.plugins.optimizeddeploy.engine.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/IMAGE_CHECKS.md is what ImageCheck generates. To regenerate it after changing a check:
 * {@code mvn -pl engine test -Dtest=ImageChecksDocumentTest -DupdateImageChecksDocument=true}.
 */
class ImageChecksDocumentTest {
    private static final Path DOCUMENT = Path.of("..", "docs", "IMAGE_CHECKS.md");
    private static final String REGENERATE =
            "run mvn -pl engine test -Dtest=ImageChecksDocumentTest -DupdateImageChecksDocument=true";

    @Test
    void shouldMatchTheCommittedImageChecksDocument() throws IOException {
        String generated = ImageChecksDocument.markdown();
        if (Boolean.getBoolean("updateImageChecksDocument")) {
            Files.writeString(DOCUMENT, generated, StandardCharsets.UTF_8);
        }

        assertThat(DOCUMENT).as("docs/IMAGE_CHECKS.md is generated: " + REGENERATE).exists();
        assertThat(Files.readString(DOCUMENT, StandardCharsets.UTF_8))
                .as("docs/IMAGE_CHECKS.md differs from what ImageCheck generates: " + REGENERATE)
                .isEqualTo(generated);
    }

    @Test
    void shouldLinkEveryCheckToItsSection() {
        for (ImageCheck check : ImageCheck.values()) {
            assertThat(check.documentation().toString()).endsWith("docs/IMAGE_CHECKS.md#" + check.id().toLowerCase(java.util.Locale.ROOT));
        }
    }
}
