package io.jenkins.plugins.optimizeddeploy.engine.bake;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Evaluates expressions against a bake file's values as buildx does: its built-in variables, then the file's global
 * attributes ({@code NAME = value}), then its {@code variable} blocks. The environment overrides only variables
 * declared in blocks, read as the type of the default (bool, number, else string). A value may refer to others
 * (a cycle is an error), and so may a default.
 */
final class BakeEvaluation {
    /** buildx's own variables for a local bake file; the file cannot redefine them. */
    static final Map<String, String> BUILT_INS =
            Map.of("BAKE_CMD_CONTEXT", "cwd://", "BAKE_LOCAL_PLATFORM", localPlatform());
    /** The numbers Go's strconv.ParseFloat reads in decimal, which buildx uses for a number variable's override. */
    private static final Pattern DECIMAL_NUMBER =
            Pattern.compile("[+-]?(\\d+(_\\d+)*\\.?(\\d+(_\\d+)*)?|\\.\\d+(_\\d+)*)([eE][+-]?\\d+(_\\d+)*)?");
    private static final Set<String> GO_TRUE = Set.of("1", "t", "T", "true", "TRUE", "True");
    private static final Set<String> GO_FALSE = Set.of("0", "f", "F", "false", "FALSE", "False");
    /**
     * The most characters of strings plus items of lists and maps one value may hold (1 Mi), counted as if nothing
     * were shared: a few variables that each double the one before would otherwise fill any heap.
     */
    static final int MAX_VALUE_SIZE = 1 << 20;
    /** The most characters and items that the values a bake file's targets, groups and variables take (16 Mi). */
    static final int MAX_FILE_SIZE = 16 << 20;

    private final String source;
    private final Map<String, HclExpression> globals;
    private final Map<String, HclExpression> declared;
    private final Map<String, String> environment;
    private final Map<String, Sized> resolved = new LinkedHashMap<>();
    private final Set<String> resolving = new LinkedHashSet<>();
    private long fileSize;

    /** A value and its size as {@link #MAX_VALUE_SIZE} counts it. */
    private record Sized(Object value, long size) {
    }

    /**
     * @param globals  the file's top-level attributes
     * @param declared the file's variable blocks by name, each with its default ({@code ""} when it has none)
     */
    BakeEvaluation(String source, Map<String, HclExpression> globals, Map<String, HclExpression> declared,
            Map<String, String> environment) {
        this.source = source;
        this.globals = globals;
        this.declared = declared;
        this.environment = environment;
    }

    /** Every global and declared variable's value (a null one included), after environment overrides. */
    Map<String, Object> variables() {
        Set<String> names = new LinkedHashSet<>(globals.keySet());
        names.addAll(declared.keySet());
        names.removeAll(BUILT_INS.keySet());
        Map<String, Object> values = new LinkedHashMap<>();
        names.forEach(name -> values.put(name, counted(variable(name), "variable " + name)));
        return Collections.unmodifiableMap(values);
    }

    /** The value of an expression in {@code where} (a target's attribute, a group's targets). */
    Object evaluate(HclExpression expression, String where) {
        return counted(sized(expression, where), where);
    }

    private Object counted(Sized sized, String where) {
        fileSize += sized.size();
        if (fileSize > MAX_FILE_SIZE) {
            throw new BakeFileException(source + ": " + where + " takes the file's values past " + MAX_FILE_SIZE
                    + " characters and items, the limit for one bake file");
        }
        return sized.value();
    }

    private Sized sized(HclExpression expression, String where) {
        if (expression instanceof HclExpression.Literal literal) {
            return new Sized(literal.value(), literal.value() instanceof String text ? text.length() : 1);
        }
        if (expression instanceof HclExpression.Reference reference) {
            return variableAt(reference.name(), where);
        }
        if (expression instanceof HclExpression.Template template) {
            if (template.parts().size() == 1 && template.parts().get(0) instanceof HclExpression only) {
                // "${X}" alone is X itself, not its text: a list stays a list and null stays null
                return sized(only, where);
            }
            StringBuilder text = new StringBuilder();
            for (Object part : template.parts()) {
                text.append(part instanceof HclExpression inner ? interpolated(sized(inner, where).value(), where)
                        : part);
                requireSmall(text.length(), where);
            }
            return new Sized(text.toString(), text.length());
        }
        long size = 1;
        if (expression instanceof HclExpression.ListValue list) {
            List<Object> items = new ArrayList<>();
            for (HclExpression item : list.items()) {
                Sized evaluated = sized(item, where);
                items.add(evaluated.value());
                size = requireSmall(size + evaluated.size(), where);
            }
            return new Sized(items, size);
        }
        HclExpression.MapValue map = (HclExpression.MapValue) expression;
        Map<String, Object> entries = new LinkedHashMap<>();
        for (Map.Entry<String, HclExpression> entry : map.entries().entrySet()) {
            Sized evaluated = sized(entry.getValue(), where + "." + entry.getKey());
            entries.put(entry.getKey(), evaluated.value());
            size = requireSmall(size + entry.getKey().length() + evaluated.size(), where);
        }
        return new Sized(entries, size);
    }

