package io.jenkins.plugins.optimizeddeploy.engine.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.optimizeddeploy.engine.image.ImageReference;
import io.jenkins.plugins.optimizeddeploy.engine.registry.RegistryClient;
import io.jenkins.plugins.optimizeddeploy.engine.registry.RegistryException;
import io.jenkins.plugins.optimizeddeploy.engine.registry.RegistryOptions;
import io.jenkins.plugins.optimizeddeploy.engine.registry.auth.CredentialsSource;
import io.jenkins.plugins.optimizeddeploy.testsupport.HostileRegistry;
import io.jenkins.plugins.optimizeddeploy.testsupport.HostileRegistry.Answer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Indexes nested without end, fanned out to one image or to too many, and manifests that lie about their type. */
class HostileIndexTest {
    static final String INDEX = "application/vnd.oci.image.index.v1+json";
    static final String MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    private static final String CONFIG = "{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{\"User\":\"1000\"}}";

    @Test
    @Timeout(30) // without a depth limit it follows the chain to a StackOverflowError
    void shouldRefuseIndexesNestedThousandsDeep() {
        Images images = new Images();
        String child = images.add(INDEX, index(List.of()));
        for (int level = 0; level < 4000; level++) {
            child = images.add(INDEX, index(List.of(descriptor(INDEX, child, images, "linux"))));
        }
        images.tag("1", child);
        try (HostileRegistry registry = HostileRegistry.start(images::answer)) {
            assertThatThrownBy(() -> inspect(registry))
                    .isInstanceOf(RegistryException.class)
                    .hasMessageContaining("nested more than " + ImageInspector.MAX_INDEX_DEPTH + " deep");
            assertThat(registry.requests()).hasSizeLessThan(10);
        }
    }

    @Test
    @Timeout(60) // without de-duplication it reads the image 3,600 times
    void shouldReadAnImageListedThousandsOfTimesOnce() {
        Images images = new Images();
        String image = images.add(MANIFEST, imageManifest(images, "one"));
        List<String> fanned = new ArrayList<>();
        for (int branch = 0; branch < 60; branch++) {
            List<String> same = new ArrayList<>();
            for (int copy = 0; copy < 60; copy++) {
                same.add(descriptor(MANIFEST, image, images, "linux"));
            }
            String sameWithMark = index(same).replace("\"manifests\"", "\"annotations\":{\"branch\":\"" + branch
                    + "\"},\"manifests\"");
            fanned.add(descriptor(INDEX, images.add(INDEX, sameWithMark), images, "linux"));
        }
        images.tag("1", images.add(INDEX, index(fanned)));
        try (HostileRegistry registry = HostileRegistry.start(images::answer)) {
            ImageInspection inspection = inspect(registry);

            assertThat(inspection.platforms()).hasSize(1);
            assertThat(registry.requests()).hasSizeLessThanOrEqualTo(1 + 1 + 60 + 1 + 1);
        }
    }

    @Test
    void shouldRefuseAnIndexOfMoreManifestsThanTheCap() {
        Images images = new Images();
        List<String> many = new ArrayList<>();
        for (int platform = 0; platform <= ImageInspector.MAX_MANIFESTS; platform++) {
            many.add(descriptor(MANIFEST, images.add(MANIFEST, imageManifest(images, "p" + platform)), images,
                    "linux"));
        }
        images.tag("1", images.add(INDEX, index(many)));
        try (HostileRegistry registry = HostileRegistry.start(images::answer)) {
            assertThatThrownBy(() -> inspect(registry))
                    .isInstanceOf(RegistryException.class)
                    .hasMessageContaining("more than " + ImageInspector.MAX_MANIFESTS + " manifests");
        }
    }

    @Test
    void shouldRefuseAManifestWhoseContentTypeContradictsItsMediaType() {
        Images images = new Images();
        images.tag("1", images.add(MANIFEST, index(List.of())));
        try (HostileRegistry registry = HostileRegistry.start(images::answer);
                RegistryClient client = client()) {
            assertThatThrownBy(() -> client.getManifest(ImageReference.parse(registry.registry() + "/team/web:1")))
                    .isInstanceOf(RegistryException.class)
                    .hasMessageContaining("the registry sends it as " + MANIFEST
                            + ", but the manifest's own mediaType says otherwise");
        }
    }

    private static ImageInspection inspect(HostileRegistry registry) {
        try (RegistryClient client = client()) {
            return new ImageInspector(client).inspect(ImageReference.parse(registry.registry() + "/team/web:1"));
        }
    }

    private static RegistryClient client() {
        return new RegistryClient(RegistryOptions.builder().maxRetries(0).build(), CredentialsSource.anonymous());
    }

    static String index(List<String> descriptors) {
        return "{\"schemaVersion\":2,\"mediaType\":\"" + INDEX + "\",\"manifests\":[" + String.join(",", descriptors)
                + "]}";
    }

    static String descriptor(String mediaType, String digest, Images images, String os) {
        String platform = os.equals("unknown") ? "unknown" : "amd64";
        return "{\"mediaType\":\"" + mediaType + "\",\"digest\":\"" + digest + "\",\"size\":" + images.size(digest)
                + ",\"platform\":{\"os\":\"" + os + "\",\"architecture\":\"" + platform + "\"}}";
    }

    static String imageManifest(Images images, String mark) {
        String config = images.blob(CONFIG);
        return "{\"schemaVersion\":2,\"mediaType\":\"" + MANIFEST + "\",\"config\":{\"mediaType\":"
                + "\"application/vnd.oci.image.config.v1+json\",\"digest\":\"" + config + "\",\"size\":"
                + CONFIG.length() + "},\"layers\":[],\"annotations\":{\"mark\":\"" + mark + "\"}}";
    }

    /** What the hostile registry serves: manifests by digest or tag, with the Content-Type given, and blobs. */
    static final class Images {
        private final Map<String, Answer> manifests = new ConcurrentHashMap<>();
        private final Map<String, Integer> sizes = new ConcurrentHashMap<>();
        private final Map<String, byte[]> blobs = new ConcurrentHashMap<>();

        /** Adds a manifest sent with {@code contentType}; returns its digest. */
        String add(String contentType, String content) {
            String digest = HostileRegistry.digestOf(content.getBytes(StandardCharsets.UTF_8));
            manifests.put(digest, Answer.manifest(contentType, content));
            sizes.put(digest, content.getBytes(StandardCharsets.UTF_8).length);
            return digest;
        }

        String blob(String content) {
            byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
            String digest = HostileRegistry.digestOf(bytes);
            blobs.put(digest, bytes);
            return digest;
        }

        void tag(String tag, String digest) {
            manifests.put(tag, manifests.get(digest));
        }

        int size(String digest) {
            return sizes.get(digest);
        }

        Answer answer(HostileRegistry.Request request) {
            String path = request.path();
            String last = path.substring(path.lastIndexOf('/') + 1);
            if (path.contains("/manifests/") && manifests.containsKey(last)) {
                return manifests.get(last);
            }
            if (path.contains("/blobs/") && blobs.containsKey(last)) {
                return Answer.status(200).body(blobs.get(last));
            }
            return path.equals("/v2/") ? Answer.status(200)
                    : Answer.json(404, "{\"errors\":[{\"code\":\"MANIFEST_UNKNOWN\"}]}");
        }
    }
}
