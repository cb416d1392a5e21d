package io.jenkins.plugins.optimizeddeploy.cli.run;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.jenkins.plugins.optimizeddeploy.engine.files.InputFile;
import io.jenkins.plugins.optimizeddeploy.engine.files.InputKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The settings of {@code optimized-deploy run}: the shared library's {@code defaults.yaml} (the keys
 * {@code optimizedDeploy(...)} takes in a Jenkinsfile), then the config file's values. A key the defaults do not have,
 * or a value of another type than its default's, is refused; paths are relative to the config file's folder.
 */
final class RunConfiguration {
    /** Bundled from the repository's {@code resources/} folder, which Jenkins reads as the library's resources. */
    static final String DEFAULTS = "/io/jenkins/plugins/optimizeddeploy/defaults.yaml";
    /** A key set twice is refused rather than the last one silently winning. */
    private static final YAMLMapper YAML =
            YAMLMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private final Path folder;
    private final ObjectNode values;

    private RunConfiguration(Path folder, ObjectNode values) {
        this.folder = folder;
        this.values = values;
    }

    /**
     * The defaults overridden by {@code file}.
     *
     * @throws RunConfigurationException naming the file and the key that is wrong, with the allowed keys or type
     * @throws io.jenkins.plugins.optimizeddeploy.engine.files.InputFileException when the file cannot be read
     */
    static RunConfiguration read(Path file) {
        ObjectNode values = defaults();
        JsonNode given = parse(file, InputFile.of(InputKind.RUN_CONFIGURATION, file).readText());
        if (given.isObject()) {
            for (Map.Entry<String, JsonNode> entry : given.properties()) {
                values.set(entry.getKey(), checked(file, values, entry.getKey(), entry.getValue()));
            }
        } else if (!given.isNull() && !given.isMissingNode()) {
            throw new RunConfigurationException(file + ": expected a mapping of keys (" + keys(values) + "), found "
                    + typeOf(given));
        }
        Path folder = file.toAbsolutePath().getParent();
        return new RunConfiguration(folder, values);
    }

    private static ObjectNode defaults() {
        try (InputStream defaults = RunConfiguration.class.getResourceAsStream(DEFAULTS)) {
            if (defaults == null) {
                throw new IllegalStateException("this build of optimized-deploy lacks " + DEFAULTS);
            }
            return (ObjectNode) YAML.readTree(defaults);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + DEFAULTS, e);
        }
    }

    /** The file's one YAML document; a parse error names the line only, never quotes the file (it may hold secrets). */
    private static JsonNode parse(Path file, String text) {
        try {
            return YAML.readTree(text);
        } catch (JacksonException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
            String duplicate = e.getOriginalMessage().startsWith("Duplicate field '")
                    ? ": " + e.getOriginalMessage().lines().findFirst().orElse("") : "";
            throw new RunConfigurationException(file + ": not YAML" + where + duplicate);
        }
    }

    private static JsonNode checked(Path file, ObjectNode defaults, String key, JsonNode value) {
        JsonNode expected = defaults.get(key);
        if (expected == null) {
            throw new RunConfigurationException(file + ": unknown key '" + key + "'; the keys are " + keys(defaults));
        }
        boolean fits = typeOf(value).equals(typeOf(expected))
                && (!value.isContainerNode() || allScalars(value, expected.isArray()));
        if (!fits) {
            throw new RunConfigurationException(file + ": " + key + " must be " + typeOf(expected)
                    + ", not " + typeOf(value));
        }
        return value;
    }

    /** List items are strings; map values are strings, numbers or booleans (deployOptions' flags). */
    private static boolean allScalars(JsonNode container, boolean list) {
        for (JsonNode item : container) {
            if (list ? !item.isTextual() : !item.isValueNode() || item.isNull()) {
                return false;
            }
        }
        return true;
    }

    private static String typeOf(JsonNode value) {
        JsonNodeType type = value.getNodeType();
        return switch (type) {
            case BOOLEAN -> "true or false";
            case NUMBER -> value.isIntegralNumber() ? "a whole number" : "a decimal number";
            case STRING -> "a string";
            case ARRAY -> "a list of strings";
            case OBJECT -> "a mapping of names to values";
            default -> type.name().toLowerCase();
        };
    }

    private static String keys(ObjectNode defaults) {
        List<String> keys = new ArrayList<>();
        defaults.fieldNames().forEachRemaining(keys::add);
        return String.join(", ", keys);
    }

    boolean bool(String key) {
        return values.get(key).booleanValue();
    }

    String text(String key) {
        return values.get(key).textValue();
    }

    int number(String key) {
        return values.get(key).intValue();
    }

    List<String> strings(String key) {
        List<String> strings = new ArrayList<>();
        values.get(key).forEach(item -> strings.add(item.textValue()));
        return strings;
    }

    /** A mapping's values as text, in the file's order. */
    Map<String, String> map(String key) {
        Map<String, String> map = new LinkedHashMap<>();
        values.get(key).properties().forEach(entry -> map.put(entry.getKey(), entry.getValue().asText()));
        return map;
    }

    /** A path setting, resolved against the config file's folder. */
    Path path(String key) {
        return folder.resolve(text(key));
    }

    List<Path> paths(String key) {
        return strings(key).stream().map(folder::resolve).toList();
    }

    /** The config file's folder: where a {@code .hadolint.yaml} of the run is looked for. */
    Path folder() {
        return folder;
    }
}
