package io.jenkins.plugins.optimizeddeploy.engine.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;

/**
 * The one way the engine reads a file a user named (a Dockerfile, a configuration, a docker config, a CA
 * certificate) or a secret piped to standard input. Only a regular file is opened, so a FIFO cannot hang a run and
 * a device such as {@code /dev/zero} cannot fill the heap; no more than its kind's limit is ever read; text must be
 * UTF-8. Failures are an {@link InputFileException} of one line that names the input and never quotes it. Links are
 * followed: keeping a path inside a folder (the plugin's workspace) is the caller's part.
 */
public final class InputFile {
    private final String name;
    private final Path path;
    private final InputKind kind;

    private InputFile(String name, Path path, InputKind kind) {
        this.name = Objects.requireNonNull(name, "how messages name the input is required");
        this.path = Objects.requireNonNull(path, "the path of " + name + " is required");
        this.kind = Objects.requireNonNull(kind, "the kind of " + name + " is required");
    }

    /** {@code path}, named in messages by its kind and path, e.g. {@code docker config '/root/.docker/config.json'}. */
    public static InputFile of(InputKind kind, Path path) {
        return new InputFile(kind.noun() + " '" + path + "'", path, kind);
    }

    /** {@code path}, named in messages as the user gave it, e.g. {@code --config 'ci/hadolint.yaml'}. */
    public static InputFile named(String name, Path path, InputKind kind) {
        return new InputFile(name, path, kind);
    }

    /**
     * At most {@code kind.maxBytes()} of {@code in}, as UTF-8 text: for a secret piped to standard input.
     *
     * @throws InputFileException naming the input when it holds more, cannot be read or is not UTF-8
     */
    public static String readText(InputStream in, String name, InputKind kind) {
        InputFile input = new InputFile(name, Path.of("-"), kind);
        try {
            return input.decode(input.bounded(in));
        } catch (IOException e) {
            throw input.refused("cannot be read: " + reason(e));
        }
    }

    /**
     * The file's bytes.
     *
     * @throws InputFileException naming the file when it is missing, not a regular file, over the limit of its kind
     *                            or unreadable
     */
    public byte[] readBytes() {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw refused("does not exist");
        } catch (IOException e) {
            throw refused("cannot be read: " + reason(e));
        }
        if (attributes.isDirectory()) {
            throw refused("is a folder, not a file");
        }
        if (!attributes.isRegularFile()) {
            throw refused("is not a regular file (a device, FIFO or socket is never read)");
        }
        if (attributes.size() > kind.maxBytes()) {
            throw tooLarge();
        }
        try (InputStream in = Files.newInputStream(path)) {
            return bounded(in);
        } catch (IOException e) {
            throw refused("cannot be read: " + reason(e));
        }
    }

    /**
     * The file as UTF-8 text.
     *
     * @throws InputFileException as {@link #readBytes()} does, and when the file is not UTF-8
     */
    public String readText() {
        return decode(readBytes());
    }

    /** Read until the end, which a file that grows while read may never reach, or one byte past the limit. */
    private byte[] bounded(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(kind.maxBytes() + 1);
        if (bytes.length > kind.maxBytes()) {
            throw tooLarge();
        }
        return bytes;
    }

    private String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw refused("is not UTF-8 text");
        }
    }

    private InputFileException tooLarge() {
        return refused("is larger than the " + kind.limit() + " a " + kind.noun() + " may hold");
    }

    private InputFileException refused(String problem) {
        return new InputFileException(name, problem);
    }

    /** The system's reason without the path, which the message already names as the user gave it. */
    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException failure && failure.getReason() != null) {
            return failure.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
