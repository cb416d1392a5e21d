package io.jenkins.plugins.optimizeddeploy.engine.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.UUID;

/**
 * The one way the engine writes a file: the content goes to a new file beside it, is flushed to the disk, and is
 * then renamed over it in one step. A full disk, or any other failure, leaves the file as it was (a Dockerfile that
 * {@code --fix} rewrites is never cut in half) and no temporary file behind. A file that exists keeps its
 * permissions; a link is written through, to the file it points at.
 */
public final class OutputFile {

    private OutputFile() {
    }

    /**
     * Replaces or creates {@code file}, whose folder must exist.
     *
     * @throws IOException naming the file and the system's reason when it cannot be written; the file is unchanged
     */
    public static void writeText(Path file, String text) throws IOException {
        write(file, text.getBytes(StandardCharsets.UTF_8));
    }

    /** {@link #writeText} for bytes. */
    public static void write(Path file, byte[] content) throws IOException {
        boolean exists = Files.exists(file);
        Path target = exists ? file.toRealPath() : file.toAbsolutePath();
        Path partial = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".partial");
        try {
            try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            if (exists) {
                PosixFileAttributeView permissions = Files.getFileAttributeView(target, PosixFileAttributeView.class);
                if (permissions != null) {
                    Files.setPosixFilePermissions(partial, permissions.readAttributes().permissions());
                }
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            IOException failure = new IOException("cannot write " + file + ": " + InputFile.reason(e)
                    + (exists ? " (it is unchanged)" : ""), e);
            try {
                Files.deleteIfExists(partial);
            } catch (IOException left) {
                failure.addSuppressed(left);
            }
            throw failure;
        }
    }
}
