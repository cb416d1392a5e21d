package io.jenkins.plugins.optimizeddeploy.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;

/**
 * A 64 KiB tmpfs mounted for one test, to run out of disk space for real ({@code ENOSPC}): put files on it, then
 * {@link #fill()} it. Mounting needs root, which the tests have here and in CI; without it this fails, never skips.
 * Closing unmounts and deletes it.
 */
public final class FullDisk implements AutoCloseable {
    private static final String SIZE = "64k";

    private final ScratchDirectory directory;
    private final Path mountPoint;

    private FullDisk(ScratchDirectory directory, Path mountPoint) {
        this.directory = directory;
        this.mountPoint = mountPoint;
    }

    /** Mounts a fresh, empty tmpfs. */
    public static FullDisk mount() {
        requireRoot();
        ScratchDirectory directory = ScratchDirectory.create("full-disk");
        Path mountPoint = directory.createDirectory("disk");
        try {
            ExternalCommand.run(List.of(RequiredBinary.MOUNT.path().toString(), "-t", "tmpfs", "-o", "size=" + SIZE,
                    "tmpfs", mountPoint.toString()), Map.of(), null, ExternalCommand.DEFAULT_TIMEOUT).requireSuccess();
        } catch (RuntimeException e) {
            directory.delete();
            throw e;
        }
        return new FullDisk(directory, mountPoint);
    }

    /** The folder on the small disk. */
    public Path path() {
        return mountPoint;
    }

    /** Writes a filler file until not one more byte fits: every later write that needs a new block fails. */
    public void fill() {
        Path filler = mountPoint.resolve(".filler");
        for (int chunk : new int[] {1024, 1}) { // in kilobytes, then byte by byte for what is left
            byte[] bytes = new byte[chunk];
            try (OutputStream out = Files.newOutputStream(filler, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
                while (true) {
                    out.write(bytes);
                }
            } catch (IOException full) {
                if (!"No space left on device".equals(full.getMessage())) {
                    throw new UncheckedIOException("Cannot fill " + mountPoint, full);
                }
            }
        }
    }

    @Override
    public void close() {
        directory.delete();
    }

    private static void requireRoot() {
        try {
            if (!Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"))) {
                throw new IllegalStateException("A full disk is a tmpfs mounted by the test, which needs root: run the"
                        + " tests as root (scripts/test and CI do)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot tell whether the tests run as root from /proc/self", e);
        }
    }
}
