package io.jenkins.plugins.optimizeddeploy.engine.bake;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.optimizeddeploy.engine.files.InputFile;
import io.jenkins.plugins.optimizeddeploy.engine.files.InputKind;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.SourceDate;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads {@code docker-bake.hcl} and {@code docker-bake.json} into a {@link BakeDefinition} as
 * {@code docker buildx bake --print} does (checked against it by BakePrintAgreementIT): variables (the environment
 * overrides those declared in {@code variable} blocks), {@code ${VAR}} interpolation, groups, and targets with
 * {@code inherits} merged as buildx merges them. A JSON file is turned into the same blocks as HCL, so both go through
 * one evaluation. Attributes that do not matter for building (output, secret, ...) are ignored.
 */
public final class BakeFileReader {
    /** The same depth as HCL's, so that neither form of a bake file can nest its way to a stack overflow. */
    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder().streamReadConstraints(
            StreamReadConstraints.builder().maxNestingDepth(HclParser.MAX_NESTING).build()).build());
    private static final String DEFAULT_CONTEXT = ".";
    private static final String DEFAULT_DOCKERFILE = "Dockerfile";
    private static final Set<String> BLOCK_TYPES = Set.of("variable", "group", "target", "function");
    private static final Pattern TARGET_NAME = Pattern.compile("[a-zA-Z0-9_-]+");
    private static final Set<String> STRING_ATTRIBUTES = Set.of("context", "dockerfile", "target");
    private static final Set<String> LIST_ATTRIBUTES = Set.of("tags", "platforms", "inherits");
    /** Lists of cache entries: CSV strings, or objects of fields. */
    private static final Set<String> CACHE_ATTRIBUTES = Set.of("cache-from", "cache-to");
    /** Map attributes whose null entries are allowed and leave an inherited entry as it is. */
    private static final Set<String> NULLABLE_MAP_ATTRIBUTES = Set.of("args", "labels");
    /** The attributes a variable block may set. */
    private static final Set<String> VARIABLE_ATTRIBUTES = Set.of("default", "type", "description");
    /** The attributes that make a target block a matrix of targets rather than attributes of one. */
    private static final Set<String> MATRIX_ATTRIBUTES = Set.of("matrix", "name");
    /** List attributes that add to what is inherited or merged instead of replacing it. */
    private static final Set<String> ACCUMULATING_ATTRIBUTES = Set.of("cache-from", "inherits");

    private BakeFileReader() {
    }

    /** Reads {@code file} (by its extension: {@code .json}, else HCL) with {@code environment} overriding variables. */
    public static BakeDefinition read(Path file, Map<String, String> environment) {
        return read(List.of(file), environment);
    }

    /**
     * Reads several bake files as one, as {@code docker buildx bake --file A --file B} does: a later file's target
     * merges into an earlier one's of the same name (an override file), a later group, variable or global replaces.
     */
    public static BakeDefinition read(List<Path> files, Map<String, String> environment) {
        if (files.isEmpty()) {
            throw new BakeFileException("No bake file to read: give at least one docker-bake.hcl or .json");
        }
        Map<String, HclExpression> globals = new LinkedHashMap<>();
        List<HclBody.Block> blocks = new ArrayList<>();
        for (Path file : files) {
            HclBody body = parse(file);
            globals.putAll(body.attributes());
            blocks.addAll(body.blocks());
        }
        String source = files.size() == 1 ? files.get(0).toString()
                : String.join(" + ", files.stream().map(Path::toString).toList());
        return evaluate(source, new HclBody(globals, blocks), environment);
    }

    public static BakeDefinition readHcl(String source, String text, Map<String, String> environment) {
        return evaluate(source, HclParser.parseFile(source, text), environment);
    }

    /** A bake file in HCL's JSON form, named {@code source} in errors. */
    public static BakeDefinition readJson(String source, String text, Map<String, String> environment) {
        return evaluate(source, parseJson(source, text), environment);
    }

    private static HclBody parse(Path file) {
        String text = InputFile.of(InputKind.BAKE_FILE, file).readText();
        String name = file.toString();
        return name.endsWith(".json") ? parseJson(name, text) : HclParser.parseFile(name, text);
    }

    /**
     * A bake file in HCL's JSON form: the keys variable, group, target (and function) hold named blocks, each an
     * object or a list of objects (repeated blocks); any other key is a global value.
     */
    private static HclBody parseJson(String source, String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (StreamConstraintsException e) {
            throw new BakeFileException(source + ": nested more than " + HclParser.MAX_NESTING
                    + " deep (objects and lists together), the limit", e);
        } catch (JsonProcessingException e) {
            // Not the parser's message: it quotes the token it stopped at, which in a file that is no bake file
            // may be a password.
            JsonLocation location = e.getLocation();
            throw new BakeFileException(source + ": not valid JSON" + (location == null ? ""
                    : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")"), e);
        }
        if (root == null || !root.isObject()) {
            throw new BakeFileException(source + ": a bake file in JSON is an object with variable, group and target");
        }
        Map<String, HclExpression> globals = new LinkedHashMap<>();
        List<HclBody.Block> blocks = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : root.properties()) {
            String key = entry.getKey();
            if (!BLOCK_TYPES.contains(key)) {
                globals.put(key, jsonExpression(source, entry.getValue(), key));
                continue;
            }
            if (!entry.getValue().isObject()) {
                throw new BakeFileException(source + ": '" + key + "' must be an object of named blocks");
            }
            for (Map.Entry<String, JsonNode> block : entry.getValue().properties()) {
                String where = key + " " + block.getKey();
                List<JsonNode> bodies = new ArrayList<>();
                if (block.getValue().isArray()) {
                    block.getValue().forEach(bodies::add);
                } else {
                    bodies.add(block.getValue());
                }
                for (JsonNode body : bodies) {
                    if (!body.isObject()) {
                        throw new BakeFileException(source + ": " + where + " must be an object of attributes");
                    }
                    HclExpression.MapValue attributes = (HclExpression.MapValue) jsonExpression(source, body, where);
                    blocks.add(new HclBody.Block(key, List.of(block.getKey()),
                            new HclBody(attributes.entries(), List.of()), source));
                }
            }
        }
        return new HclBody(globals, blocks);
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
        Map<String, BakeEvaluation.VariableBlock> declared = new LinkedHashMap<>();
        Map<String, BakeEvaluation.UserFunction> functions = new LinkedHashMap<>();
        Map<String, HclBody> groupBodies = new LinkedHashMap<>();
        Map<String, List<HclBody>> targetBodies = new LinkedHashMap<>();
        for (HclBody.Block block : file.blocks()) {
            String where = block.location();
            if (block.labels().size() != 1) {
                throw new BakeFileException(where + ": block '" + block.type() + "' needs exactly one name, has "
                        + block.labels());
            }
            String name = block.labels().get(0);
            switch (block.type()) {
                // a repeated variable or function: the last one counts
                case "variable" -> declared.put(name, variable(where, name, block.body()));
                case "function" -> functions.put(name, function(where, name, block.body()));
                // a repeated group replaces the earlier one; a repeated target is merged into it
                case "group" -> groupBodies.put(checkedName(where, "group", name), block.body());
                case "target" -> targetBodies.computeIfAbsent(checkedName(where, "target", name),
                        key -> new ArrayList<>()).add(block.body());
                default -> throw new BakeFileException(where + ": block type '" + block.type()
                        + "' is not supported (supported: variable, function, group, target)");
            }
        }
        BakeEvaluation evaluation = new BakeEvaluation(source, file.attributes(), declared, functions, environment);
        evaluation.referTargetsThrough(new TargetReferences(source, targetBodies, evaluation));
        evaluation.validate();
        Map<String, List<String>> groups = new LinkedHashMap<>();
        groupBodies.forEach((name, body) -> {
            HclExpression members = body.attributes().get("targets");
            Object value = members == null ? null : evaluation.evaluate(members, "group " + name + ".targets");
            groups.put(name, value == null ? List.of() : stringList(source, "group " + name, "targets",
                    unescaped(value)));
        });
        Map<String, Map<String, Object>> declaredTargets = new LinkedHashMap<>();
        targetBodies.forEach((name, bodies) -> {
            HclExpression matrix = lastAttribute(bodies, "matrix");
            if (matrix == null) {
                declaredTargets.put(name, targetAttributes(source, name, bodies, evaluation, Map.of()));
                return;
            }
            HclExpression nameExpression = lastAttribute(bodies, "name");
            if (nameExpression == null) {
                throw new BakeFileException(source + ": target '" + name + "' has a matrix but no name to tell its"
                        + " targets apart");
            }
            List<String> expanded = new ArrayList<>();
            for (Map<String, Object> values : combinations(source, name, evaluation.evaluate(matrix,
                    "target " + name + ".matrix"))) {
                String expandedName = checkedName(source + ": target " + name, "target", string(source,
                        "target " + name, "name", evaluation.evaluate(nameExpression, "target " + name + ".name",
                                values)));
                expanded.add(expandedName);
                declaredTargets.put(expandedName, targetAttributes(source, expandedName, bodies, evaluation, values));
            }
            groups.put(name, expanded);
        });
        Map<String, Integer> inheritanceDepths = new HashMap<>();
        declaredTargets.keySet().forEach(name ->
                inheritanceDepth(source, name, declaredTargets, inheritanceDepths, new LinkedHashSet<>()));
        Map<String, BakeTarget> targets = new LinkedHashMap<>();
        Map<String, String> unresolvable = new LinkedHashMap<>();
        for (String name : declaredTargets.keySet()) {
            try {
                targets.put(name, toTarget(source, name, resolve(source, name, declaredTargets, new HashMap<>()),
                        environment));
            } catch (BakeFileException e) {
                // like buildx, a target that inherits from nothing or names a bad platform fails only when built
                unresolvable.put(name, e.getMessage());
            }
        }
        return new BakeDefinition(source, targets, groups, evaluation.variables(), unresolvable);
    }

    /** The attributes of a target's blocks merged in order, {@code locals} being the matrix values of this one. */
    private static Map<String, Object> targetAttributes(String source, String name, List<HclBody> bodies,
            BakeEvaluation evaluation, Map<String, Object> locals) {
        Map<String, Object> merged = new LinkedHashMap<>();
        for (HclBody body : bodies) {
            Map<String, Object> attributes = new LinkedHashMap<>();
            body.attributes().forEach((attribute, expression) -> {
                if (!MATRIX_ATTRIBUTES.contains(attribute)) {
                    attributes.put(attribute, evaluation.evaluate(expression, "target " + name + "." + attribute,
                            locals));
                }
            });
            mergeInto(merged, typed(source, "target " + name, attributes));
        }
        return merged;
    }

    private static HclExpression lastAttribute(List<HclBody> bodies, String attribute) {
        HclExpression last = null;
        for (HclBody body : bodies) {
            last = body.attributes().getOrDefault(attribute, last);
        }
        return last;
    }

    /** Every combination of a matrix's values, the first key (by name) varying fastest, as buildx expands them. */
    private static List<Map<String, Object>> combinations(String source, String target, Object matrix) {
        if (!(matrix instanceof Map<?, ?> axes)) {
            throw new BakeFileException(source + ": target '" + target + "' has a matrix that is not a map of lists");
        }
        List<Map<String, Object>> combinations = new ArrayList<>(List.of(Map.of()));
        for (Map.Entry<?, ?> axis : axes.entrySet()) {
            if (!(axis.getValue() instanceof List<?> values)) {
                throw new BakeFileException(source + ": target '" + target + "' matrix." + axis.getKey()
                        + " must be a list");
            }
            List<Map<String, Object>> extended = new ArrayList<>();
            for (Object value : values) {
                for (Map<String, Object> combination : combinations) {
                    Map<String, Object> next = new HashMap<>(combination);
                    next.put(axis.getKey().toString(), value);
                    extended.add(next);
                }
            }
            if (extended.size() > HclParser.MAX_NESTING * HclParser.MAX_NESTING) {
                throw new BakeFileException(source + ": target '" + target + "' has a matrix of more than "
                        + HclParser.MAX_NESTING * HclParser.MAX_NESTING + " targets, the limit");
            }
            combinations = extended;
        }
        return combinations;
    }

    /** A variable block: {@code default}, {@code type}, {@code description} and {@code validation} blocks. */
    private static BakeEvaluation.VariableBlock variable(String where, String name, HclBody body) {
        for (String attribute : body.attributes().keySet()) {
            if (!VARIABLE_ATTRIBUTES.contains(attribute)) {
                throw new BakeFileException(where + ": variable '" + name + "' has attribute '" + attribute
                        + "'; a variable has only default, type, description and validation blocks");
            }
        }
        List<BakeEvaluation.Validation> validations = new ArrayList<>();
        for (HclBody.Block block : body.blocks()) {
            if (!block.type().equals("validation") || !block.labels().isEmpty()
                    || !block.body().attributes().containsKey("condition")) {
                throw new BakeFileException(where + ": variable '" + name + "' has a block '" + block.type()
                        + "'; a variable has only validation blocks, each with a condition");
            }
            validations.add(new BakeEvaluation.Validation(block.body().attributes().get("condition"),
                    block.body().attributes().get("error_message")));
        }
        HclExpression type = body.attributes().get("type");
        if (type instanceof HclExpression.Literal literal && literal.value() instanceof String written) {
            // a JSON file writes the type as a string
            type = HclParser.parseExpression(where + " variable " + name + ".type", written);
        }
        return new BakeEvaluation.VariableBlock(body.attributes().get("default"), type, validations);
    }

    /** A function block: {@code params} (a list of names), {@code variadic_params} and {@code result}. */
    private static BakeEvaluation.UserFunction function(String where, String name, HclBody body) {
        HclExpression params = body.attributes().get("params");
        HclExpression result = body.attributes().get("result");
        if (!(params instanceof HclExpression.ListValue names) || result == null) {
            throw new BakeFileException(where + ": function '" + name + "' needs params = [NAME, ...] and result");
        }
        List<String> parameters = new ArrayList<>();
        for (HclExpression parameter : names.items()) {
            parameters.add(parameterName(where, name, parameter));
        }
        HclExpression variadic = body.attributes().get("variadic_params");
        return new BakeEvaluation.UserFunction(parameters, variadic == null ? null
                : parameterName(where, name, variadic), result);
    }

    private static String parameterName(String where, String function, HclExpression parameter) {
        if (parameter instanceof HclExpression.Reference reference) {
            return reference.name();
        }
        // in a JSON file a name is a string
        if (parameter instanceof HclExpression.Literal literal && literal.value() instanceof String name) {
            return name;
        }
        throw new BakeFileException(where + ": function '" + function + "' has a parameter that is not a name");
    }

    private static String checkedName(String where, String kind, String name) {
        if (!TARGET_NAME.matcher(name).matches()) {
            throw new BakeFileException(where + ": " + kind + " name '" + name
                    + "' may only have letters, digits, '_' and '-'");
        }
        return name;
    }

    /**
     * The attributes a target block sets, as strings, string lists and string maps: null means not set (and a null
     * args or labels entry does not override an inherited one). Other attributes are left out.
     */
    private static Map<String, Object> typed(String source, String where, Map<String, Object> attributes) {
        Map<String, Object> typed = new LinkedHashMap<>();
        attributes.forEach((attribute, value) -> {
            if (value == null) {
                return;
            }
            if (!NULLABLE_MAP_ATTRIBUTES.contains(attribute)) {
                value = unescaped(value);
            }
            if (STRING_ATTRIBUTES.contains(attribute)) {
                typed.put(attribute, string(source, where, attribute, value));
            } else if (CACHE_ATTRIBUTES.contains(attribute)) {
                typed.put(attribute, cacheEntries(source, where, attribute, value));
            } else if (LIST_ATTRIBUTES.contains(attribute)) {
                typed.put(attribute, stringList(source, where, attribute, value));
            } else if (NULLABLE_MAP_ATTRIBUTES.contains(attribute) || attribute.equals("contexts")) {
                typed.put(attribute, stringMap(source, where, attribute, value,
                        NULLABLE_MAP_ATTRIBUTES.contains(attribute)));
            }
        });
        return typed;
    }

    /**
     * {@code value} with the escapes {@code $${} and {@code %%{} read as {@code ${} and {@code %{}: the parser keeps
     * them, since buildx 0.29 prints them as written in args and labels, and read everywhere else.
     */
    private static Object unescaped(Object value) {
        if (value instanceof String text) {
            return text.replace("$${", "${").replace("%%{", "%{");
        }
        if (value instanceof List<?> items) {
            return items.stream().map(BakeFileReader::unescaped).toList();
        }
        if (value instanceof Map<?, ?> entries) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            entries.forEach((key, item) -> copy.put(key, unescaped(item)));
            return copy;
        }
        return value;
    }

    /**
     * The target's attributes over those of what it inherits, as buildx's ResolveTarget: each target is resolved
     * once per resolution, and a target met again while it is being resolved (a cycle) adds nothing.
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> resolve(String source, String name, Map<String, Map<String, Object>> declared,
            Map<String, Map<String, Object>> visited) {
        if (visited.containsKey(name)) {
            return visited.get(name);
        }
        visited.put(name, null);
        Map<String, Object> own = declared.get(name);
        Map<String, Object> merged = new LinkedHashMap<>();
        for (String parent : (List<String>) own.getOrDefault("inherits", List.of())) {
            if (!declared.containsKey(parent)) {
                throw new BakeFileException(source + ": target '" + name + "' inherits from '" + parent
                        + "', which is not a target (targets: " + declared.keySet() + ")");
            }
            Map<String, Object> inherited = resolve(source, parent, declared, visited);
            if (inherited != null) {
                mergeInto(merged, inherited);
            }
        }
        mergeInto(merged, own);
        merged.remove("inherits");
        Map<String, String> contexts = (Map<String, String>) merged.get("contexts");
        if (contexts != null) {
            // an empty context removes an inherited one, before anything inherits this target
            contexts.values().removeIf(String::isEmpty);
        }
        visited.put(name, merged);
        return merged;
    }

    /**
     * How many targets a target inherits through, at most {@link HclParser#MAX_NESTING}, so that resolving it cannot
     * recurse deeper; a parent that is not a target, or that is met again (a cycle), adds nothing here.
     */
    @SuppressWarnings("unchecked")
    private static int inheritanceDepth(String source, String name, Map<String, Map<String, Object>> declared,
            Map<String, Integer> depths, Set<String> path) {
        Integer known = depths.get(name);
        if (known != null) {
            return known;
        }
        if (!declared.containsKey(name) || !path.add(name)) {
            return 0;
        }
        int depth = 1;
        for (String parent : (List<String>) declared.get(name).getOrDefault("inherits", List.of())) {
            depth = Math.max(depth, 1 + inheritanceDepth(source, parent, declared, depths, path));
            if (depth > HclParser.MAX_NESTING || path.size() > HclParser.MAX_NESTING) {
                throw new BakeFileException(source + ": target '" + name + "' inherits through more than "
                        + HclParser.MAX_NESTING + " targets, the limit");
            }
        }
        path.remove(name);
        depths.put(name, depth);
        return depth;
    }

    /** As buildx's Target.Merge: maps merge key by key, cache-from and inherits accumulate, the rest is replaced. */
    @SuppressWarnings("unchecked")
    private static void mergeInto(Map<String, Object> merged, Map<String, Object> overlay) {
        overlay.forEach((attribute, value) -> {
            Object previous = merged.get(attribute);
            if (value instanceof Map<?, ?> entries) {
                Map<String, String> combined = previous == null ? new LinkedHashMap<>()
                        : new LinkedHashMap<>((Map<String, String>) previous);
                entries.forEach((key, entry) -> {
                    if (entry != null) {
                        combined.put((String) key, (String) entry);
                    }
                });
                merged.put(attribute, combined);
            } else if (ACCUMULATING_ATTRIBUTES.contains(attribute) && previous != null) {
                List<String> combined = new ArrayList<>((List<String>) previous);
                combined.addAll((List<String>) value);
                merged.put(attribute, combined);
            } else {
                merged.put(attribute, value);
            }
        });
    }

    /**
     * A resolved target with buildx's defaults; lists lose repeated and empty entries, as buildx's normalize does,
     * and {@code SOURCE_DATE_EPOCH} from the environment becomes a build argument unless the target sets one.
     */
    @SuppressWarnings("unchecked")
    private static BakeTarget toTarget(String source, String name, Map<String, Object> attributes,
            Map<String, String> environment) {
        Map<String, String> args = new LinkedHashMap<>((Map<String, String>) attributes.getOrDefault("args", Map.of()));
        String epoch = environment.get(SourceDate.VARIABLE);
        if (epoch != null && !epoch.isEmpty()) {
            args.putIfAbsent(SourceDate.VARIABLE, epoch);
        }
        BakeTarget target = BakeTarget.builder(name,
                        orDefault((String) attributes.get("context"), DEFAULT_CONTEXT),
                        orDefault((String) attributes.get("dockerfile"), DEFAULT_DOCKERFILE),
                        (String) attributes.getOrDefault("target", ""))
                .args(args)
                .tags(distinct(attributes.get("tags")))
                .labels((Map<String, String>) attributes.getOrDefault("labels", Map.of()))
                .platforms(distinct(attributes.get("platforms")))
                .cache(distinct(attributes.get("cache-from")), distinct(attributes.get("cache-to")))
                .contexts((Map<String, String>) attributes.getOrDefault("contexts", Map.of()))
                .build();
        BuildableTargetCheck.check(source, target);
        return target;
    }

    /** An unset or empty context or dockerfile is buildx's default. */
    private static String orDefault(String value, String defaultValue) {
        return value == null || value.isEmpty() ? defaultValue : value;
    }

    @SuppressWarnings("unchecked")
    private static List<String> distinct(Object values) {
        if (values == null) {
            return List.of();
        }
        return ((List<String>) values).stream().filter(value -> !value.isEmpty()).distinct().toList();
    }

    private static String string(String source, String where, String attribute, Object value) {
        if (BakeEvaluation.isScalar(value)) {
            return BakeEvaluation.scalarText(value);
        }
        throw new BakeFileException(source + ": " + where + "." + attribute + " must be a string, is " + describe(value));
    }

    /** Cache entries as canonical CSV strings; an object entry's fields joined ({@code {type = "gha"}} is "type=gha"). */
    private static List<String> cacheEntries(String source, String where, String attribute, Object value) {
        if (!(value instanceof List<?> items)) {
            throw new BakeFileException(source + ": " + where + "." + attribute + " must be a list, is " + describe(value));
        }
        List<String> entries = new ArrayList<>();
        int index = 0;
        for (Object item : items) {
            String entry = item instanceof Map<?, ?> fields ? CacheEntry.text(HclValues.map(fields))
                    : string(source, where, attribute + "[" + index + "]", item);
            entries.addAll(CacheEntry.canonical(source + ": " + where + " " + attribute, entry));
            index++;
        }
        return entries;
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

    /** A map of strings; a null entry is kept when {@code nullable} (it then overrides nothing), else an error. */
    private static Map<String, String> stringMap(String source, String where, String attribute, Object value,
            boolean nullable) {
        if (!(value instanceof Map<?, ?> entries)) {
            throw new BakeFileException(source + ": " + where + "." + attribute + " must be a map, is " + describe(value));
        }
        Map<String, String> strings = new LinkedHashMap<>();
        entries.forEach((key, item) -> strings.put(key.toString(), item == null && nullable ? null
                : string(source, where, attribute + "." + key, item)));
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
