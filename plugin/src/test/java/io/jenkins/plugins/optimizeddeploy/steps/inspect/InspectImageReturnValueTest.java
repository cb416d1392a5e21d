package io.jenkins.plugins.optimizeddeploy.steps.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.optimizeddeploy.engine.inspect.InspectionFields;
import io.jenkins.plugins.optimizeddeploy.steps.JavaSerialization;
import io.jenkins.plugins.optimizeddeploy.testsupport.PlainValues;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

/** What {@code inspectImage} returns to the script: the engine's inspection fields, plain values only. */
class InspectImageReturnValueTest {

    @Test
    void shouldDescribeTheImageByReferenceDigestAndMediaType() {
        Map<String, Object> image = InspectionFields.of(Inspections.twoPlatforms());

        assertThat(image).containsOnlyKeys("reference", "digest", "mediaType", "platforms");
        assertThat(image)
                .containsEntry("reference", "127.0.0.1:5000/team/web:1.0")
                .containsEntry("digest", Inspections.INDEX_DIGEST)
                .containsEntry("mediaType", "application/vnd.oci.image.index.v1+json");
    }

    @Test
    void shouldDescribeEachPlatformWithItsSizeLayersAndConfiguration() {
        List<Map<String, Object>> platforms = platforms(InspectionFields.of(Inspections.twoPlatforms()));

        assertThat(platforms).hasSize(2);
        assertThat(platforms.get(0))
                .containsEntry("platform", "linux/amd64")
                .containsEntry("digest", Inspections.AMD64_DIGEST)
                .containsEntry("compressedBytes", 1_234_567L)
                .containsEntry("created", "2026-11-26T10:00:00Z")
                .containsEntry("user", "app")
                .containsEntry("healthcheck", List.of("CMD-SHELL", "wget -q -O /dev/null http://localhost:8080/health"))
                .containsEntry("exposedPorts", List.of("8080/tcp"))
                .containsEntry("labels", Map.of("org.opencontainers.image.source", "https://example.com/web"));
        assertThat(layers(platforms.get(0))).hasSize(2).allSatisfy(layer -> assertThat(layer)
                .containsOnlyKeys("digest", "mediaType", "compressedBytes"));
        assertThat(platforms.get(0).get("provenance")).asInstanceOf(InstanceOfAssertFactories.MAP)
                .containsEntry("missing", "not looked for");
        assertThat(layers(platforms.get(1))).hasSize(1);
        assertThat(platforms.get(1))
                .containsEntry("platform", "linux/arm64/v8")
                .containsEntry("user", "")
                .containsEntry("healthcheck", List.of())
                .containsEntry("labels", Map.of());
    }

    @Test
    void shouldHoldOnlyPlainValuesThatAScriptReadsAndPipelinePersists() throws IOException, ClassNotFoundException {
        Map<String, Object> image = InspectionFields.of(Inspections.twoPlatforms());

        PlainValues.requirePlain(image);
        assertThat(JavaSerialization.roundTrip(new LinkedHashMap<>(image))).isEqualTo(image);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> platforms(Map<String, Object> image) {
        return (List<Map<String, Object>>) image.get("platforms");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> layers(Map<String, Object> platform) {
        return (List<Map<String, Object>>) platform.get("layers");
    }
}
