package io.jenkins.plugins.optimizeddeploy.engine.metrics;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.jenkins.plugins.optimizeddeploy.engine.files.OutputFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * {@link RunMetrics} as JSON. Fields a reader does not know are ignored (a later version of the same schema may add
 * some); a document of a newer {@code schemaVersion} is refused, as its fields may mean something else.
 */
public final class MetricsJson {
    /** The mapper the record is written with; reports write their JSON with it as well. */
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private MetricsJson() {
    }

    /** The record as indented JSON. */
    public static String write(RunMetrics metrics) {
        return writeValue(metrics);
    }

    /** Any report value (a record of records, lists and maps) as indented JSON. */
    public static String writeValue(Object value) {
        try {
            return MAPPER.writeValueAsString(value) + "\n";
        } catch (JacksonException e) {
            throw new UncheckedIOException("could not write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /**
     * Reads a record written by {@link #write}.
     *
     * @param source names the document in errors (a file name)
     * @throws MetricsRecordException naming the source and what is wrong with it
     */
    public static RunMetrics read(String json, String source) {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(json);
        } catch (JacksonException e) {
            throw new MetricsRecordException(source + " is not JSON: " + e.getOriginalMessage(), e);
        }
        if (tree == null || !tree.isObject() || !tree.path("schemaVersion").isInt()) {
            throw new MetricsRecordException(source + " is not a metrics record: it has no schemaVersion");
        }
        int version = tree.get("schemaVersion").intValue();
        if (version < 1 || version > RunMetrics.SCHEMA_VERSION) {
            throw new MetricsRecordException(source + " is a metrics record of schema version " + version
                    + ", this version reads 1 to " + RunMetrics.SCHEMA_VERSION);
        }
        try {
            return MAPPER.treeToValue(tree, RunMetrics.class);
        } catch (JacksonException e) {
            throw new MetricsRecordException(source + " is not a valid metrics record: " + rootCause(e), e);
        }
    }

    /** The record's own complaint (an IllegalArgumentException from its constructor) when there is one. */
    private static String rootCause(JacksonException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof IllegalArgumentException) {
                return cause.getMessage();
            }
        }
        return e.getOriginalMessage();
    }

    /** Reads the record in {@code file}. */
    public static RunMetrics read(Path file) {
        // a directory, a device or a pipe: /dev/zero would be read until memory runs out, a pipe until it is closed
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            throw new MetricsRecordException("the record " + file + " is not a regular file");
        }
        try {
            return read(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (NoSuchFileException e) {
            throw new MetricsRecordException(file + " does not exist", e);
        } catch (CharacterCodingException e) {
            throw new MetricsRecordException("the record " + file + " is not UTF-8 text", e);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file + ": " + reason(e), e);
        }
    }

    /** Adds {@code part} to the record in {@code file}, which is created when missing, and returns the result. */
    public static RunMetrics addTo(Path file, RunMetrics part) {
        RunMetrics merged = Files.exists(file) ? read(file).mergedWith(part) : part;
        try {
            OutputFile.writeText(file, write(merged));
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
        return merged;
    }

    /** The system's reason ("Not a directory", "No space left on device") without the path said twice. */
    private static String reason(IOException e) {
        return e instanceof FileSystemException failed && failed.getReason() != null ? failed.getReason()
                : e.getClass().getSimpleName();
    }
}
