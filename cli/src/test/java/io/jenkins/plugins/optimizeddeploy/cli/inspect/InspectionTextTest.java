package io.jenkins.plugins.optimizeddeploy.cli.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.optimizeddeploy.cli.common.JsonOutput;
import io.jenkins.plugins.optimizeddeploy.engine.image.Digest;
import io.jenkins.plugins.optimizeddeploy.engine.image.ImageReference;
import io.jenkins.plugins.optimizeddeploy.engine.inspect.ImageInspection;
import io.jenkins.plugins.optimizeddeploy.engine.inspect.InspectionFields;
import io.jenkins.plugins.optimizeddeploy.engine.inspect.PlatformImage;
import io.jenkins.plugins.optimizeddeploy.engine.inspect.Provenance;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InspectionTextTest {
    private static final ImageReference APP = ImageReference.parse("127.0.0.1:5000/app:1");
    private static final Digest DIGEST = Digest.parse("sha256:" + "b".repeat(64));

    @Test
    void shouldEscapeTerminalControlCharactersTheRegistrySent() {
        PlatformImage hostile = PlatformImage.builder("linux/amd64", DIGEST)
                .content(2048L, List.of())
                .created("2026\u001b[2J")
                .user("app\u001b]0;owned\u0007")
                .healthcheck(List.of("CMD-SHELL", "true\u009b31m"))
                .exposedPorts(List.of("8080/tcp\r"))
                .labels(Map.of("note", "line\nforged: yes"))
                .build();

        String text = InspectionText.render(new ImageInspection(APP, DIGEST,
                "application/vnd.oci.image.manifest.v1+json\u001b[0m", List.of(hostile)));

        assertThat(text).doesNotContain("\u001b", "\u0007", "\u009b", "\r", "\nforged")
                .contains("  media type  application/vnd.oci.image.manifest.v1+json\\x1b[0m\n",
                        "    user         app\\x1b]0;owned\\x07\n",
                        "    healthcheck  CMD-SHELL true\\u009b31m\n",
                        "    ports        8080/tcp\\r\n",
                        "    created      2026\\x1b[2J\n",
                        "    labels       note=line\\nforged: yes\n");
    }

    @Test
    void shouldPrintTheBuilderSourceArgsAndMaterialsOfTheProvenanceAndInJson() {
        Provenance provenance = new Provenance("", "", "https://mobyproject.org/buildkit@v1", "dockerfile.v0",
                new Provenance.Source("https://example.invalid/team/app.git", "6767aa8a"),
                Map.of("BASE", "base:1", "NPM_TOKEN", "t0p"),
                List.of("pkg:docker/base@1@sha256:d5"));
        ImageInspection inspection = new ImageInspection(APP, DIGEST,
                "application/vnd.oci.image.index.v1+json", List.of(PlatformImage.builder("linux/amd64", DIGEST)
                        .content(2048L, List.of()).provenance(provenance).build()));

        assertThat(InspectionText.render(inspection)).endsWith(String.join("\n",
                "    provenance   builder (unnamed) https://mobyproject.org/buildkit@v1 dockerfile.v0",
                "                 source https://example.invalid/team/app.git@6767aa8a",
                "                 arg BASE=base:1",
                "                 arg NPM_TOKEN=<redacted>",
                "                 material pkg:docker/base@1@sha256:d5",
                ""));
        assertThat(JsonOutput.write(InspectionFields.of(inspection))).contains("\"commit\" : \"6767aa8a\"",
                "\"BASE\" : \"base:1\"").doesNotContain("t0p");
    }

    @Test
    void shouldSayWhyAnImageHasNoProvenance() {
        ImageInspection inspection = new ImageInspection(APP, DIGEST,
                "application/vnd.oci.image.manifest.v1+json", List.of(PlatformImage.builder("linux/amd64", DIGEST)
                        .content(2048L, List.of())
                        .provenance(Provenance.missing("the image carries no provenance attestation")).build()));

        assertThat(InspectionText.render(inspection))
                .endsWith("    provenance   none (the image carries no provenance attestation)\n");
    }
}
