package io.jenkins.plugins.optimizeddeploy.testsupport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * A base image made without any registry on the internet: one layer holding the statically linked busybox of
 * {@code busybox-static}, a symlink per applet, and {@code /etc/passwd}/{@code /etc/group} with root and nobody.
 * The arm64 one holds the arm64 busybox (its applet list is read by running it, so through {@link Arm64Emulation}).
 */
final class BusyboxImage {
    static final String DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";
    static final String DOCKER_CONFIG = "application/vnd.docker.container.image.v1+json";
    static final String DOCKER_LAYER = "application/vnd.docker.image.rootfs.diff.tar.gzip";
    static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
    static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    static final String OCI_CONFIG = "application/vnd.oci.image.config.v1+json";
    static final String OCI_LAYER = "application/vnd.oci.image.layer.v1.tar+gzip";

    static final String PATH = "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
    private static final String CREATED = "2024-01-01T00:00:00Z";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final byte[] uncompressedLayer;
    private final byte[] compressedLayer;

    private BusyboxImage(byte[] uncompressedLayer) {
        this.uncompressedLayer = uncompressedLayer;
        this.compressedLayer = gzip(uncompressedLayer);
    }

    /** The layer is built once per JVM: it is the same for every registry and every test. */
    static BusyboxImage get() {
        return Holder.INSTANCE;
    }

    /** The arm64 image, also built once per JVM. */
    static BusyboxImage arm64() {
        return Arm64Holder.INSTANCE;
    }

    private static final class Holder {
        static final BusyboxImage INSTANCE = new BusyboxImage(layerTar(RequiredBinary.BUSYBOX));
    }

    private static final class Arm64Holder {
        static final BusyboxImage INSTANCE = new BusyboxImage(layerTar(RequiredBinary.BUSYBOX_ARM64));
    }

    Blob layer(String mediaType) {
        return new Blob(mediaType, compressedLayer);
    }

    String diffId() {
        return Blob.sha256(uncompressedLayer);
    }

    Blob config(String mediaType, String architecture, String variant) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("architecture", architecture);
        if (variant != null) {
            config.put("variant", variant);
        }
        config.put("os", "linux");
        config.put("created", CREATED);
        config.put("config", Map.of("Env", List.of(PATH), "Cmd", List.of("sh")));
        config.put("rootfs", Map.of("type", "layers", "diff_ids", List.of(diffId())));
        config.put("history", List.of(Map.of("created", CREATED,
                "created_by", "optimized-deploy test-support: /bin/busybox of busybox-static and its applet links")));
        return new Blob(mediaType, json(config));
    }

    static Blob manifest(String mediaType, Blob config, Blob layer) {
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("schemaVersion", 2);
        manifest.put("mediaType", mediaType);
        manifest.put("config", config.descriptor());
        manifest.put("layers", List.of(layer.descriptor()));
        return new Blob(mediaType, json(manifest));
    }

    static Blob index(List<Map<String, Object>> manifestDescriptors) {
        Map<String, Object> index = new LinkedHashMap<>();
        index.put("schemaVersion", 2);
        index.put("mediaType", OCI_INDEX);
        index.put("manifests", manifestDescriptors);
        return new Blob(OCI_INDEX, json(index));
    }

    static byte[] json(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise " + value + " as JSON", e);
        }
    }

    private static byte[] layerTar(RequiredBinary binary) {
        Path busybox = binary.staticallyLinkedPath();
        String applets = ExternalCommand.run(List.of(busybox.toString(), "--list"), Map.of(), null,
                Duration.ofSeconds(30)).requireSuccess().stdout();
        TarArchive tar = new TarArchive()
                .directory("bin", 0755)
                .directory("etc", 0755)
                .directory("root", 0700)
                .directory("tmp", 01777);
        try {
            tar.file("bin/busybox", 0755, Files.readAllBytes(busybox));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + busybox, e);
        }
        applets.lines().map(String::strip)
                .filter(applet -> !applet.isEmpty() && !applet.equals("busybox"))
                .forEach(applet -> tar.symlink("bin/" + applet, "/bin/busybox"));
        tar.file("etc/passwd", 0644, ("root:x:0:0:root:/root:/bin/sh\n"
                + "nobody:x:65534:65534:nobody:/nonexistent:/bin/false\n").getBytes(StandardCharsets.UTF_8));
        tar.file("etc/group", 0644, "root:x:0:\nnobody:x:65534:\n".getBytes(StandardCharsets.UTF_8));
        return tar.finish();
    }

    private static byte[] gzip(byte[] content) {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
            gzip.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot gzip the busybox layer", e);
        }
        return compressed.toByteArray();
    }
}
