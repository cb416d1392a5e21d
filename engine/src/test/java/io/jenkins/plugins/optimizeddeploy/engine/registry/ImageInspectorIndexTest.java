package io.jenkins.plugins.optimizeddeploy.engine.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.optimizeddeploy.engine.image.ImageReference;
import io.jenkins.plugins.optimizeddeploy.testsupport.RegistryExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ImageInspectorIndexTest {
    @RegisterExtension
    static final RegistryExtension token = RegistryExtension.tokenAuth();

    @Test
    void shouldInspectEveryPlatformOfAnOciIndex() {
        ImageReference reference = ImageReference.parse(token.pushBusyboxIndex("index/busybox", "1"));
        CountingCredentials credentials = new CountingCredentials(token.username(), token.password());

        ImageInspection inspection = new ImageInspector(new RegistryClient(RegistryOptions.defaults(), credentials))
                .inspect(reference);

        assertThat(inspection.mediaType()).isEqualTo(ManifestMediaType.OCI_INDEX.value());
        assertThat(inspection.digest()).isEqualTo(token.manifest("index/busybox", "1").digest());
        assertThat(inspection.platforms()).extracting(PlatformImage::platform)
                .containsExactly("linux/amd64", "linux/arm64/v8");
        assertThat(inspection.platforms()).allSatisfy(image -> {
            assertThat(token.manifest("index/busybox", image.manifestDigest()).mediaType())
                    .isEqualTo(ManifestMediaType.OCI_MANIFEST.value());
            assertThat(image.layers()).singleElement().satisfies(layer -> assertThat(layer.size()).isPositive());
            assertThat(image.compressedSize()).isGreaterThan(image.layers().get(0).size());
        });
        assertThat(inspection.platforms()).extracting(PlatformImage::manifestDigest).doesNotHaveDuplicates();
        assertThat(credentials.lookups()).as("one token for the index and all its manifests and configs").hasSize(1);
    }
}
