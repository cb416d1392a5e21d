package io.jenkins.plugins.optimizeddeploy.cli.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.optimizeddeploy.engine.inspect.ImageInspection;
import io.jenkins.plugins.optimizeddeploy.engine.inspect.PlatformImage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InspectionTextTest {
    private static final String DIGEST = "sha256:" + "b".repeat(64);

    @Test
    void shouldEscapeTerminalControlCharactersTheRegistrySent() {
        PlatformImage hostile = new PlatformImage("linux/amd64", DIGEST, 2048L, List.of(), "2026\u001b[2J",
                "app\u001b]0;owned\u0007", List.of("CMD-SHELL", "true\u009b31m"), List.of("8080/tcp\r"),
                Map.of("note", "line\nforged: yes"));

        String text = InspectionText.render(new ImageInspection("127.0.0.1:5000/app:1", DIGEST,
                "application/vnd.oci.image.manifest.v1+json\u001b[0m", List.of(hostile)));

        assertThat(text).doesNotContain("\u001b", "\u0007", "\u009b", "\r", "\nforged")
                .contains("  media type  application/vnd.oci.image.manifest.v1+json\\x1b[0m\n",
                        "    user         app\\x1b]0;owned\\x07\n",
                        "    healthcheck  CMD-SHELL true\\u009b31m\n",
                        "    ports        8080/tcp\\r\n",
                        "    created      2026\\x1b[2J\n",
                        "    labels       note=line\\nforged: yes\n");
    }
}
