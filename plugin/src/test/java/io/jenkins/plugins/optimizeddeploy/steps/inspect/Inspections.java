package io.jenkins.plugins.optimizeddeploy.steps.inspect;

import io.jenkins.plugins.optimizeddeploy.engine.image.Digest;
import io.jenkins.plugins.optimizeddeploy.engine.image.ImageReference;
import io.jenkins.plugins.optimizeddeploy.engine.inspect.ImageInspection;
import io.jenkins.plugins.optimizeddeploy.engine.inspect.Layer;
import io.jenkins.plugins.optimizeddeploy.engine.inspect.PlatformImage;
import java.util.List;
import java.util.Map;

/** Test data: inspections as the engine returns them. */
final class Inspections {

    static final String INDEX_DIGEST = "sha256:" + "a".repeat(64);
    static final String AMD64_DIGEST = "sha256:" + "b".repeat(64);
    static final String ARM64_DIGEST = "sha256:" + "c".repeat(64);

    private Inspections() {
    }

    static ImageInspection twoPlatforms() {
        return new ImageInspection(ImageReference.parse("127.0.0.1:5000/team/web:1.0"), Digest.parse(INDEX_DIGEST),
                "application/vnd.oci.image.index.v1+json", List.of(amd64(), arm64()));
    }

    static PlatformImage amd64() {
        return PlatformImage.builder("linux/amd64", Digest.parse(AMD64_DIGEST))
                .content(1_234_567L, List.of(layer('d', 1_000_000L), layer('e', 234_000L)))
                .created("2026-11-26T10:00:00Z")
                .user("app")
                .healthcheck(List.of("CMD-SHELL", "wget -q -O /dev/null http://localhost:8080/health"))
                .exposedPorts(List.of("8080/tcp"))
                .labels(Map.of("org.opencontainers.image.source", "https://example.com/web"))
                .build();
    }

    static PlatformImage arm64() {
        return PlatformImage.builder("linux/arm64/v8", Digest.parse(ARM64_DIGEST))
                .content(1_100_000L, List.of(layer('f', 1_099_000L)))
                .build();
    }

    private static Layer layer(char hex, long size) {
        return new Layer(Digest.parse("sha256:" + String.valueOf(hex).repeat(64)),
                "application/vnd.oci.image.layer.v1.tar+gzip", size);
    }
}