    private long requireSmall(long size, String where) {
        if (size > MAX_VALUE_SIZE) {
            throw new BakeFileException(source + ": " + where + " is larger than " + MAX_VALUE_SIZE
                    + " characters and items, the limit for one value");
        }
        return size;
    }

    /** Whether {@code value} becomes a string where one is needed: a string, number or bool. */
    static boolean isScalar(Object value) {
        return value instanceof String || value instanceof Long || value instanceof Boolean || value instanceof BigDecimal;
    }

    /** A scalar as buildx writes it: numbers without trailing zeros or exponent ({@code 1.50} is "1.5"). */
    static String scalarText(Object value) {
        return value instanceof BigDecimal number ? number.stripTrailingZeros().toPlainString() : value.toString();
    }

    private Sized variableAt(String name, String where) {
        if (!BUILT_INS.containsKey(name) && !globals.containsKey(name) && !declared.containsKey(name)) {
            Set<String> known = new LinkedHashSet<>(globals.keySet());
            known.addAll(declared.keySet());
            throw new BakeFileException(source + ": " + where + " refers to variable '" + name
                    + "', which is not declared (declared: " + known + ")");
        }
        return variable(name);
    }

    private Sized variable(String name) {
        if (resolved.containsKey(name)) {
            return resolved.get(name);
        }
        if (!resolving.add(name)) {
            throw new BakeFileException(source + ": variable '" + name + "' refers to itself through " + resolving);
        }
        if (resolving.size() > HclParser.MAX_NESTING) {
            throw new BakeFileException(source + ": variable '" + resolving.iterator().next() + "' is reached through"
                    + " more than " + HclParser.MAX_NESTING + " variables that refer to one another, the limit");
        }
        Sized value;
        if (BUILT_INS.containsKey(name)) {
            value = new Sized(BUILT_INS.get(name), BUILT_INS.get(name).length());
        } else {
            value = sized(globals.containsKey(name) ? globals.get(name) : declared.get(name), "variable " + name);
            if (declared.containsKey(name) && environment.containsKey(name)) {
                String text = environment.get(name);
                value = new Sized(overridden(name, value.value(), text), text.length());
            }
        }
        resolving.remove(name);
        resolved.put(name, value);
        return value;
    }

    /** The environment's value for a declared variable, read as its default's type; the value is never quoted. */
    private Object overridden(String name, Object defaultValue, String text) {
        if (defaultValue instanceof Boolean) {
            if (GO_TRUE.contains(text) || GO_FALSE.contains(text)) {
                return GO_TRUE.contains(text);
            }
            throw new BakeFileException(source + ": variable '" + name + "' has a bool default, and its value in the"
                    + " environment is not one of true, false, 1, 0, t, f");
        }
        if (defaultValue instanceof Long || defaultValue instanceof BigDecimal) {
            if (!DECIMAL_NUMBER.matcher(text).matches() || Double.isInfinite(Double.parseDouble(text.replace("_", "")))) {
                throw new BakeFileException(source + ": variable '" + name + "' has a number default, and its value"
                        + " in the environment is not a number");
            }
            // buildx reads the override as a 64-bit float
            return BigDecimal.valueOf(Double.parseDouble(text.replace("_", "")));
        }
        if (defaultValue instanceof List || defaultValue instanceof Map) {
            throw new BakeFileException(source + ": variable '" + name + "' has a " + (defaultValue instanceof List
                    ? "list" : "map") + " default, which the environment cannot override (buildx refuses it too)");
        }
        return text;
    }

    private String interpolated(Object value, String where) {
        if (isScalar(value)) {
            return scalarText(value);
        }
        throw new BakeFileException(source + ": " + where + " interpolates " + (value == null ? "null"
                : value instanceof List ? "a list" : "a map") + " into a string");
    }

    private static String localPlatform() {
        String architecture = System.getProperty("os.arch");
        return switch (architecture) {
            case "amd64", "x86_64" -> "linux/amd64";
            // containerd, whose name buildx prints, adds the variant on 64-bit ARM
            case "aarch64", "arm64" -> "linux/arm64/v8";
            default -> "linux/" + architecture;
        };
    }
}
