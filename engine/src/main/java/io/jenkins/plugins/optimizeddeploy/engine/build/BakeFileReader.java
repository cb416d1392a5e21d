package io.jenkins.plugins.optimizeddeploy.engine.build;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code docker-bake.hcl} and {@code docker-bake.json} into a {@link BakeDefinition} as
 * {@code docker buildx bake --print} would: variables (the environment overrides defaults), {@code ${VAR}}
 * interpolation, groups and targets with {@code inherits}. A JSON file is turned into the same blocks as HCL, so
 * both go through one evaluation. Attributes that do not matter for building (output, secret, ...) are ignored.
 */
public final class BakeFileReader {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DEFAULT_CONTEXT = ".";
    private static final String DEFAULT_DOCKERFILE = "Dockerfile";
    private static final Set<String> MAP_ATTRIBUTES = Set.of("args", "labels", "contexts");

    private BakeFileReader() {
    }

    /** Reads {@code file} (by its extension: {@code .json}, else HCL) with {@code environment} overriding variables. */
    public static BakeDefinition read(Path file, Map<String, String> environment) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BakeFileException("Cannot read bake file " + file + ": " + e.getMessage(), e);
        }
        String name = file.toString();
        return name.endsWith(".json") ? readJson(name, text, environment) : readHcl(name, text, environment);
    }

    public static BakeDefinition readHcl(String source, String text, Map<String, String> environment) {
        return evaluate(source, HclParser.parseFile(source, text), environment);
    }

    public static BakeDefinition readJson(String source, String text, Map<String, String> environment) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new BakeFileException(source + ": not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new BakeFileException(source + ": a bake file in JSON is an object with variable, group and target");
        }
        List<HclBody.Block> blocks = new ArrayList<>();
        for (Map.Entry<String, JsonNode> kind : root.properties()) {
            if (!kind.getValue().isObject()) {
                throw new BakeFileException(source + ": '" + kind.getKey() + "' must be an object of named blocks");
            }
            for (Map.Entry<String, JsonNode> block : kind.getValue().properties()) {
                HclExpression.MapValue attributes = (HclExpression.MapValue) jsonExpression(source, block.getValue(),
                        kind.getKey() + " " + block.getKey());
                blocks.add(new HclBody.Block(kind.getKey(), List.of(block.getKey()),
                        new HclBody(attributes.entries(), List.of()), 0));
            }
        }
        return evaluate(source, new HclBody(Map.of(), blocks), environment);
    }

    private static HclExpression jsonExpression(String source, JsonNode node, String where) {
        if (node.isTextual()) {
            return HclParser.parseTemplate(source + " (" + where + ")", node.textValue());
        }
        if (node.isArray()) {
            List<HclExpression> items = new ArrayList<>();
            node.forEach(item -> items.add(jsonExpression(source, item, where)));
            return new HclExpression.ListValue(items);
        }
        if (node.isObject()) {
            Map<String, HclExpression> entries = new LinkedHashMap<>();
            node.properties().forEach(entry ->
                    entries.put(entry.getKey(), jsonExpression(source, entry.getValue(), where + "." + entry.getKey())));
            return new HclExpression.MapValue(entries);
        }
        if (node.isBoolean()) {
            return new HclExpression.Literal(node.booleanValue());
        }
        if (node.isIntegralNumber()) {
            return new HclExpression.Literal(node.longValue());
        }
        if (node.isNumber()) {
            return new HclExpression.Literal(new BigDecimal(node.asText()));
        }
        return new HclExpression.Literal(null);
    }

    private static BakeDefinition evaluate(String source, HclBody file, Map<String, String> environment) {
        Map<String, HclExpression> variableDefaults = new LinkedHashMap<>(file.attributes());
        Map<String, HclBody> groupBodies = new LinkedHashMap<>();
        Map<String, HclBody> targetBodies = new LinkedHashMap<>();
        for (HclBody.Block block : file.blocks()) {
            String where = source + (block.line() > 0 ? ":" + block.line() : "");
            if (block.labels().size() != 1) {
                throw new BakeFileException(where + ": block '" + block.type() + "' needs exactly one name, has "
                        + block.labels());
            }
            String name = block.labels().get(0);
            switch (block.type()) {
                case "variable" -> variableDefaults.put(name,
                        block.body().attributes().getOrDefault("default", new HclExpression.Literal("")));
                case "group" -> putOnce(groupBodies, name, block.body(), where, "group");
                case "target" -> putOnce(targetBodies, name, block.body(), where, "target");
                default -> throw new BakeFileException(where + ": block type '" + block.type()
                        + "' is not supported (supported: variable, group, target)");
            }
        }
        BakeEvaluation evaluation = new BakeEvaluation(source, variableDefaults, environment);
        Map<String, List<String>> groups = new LinkedHashMap<>();
        groupBodies.forEach((name, body) -> groups.put(name, stringList(source, "group " + name, "targets",
                body.attributes().containsKey("targets")
                        ? evaluation.evaluate(body.attributes().get("targets"), "group " + name + ".targets")
                        : List.of())));
        Map<String, Map<String, Object>> rawTargets = new LinkedHashMap<>();
        targetBodies.forEach((name, body) -> {
            Map<String, Object> attributes = new LinkedHashMap<>();
            body.attributes().forEach((attribute, expression) ->
                    attributes.put(attribute, evaluation.evaluate(expression, "target " + name + "." + attribute)));
            rawTargets.put(name, attributes);
        });
        Map<String, BakeTarget> targets = new LinkedHashMap<>();
        for (String name : rawTargets.keySet()) {
            targets.put(name, toTarget(source, name, inherited(source, name, rawTargets, new LinkedHashSet<>())));
        }
        return new BakeDefinition(source, targets, groups, evaluation.variables());
    }

    private static void putOnce(Map<String, HclBody> bodies, String name, HclBody body, String where, String kind) {
        if (bodies.putIfAbsent(name, body) != null) {
            throw new BakeFileException(where + ": " + kind + " '" + name + "' is defined twice");
        }
    }

    /** The target's attributes over those of what it inherits, merged as buildx merges them. */
    private static Map<String, Object> inherited(String source, String name, Map<String, Map<String, Object>> raw,
            Set<String> path) {
        if (!path.add(name)) {
            throw new BakeFileException(source + ": target '" + name + "' inherits from itself through " + path);
        }
        Map<String, Object> own = raw.get(name);
        Map<String, Object> merged = new LinkedHashMap<>();
        for (String parent : stringList(source, "target " + name, "inherits", own.getOrDefault("inherits", List.of()))) {
            if (!raw.containsKey(parent)) {
                throw new BakeFileException(source + ": target '" + name + "' inherits from '" + parent
                        + "', which is not a target (targets: " + raw.keySet() + ")");
            }
            mergeInto(merged, inherited(source, parent, raw, path));
        }
        mergeInto(merged, own);
        merged.remove("inherits");
        path.remove(name);
        return merged;
    }

    /** Maps merge key by key, cache-from accumulates, everything else is replaced. */
    @SuppressWarnings("unchecked")
    private static void mergeInto(Map<String, Object> merged, Map<String, Object> overlay) {
        overlay.forEach((attribute, value) -> {
            if (value == null) {
                return;
            }
            Object previous = merged.get(attribute);
            if (MAP_ATTRIBUTES.contains(attribute) && previous instanceof Map && value instanceof Map) {
                Map<String, Object> combined = new LinkedHashMap<>((Map<String, Object>) previous);
                combined.putAll((Map<String, Object>) value);
                merged.put(attribute, combined);
            } else if (attribute.equals("cache-from") && previous instanceof List && value instanceof List) {
                List<Object> combined = new ArrayList<>((List<Object>) previous);
                combined.addAll((List<Object>) value);
                merged.put(attribute, combined);
            } else {
                merged.put(attribute, value);
            }
        });
    }

    private static BakeTarget toTarget(String source, String name, Map<String, Object> attributes) {
        String where = "target " + name;
        return new BakeTarget(name,
                string(source, where, "context", attributes.getOrDefault("context", DEFAULT_CONTEXT)),
                string(source, where, "dockerfile", attributes.getOrDefault("dockerfile", DEFAULT_DOCKERFILE)),
                string(source, where, "target", attributes.getOrDefault("target", "")),
                stringMap(source, where, "args", attributes.get("args")),
                stringList(source, where, "tags", attributes.getOrDefault("tags", List.of())),
                stringMap(source, where, "labels", attributes.get("labels")),
                stringList(source, where, "platforms", attributes.getOrDefault("platforms", List.of())),
                stringList(source, where, "cache-from", attributes.getOrDefault("cache-from", List.of())),
                stringList(source, where, "cache-to", attributes.getOrDefault("cache-to", List.of())),
                stringMap(source, where, "contexts", attributes.get("contexts")));
    }

    private static String string(String source, String where, String attribute, Object value) {
        if (value instanceof String || value instanceof Long || value instanceof Boolean || value instanceof BigDecimal) {
            return value instanceof BigDecimal number ? number.toPlainString() : value.toString();
        }
        throw new BakeFileException(source + ": " + where + "." + attribute + " must be a string, is " + describe(value));
    }

    private static List<String> stringList(String source, String where, String attribute, Object value) {
        if (!(value instanceof List<?> items)) {
            throw new BakeFileException(source + ": " + where + "." + attribute + " must be a list, is " + describe(value));
        }
        List<String> strings = new ArrayList<>();
        for (Object item : items) {
            strings.add(string(source, where, attribute + "[" + strings.size() + "]", item));
        }
        return strings;
    }

    private static Map<String, String> stringMap(String source, String where, String attribute, Object value) {
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> entries)) {
            throw new BakeFileException(source + ": " + where + "." + attribute + " must be a map, is " + describe(value));
        }
        Map<String, String> strings = new LinkedHashMap<>();
        entries.forEach((key, item) -> {
            if (item != null) {
                strings.put(key.toString(), string(source, where, attribute + "." + key, item));
            }
        });
        return strings;
    }

    private static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof List) {
            return "a list";
        }
        return value instanceof Map ? "a map" : "'" + value + "'";
    }
}
