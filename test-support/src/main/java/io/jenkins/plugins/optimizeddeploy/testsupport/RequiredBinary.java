package io.jenkins.plugins.optimizeddeploy.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The external programs the tests run, each with the Debian package that installs it, so that a machine
 * missing one fails with the command that fixes it instead of a bare "No such file".
 */
public enum RequiredBinary {
    DOCKERD("/usr/sbin/dockerd", "docker.io"),
    /** The Debian docker client; another client earlier on PATH may lack BuildKit support. */
    DOCKER("/usr/bin/docker", "docker.io"),
    DOCKER_REGISTRY("/usr/bin/docker-registry", "docker-registry"),
    BUILDAH("/usr/bin/buildah", "buildah"),
    SKOPEO("/usr/bin/skopeo", "skopeo"),
    BUSYBOX("/bin/busybox", "busybox-static"),
    OPENSSL("/usr/bin/openssl", "openssl"),
    HTPASSWD("/usr/bin/htpasswd", "apache2-utils"),
    MOUNT("/bin/mount", "mount"),
    /** Runs arm64 programs (a multi-platform build's arm64 steps) once registered with binfmt_misc. */
    QEMU_AARCH64("/usr/bin/qemu-aarch64-static", "qemu-user-static"),
    /** The arm64 busybox of an arm64 base image, unpacked rather than installed (it would replace the amd64 one). */
    BUSYBOX_ARM64("/usr/local/lib/optimized-deploy/arm64/busybox", "busybox-static:arm64",
            "scripts/install-packages, which unpacks it there"),
    UMOUNT("/bin/umount", "mount"),
    /** Loads report pages headless: DOM dumps and screenshots under a real Content-Security-Policy. */
    CHROMIUM("/usr/bin/chromium", "chromium");

    private static final int ELF_PROGRAM_HEADER_INTERPRETER = 3;

    private final Path path;
    private final String debianPackage;
    private final String installation;

    RequiredBinary(String path, String debianPackage) {
        this(path, debianPackage, "apt-get install -y --no-install-recommends " + debianPackage);
    }

    RequiredBinary(String path, String debianPackage, String installation) {
        this.path = Path.of(path);
        this.debianPackage = debianPackage;
        this.installation = installation;
    }

    public String debianPackage() {
        return debianPackage;
    }

    /** The binary's path, or an {@link IllegalStateException} naming the Debian package to install. */
    public Path path() {
        if (!Files.isExecutable(path)) {
            throw new IllegalStateException(path + " is missing or not executable: install the Debian package "
                    + debianPackage + " (" + installation + ")");
        }
        return path;
    }

    /**
     * The path of a statically linked binary: the busybox copied into images must run without a libc there,
     * and the dynamic busybox of the {@code busybox} package installs at the same path.
     */
    public Path staticallyLinkedPath() {
        Path binary = path();
        if (hasInterpreter(binary)) {
            throw new IllegalStateException(binary + " is dynamically linked and cannot run inside a scratch image:"
                    + " install the Debian package " + debianPackage + " (" + installation + ")");
        }
        return binary;
    }

    private static boolean hasInterpreter(Path elf64) {
        try (InputStream in = Files.newInputStream(elf64)) {
            ByteBuffer header = ByteBuffer.wrap(in.readNBytes(64)).order(ByteOrder.LITTLE_ENDIAN);
            long programHeaderOffset = header.getLong(0x20);
            int entrySize = Short.toUnsignedInt(header.getShort(0x36));
            int entries = Short.toUnsignedInt(header.getShort(0x38));
            byte[] all = Files.readAllBytes(elf64);
            ByteBuffer file = ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < entries; i++) {
                if (file.getInt((int) programHeaderOffset + i * entrySize) == ELF_PROGRAM_HEADER_INTERPRETER) {
                    return true;
                }
            }
            return false;
        } catch (IOException | IndexOutOfBoundsException e) {
            throw new IllegalStateException("Cannot read the ELF program headers of " + elf64 + ": " + e, e);
        }
    }
}
