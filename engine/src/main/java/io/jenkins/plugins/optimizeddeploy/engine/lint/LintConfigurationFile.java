package io.jenkins.plugins.optimizeddeploy.engine.lint;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.jenkins.plugins.optimizeddeploy.engine.errors.BadInputException;
import io.jenkins.plugins.optimizeddeploy.engine.files.InputFile;
import io.jenkins.plugins.optimizeddeploy.engine.files.InputFileException;
import io.jenkins.plugins.optimizeddeploy.engine.files.InputKind;
import io.jenkins.plugins.optimizeddeploy.engine.findings.FailureThreshold;
import io.jenkins.plugins.optimizeddeploy.engine.findings.Severity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Reads a {@code .hadolint.yaml}: {@code ignored}, {@code override} ({@code error}, {@code warning}, {@code info},
 * {@code style}: lists of rule ids), {@code failure-threshold}, {@code trustedRegistries}, {@code no-fail} and
 * {@code disable-ignore-pragma}, {@code label-schema} (label name to {@code text}, {@code url}, {@code email},
 * {@code semver}, {@code hash}, {@code rfc3339} or {@code spdx}) and {@code strict-labels}. hadolint's output
 * settings ({@code format}, {@code no-color}, {@code verbose}) are accepted and have no effect here; any other key
 * is refused, so that a typo does not silently switch a setting off.
 */
public final class LintConfigurationFile {
    /** A key set twice is refused rather than the last one silently winning. */
    private static final YAMLMapper YAML =
            YAMLMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final Set<String> ACCEPTED_WITHOUT_EFFECT =
            Set.of("format", "no-color", "verbose");

    private LintConfigurationFile() {
    }

    /**
     * The configuration in a file, on top of hadolint's defaults.
     *
     * @throws LintConfigurationException naming the file and what is wrong in it
     * @throws InputFileException naming the file when it is missing, not a regular file, too large or unreadable
     */
    public static LintConfiguration read(Path file) {
        return parse(file.toString(), InputFile.of(InputKind.LINT_CONFIGURATION, file).readText());
    }

    /** The configuration in YAML text; {@code source} names it in error messages. */
    public static LintConfiguration parse(String source, String yaml) {
        JsonNode root;
        try (JsonParser parser = YAML.createParser(yaml)) {
            root = YAML.readTree(parser);
            if (parser.nextToken() != null) {
                throw new LintConfigurationException(source, "line " + parser.currentTokenLocation().getLineNr()
                        + ": a second YAML document; a configuration is one document");
            }
        } catch (JsonProcessingException e) {
            throw new LintConfigurationException(source, "not YAML" + problem(e));
        } catch (IOException e) {
            throw new UncheckedIOException("Reading YAML from a string failed", e);
        }
        LintConfiguration configuration = LintConfiguration.defaults();
        if (root == null || root.isMissingNode() || root.isNull()) {
            return configuration;
        }
        if (!root.isObject()) {
            throw new LintConfigurationException(source, "expected a mapping of settings, found " + root.getNodeType());
        }
        Iterator<Map.Entry<String, JsonNode>> fields = root.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            configuration = apply(source, configuration, field.getKey(), field.getValue());
        }
        return configuration;
    }

    /**
     * Where the YAML breaks, never the parser's own words about it: those quote the lines around the problem, and a
     * file that is no configuration (a credentials file, a git config with a token in a URL) must not reach a log.
     * Only a key set twice and too deep a nesting are named, since they quote a key or nothing of the file.
     */
    private static String problem(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        JsonLocation location = e.getLocation();
        if (message.startsWith("Duplicate field '") || e instanceof StreamConstraintsException) {
            return ": " + message.lines().findFirst().orElse(message)
                    + (location == null ? "" : " (line " + location.getLineNr() + ")");
        }
        return location == null ? ""
                : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    private static LintConfiguration apply(String source, LintConfiguration configuration, String key, JsonNode value) {
        switch (key) {
            case "ignored":
                return configuration.ignoring(Set.copyOf(strings(source, key, value)));
            case "override":
                return configuration.overriding(overrides(source, value));
            case "failure-threshold":
                return configuration.withFailureThreshold(parseSetting(source, key,
                        () -> FailureThreshold.parse(scalar(source, key, value))));
            case "trustedRegistries":
                return configuration.trusting(strings(source, key, value));
            case "no-fail":
                return bool(source, key, value)
                        ? configuration.withFailureThreshold(FailureThreshold.NONE)
                        : configuration;
            case "disable-ignore-pragma":
                return configuration.withIgnorePragmas(!bool(source, key, value));
            case "label-schema":
                return configuration.requiringLabels(labelSchema(source, value));
            case "strict-labels":
                return configuration.withStrictLabels(bool(source, key, value));
            default:
                if (ACCEPTED_WITHOUT_EFFECT.contains(key)) {
                    return configuration;
                }
                throw new LintConfigurationException(source, "unknown setting '" + key + "'; expected ignored,"
                        + " override, failure-threshold, trustedRegistries, no-fail, disable-ignore-pragma, label-schema or"
                        + " strict-labels");
        }
    }

    private static Map<String, Severity> overrides(String source, JsonNode value) {
        if (!value.isObject()) {
            throw new LintConfigurationException(source, "'override' must map severities to lists of rule ids");
        }
        Map<String, Severity> overrides = new HashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            Severity severity = parseSetting(source, "override", () -> Severity.parse(field.getKey()));
            for (String ruleId : strings(source, "override." + field.getKey(), field.getValue())) {
                overrides.put(ruleId, severity);
            }
        }
        return overrides;
    }

    private static Map<String, LabelType> labelSchema(String source, JsonNode value) {
        if (!value.isObject()) {
            throw new LintConfigurationException(source, "'label-schema' must map label names to types");
        }
        Map<String, LabelType> schema = new HashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String type = field.getValue().isNull() ? "" : scalar(source, "label-schema." + field.getKey(),
                    field.getValue());
            schema.put(field.getKey(), parseSetting(source, "label-schema." + field.getKey(),
                    () -> LabelType.parse(type)));
        }
        return schema;
    }

    private static List<String> strings(String source, String key, JsonNode value) {
        if (value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw new LintConfigurationException(source, "'" + key + "' must be a list, found " + value.getNodeType());
        }
        List<String> strings = new ArrayList<>();
        for (JsonNode element : value) {
            strings.add(scalar(source, key, element));
        }
        return strings;
    }

    private static String scalar(String source, String key, JsonNode value) {
        if (!value.isValueNode() || value.isNull()) {
            throw new LintConfigurationException(source, "'" + key + "' must hold plain values, found "
                    + value.getNodeType());
        }
        return value.asText();
    }

    private static boolean bool(String source, String key, JsonNode value) {
        if (!value.isBoolean()) {
            throw new LintConfigurationException(source, "'" + key + "' must be true or false, found '" + value.asText()
                    + "'");
        }
        return value.booleanValue();
    }

    private static <T> T parseSetting(String source, String key, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (BadInputException e) {
            throw new LintConfigurationException(source, "'" + key + "': " + e.getMessage());
        }
    }
}
