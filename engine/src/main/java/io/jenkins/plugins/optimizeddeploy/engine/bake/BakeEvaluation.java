package io.jenkins.plugins.optimizeddeploy.engine.bake;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Evaluates expressions against a bake file's values as buildx does: its built-in variables, then the file's global
 * attributes ({@code NAME = value}), then its {@code variable} blocks. The environment overrides only variables
 * declared in blocks, read as the variable's {@code type} (a list, set or tuple as CSV, a map as CSV of
 * {@code key:value}) or, without one, as the type of the default (bool, number, else string). A value may refer to
 * others (a cycle is an error), and so may a default. Operators, conditionals, for expressions, bake's standard
 * library ({@link HclFunctions}), the file's {@code function} blocks and {@code target.NAME.ATTRIBUTE} are evaluated
 * too; names a function or for expression binds (and a matrix's values) are {@code locals}.
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
    private final Map<String, VariableBlock> declared;
    private final Map<String, UserFunction> functions;
    private final Map<String, String> environment;
    private final Map<String, Sized> resolved = new LinkedHashMap<>();
    private final Set<String> resolving = new LinkedHashSet<>();
    private final Set<String> calling = new LinkedHashSet<>();
    private TargetAttributes targets;
    private long fileSize;

    /** A {@code variable} block: its default (null: none), type (null: none) and validations. */
    record VariableBlock(HclExpression defaultValue, HclExpression type, List<Validation> validations) {
        VariableBlock {
            validations = List.copyOf(validations);
        }
    }

    /** A variable's {@code validation} block. */
    record Validation(HclExpression condition, HclExpression errorMessage) {
    }

    /** A {@code function} block: {@code params}, {@code variadic_params} (null: none) and {@code result}. */
    record UserFunction(List<String> parameters, String variadic, HclExpression result) {
        UserFunction {
            parameters = List.copyOf(parameters);
        }
    }

    /** How {@code target.NAME.ATTRIBUTE} is looked up: the attribute's value as that target's block sets it. */
    interface TargetAttributes {
        Object value(String target, String attribute, String where);
    }

    /** A value and its size as {@link #MAX_VALUE_SIZE} counts it. */
    private record Sized(Object value, long size) {
    }

    /**
     * @param globals  the file's top-level attributes
     * @param declared the file's variable blocks by name
     */
    BakeEvaluation(String source, Map<String, HclExpression> globals, Map<String, VariableBlock> declared,
            Map<String, UserFunction> functions, Map<String, String> environment) {
        this.source = source;
        this.globals = globals;
        this.declared = declared;
        this.functions = functions;
        this.environment = environment;
        this.targets = (target, attribute, where) -> {
            throw new BakeFileException(source + ": " + where + " refers to target." + target + "." + attribute
                    + " where no target may be referred to");
        };
    }

    void referTargetsThrough(TargetAttributes lookup) {
        this.targets = lookup;
    }

    /** Refuses the file when a variable's validation condition is false, with the block's error message. */
    void validate() {
        declared.forEach((name, block) -> {
            for (Validation validation : block.validations()) {
                String where = "variable " + name + " validation";
                if (!holds(validation.condition(), where)) {
                    Object message = validation.errorMessage() == null ? "validation failed"
                            : evaluate(validation.errorMessage(), where);
                    throw new BakeFileException(source + ": variable '" + name + "' is invalid: " + message);
                }
            }
        });
    }

    /** Whether a validation's condition holds; one that is no bool is placed like any failed conversion. */
    private boolean holds(HclExpression condition, String where) {
        Object value = evaluate(condition, where);
        try {
            return HclValues.bool(value);
        } catch (HclEvaluationException e) {
            throw placed(e, condition, where);
        }
    }

    /** A user error in {@code expression}, as one line naming the file, the attribute and the line. */
    private BakeFileException placed(HclEvaluationException e, HclExpression expression, String where) {
        return new BakeFileException(source + ": " + where + lineOf(expression) + ": " + e.getMessage(), e);
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
        return evaluate(expression, where, Map.of());
    }

    /** The value of an expression in which {@code locals} (a matrix's values) are names too. */
    Object evaluate(HclExpression expression, String where, Map<String, Object> locals) {
        return counted(sized(expression, where, locals), where);
    }

    private Object counted(Sized sized, String where) {
        fileSize += sized.size();
        if (fileSize > MAX_FILE_SIZE) {
            throw new BakeFileException(source + ": " + where + " takes the file's values past " + MAX_FILE_SIZE
                    + " characters and items, the limit for one bake file");
        }
        return sized.value();
    }

    private Sized sized(HclExpression expression, String where, Map<String, Object> locals) {
        if (expression instanceof HclExpression.Literal literal) {
            return new Sized(literal.value(), literal.value() instanceof String text ? text.length() : 1);
        }
        if (expression instanceof HclExpression.Reference reference) {
            if (locals.containsKey(reference.name())) {
                return sizedValue(locals.get(reference.name()), where);
            }
            return variableAt(reference.name(), where);
        }
        if (expression instanceof HclExpression.Template template) {
            if (template.parts().size() == 1 && template.parts().get(0) instanceof HclExpression only) {
                // "${X}" alone is X itself, not its text: a list stays a list and null stays null
                return sized(only, where, locals);
            }
            StringBuilder text = new StringBuilder();
            for (Object part : template.parts()) {
                text.append(part instanceof HclExpression inner
                        ? interpolated(sized(inner, where, locals).value(), where) : part);
                requireSmall(text.length(), where);
            }
            return new Sized(text.toString(), text.length());
        }
        long size = 1;
        if (expression instanceof HclExpression.ListValue list) {
            List<Object> items = new ArrayList<>();
            for (HclExpression item : list.items()) {
                Sized evaluated = sized(item, where, locals);
                items.add(evaluated.value());
                size = requireSmall(size + evaluated.size(), where);
            }
            return new Sized(items, size);
        }
        if (expression instanceof HclExpression.MapValue map) {
            Map<String, Object> entries = new TreeMap<>();
            for (Map.Entry<String, HclExpression> entry : map.entries().entrySet()) {
                Sized evaluated = sized(entry.getValue(), where + "." + entry.getKey(), locals);
                entries.put(entry.getKey(), evaluated.value());
                size = requireSmall(size + entry.getKey().length() + evaluated.size(), where);
            }
            return new Sized(entries, size);
        }
        try {
            return operation(expression, where, locals);
        } catch (HclEvaluationException e) {
            throw placed(e, expression, where);
        }
    }

    private static String lineOf(HclExpression expression) {
        return expression instanceof HclExpression.Located located ? " (line " + located.line() + ")" : "";
    }

    /** The expressions that compute a value: their result is measured after the fact. */
    private Sized operation(HclExpression expression, String where, Map<String, Object> locals) {
        Object value;
        if (expression instanceof HclExpression.ComputedMap map) {
            Map<String, Object> entries = new TreeMap<>();
            for (int i = 0; i < map.keys().size(); i++) {
                entries.put(HclValues.string(value(map.keys().get(i), where, locals)),
                        value(map.values().get(i), where, locals));
            }
            value = entries;
        } else if (expression instanceof HclExpression.Conditional conditional) {
            value = HclValues.bool(value(conditional.condition(), where, locals))
                    ? value(conditional.whenTrue(), where, locals) : value(conditional.whenFalse(), where, locals);
        } else if (expression instanceof HclExpression.Binary binary) {
            value = binary(binary, where, locals);
        } else if (expression instanceof HclExpression.Unary unary) {
            Object operand = value(unary.operand(), where, locals);
            value = unary.operator().equals("!") ? (Object) !HclValues.bool(operand)
                    : HclValues.normalized(HclValues.number(operand).negate());
        } else if (expression instanceof HclExpression.Attribute attribute) {
            value = attribute(attribute, where, locals);
        } else if (expression instanceof HclExpression.Index index) {
            value = element(value(index.value(), where, locals), value(index.key(), where, locals));
        } else if (expression instanceof HclExpression.Call call) {
            value = call(call, where, locals);
        } else {
            value = forExpression((HclExpression.For) expression, where, locals);
        }
        return sizedValue(value, where);
    }

    private Object value(HclExpression expression, String where, Map<String, Object> locals) {
        return sized(expression, where, locals).value();
    }

    private Sized sizedValue(Object value, String where) {
        return new Sized(value, measure(value, 0, where));
    }

    /** The characters and items of {@code value}, counted as if nothing were shared, up to the limit. */
    private long measure(Object value, long counted, String where) {
        long size = counted;
        if (value instanceof String text) {
            return requireSmall(size + text.length(), where);
        }
        if (value instanceof List<?> items) {
            size = requireSmall(size + 1, where);
            for (Object item : items) {
                size = measure(item, size, where);
            }
            return size;
        }
        if (value instanceof Map<?, ?> entries) {
            size = requireSmall(size + 1, where);
            for (Map.Entry<?, ?> entry : entries.entrySet()) {
                size = measure(entry.getValue(), size + entry.getKey().toString().length(), where);
            }
            return size;
        }
        return requireSmall(size + 1, where);
    }

    private Object binary(HclExpression.Binary binary, String where, Map<String, Object> locals) {
        String operator = binary.operator();
        Object left = value(binary.left(), where, locals);
        if (operator.equals("&&") || operator.equals("||")) {
            boolean leftValue = HclValues.bool(left);
            boolean rightValue = HclValues.bool(value(binary.right(), where, locals));
            return operator.equals("&&") ? leftValue && rightValue : leftValue || rightValue;
        }
        Object right = value(binary.right(), where, locals);
        return switch (operator) {
            case "==" -> HclValues.equal(left, right);
            case "!=" -> !HclValues.equal(left, right);
            case "<" -> HclValues.number(left).compareTo(HclValues.number(right)) < 0;
            case "<=" -> HclValues.number(left).compareTo(HclValues.number(right)) <= 0;
            case ">" -> HclValues.number(left).compareTo(HclValues.number(right)) > 0;
            case ">=" -> HclValues.number(left).compareTo(HclValues.number(right)) >= 0;
            case "+" -> HclValues.normalized(HclValues.number(left).add(HclValues.number(right)));
            case "-" -> HclValues.normalized(HclValues.number(left).subtract(HclValues.number(right)));
            case "*" -> HclValues.normalized(HclValues.number(left).multiply(HclValues.number(right)));
            case "/" -> HclFunctions.divide(left, right);
            case "%" -> HclFunctions.modulo(left, right);
            default -> throw new IllegalStateException("Unknown operator " + operator);
        };
    }

    private Object attribute(HclExpression.Attribute attribute, String where, Map<String, Object> locals) {
        if (attribute.value() instanceof HclExpression.Attribute target
                && target.value() instanceof HclExpression.Reference root && root.name().equals("target")
                && !locals.containsKey("target") && !isVariable("target")) {
            return targets.value(target.name(), attribute.name(), where);
        }
        // a list's element by a number name (list.0) is read like list[0]: the name is converted to a number
        return element(value(attribute.value(), where, locals), attribute.name());
    }

    private static Object element(Object collection, Object key) {
        if (collection instanceof Map<?, ?> entries) {
            String name = HclValues.string(key);
            if (!entries.containsKey(name)) {
                throw new HclEvaluationException("the map has no element \"" + name + "\"");
            }
            return entries.get(name);
        }
        if (collection instanceof List<?> items) {
            long index = HclValues.whole(key, "an index");
            if (index < 0 || index >= items.size()) {
                throw new HclEvaluationException("index " + index + " is out of range of " + items.size() + " items");
            }
            return items.get((int) index);
        }
        throw new HclEvaluationException("cannot take an element of " + HclValues.typeName(collection));
    }

    private Object call(HclExpression.Call call, String where, Map<String, Object> locals) {
        String name = call.name();
        if (name.equals("try") || name.equals("can")) {
            for (HclExpression argument : call.arguments()) {
                try {
                    Object value = value(argument, where, locals);
                    return name.equals("can") ? Boolean.TRUE : value;
                } catch (BakeFileException e) {
                    // try the next one; can() says false
                }
                if (name.equals("can")) {
                    return Boolean.FALSE;
                }
            }
            throw new HclEvaluationException("no expression given to try() could be evaluated");
        }
        List<Object> arguments = new ArrayList<>();
        for (HclExpression argument : call.arguments()) {
            arguments.add(value(argument, where, locals));
        }
        if (call.expandLast()) {
            if (arguments.isEmpty()) {
                throw new HclEvaluationException("'...' needs an argument to expand");
            }
            Object last = arguments.remove(arguments.size() - 1);
            arguments.addAll(HclValues.list(last));
        }
        if (functions.containsKey(name)) {
            return userFunction(name, arguments, where);
        }
        if (!HclFunctions.exists(name)) {
            throw new HclEvaluationException("function " + name + "() is not supported by the built-in bake reader;"
                    + " docker buildx bake reads bake's whole standard library (install the Debian package"
                    + " docker-buildx)");
        }
        return HclFunctions.call(name, arguments);
    }

    private Object userFunction(String name, List<Object> arguments, String where) {
        UserFunction function = functions.get(name);
        int fixed = function.parameters().size();
        if (arguments.size() < fixed || function.variadic() == null && arguments.size() > fixed) {
            throw new HclEvaluationException("function " + name + " takes " + fixed + (function.variadic() == null
                    ? "" : " or more") + " argument(s), got " + arguments.size());
        }
        if (!calling.add(name)) {
            throw new HclEvaluationException("function " + name + " calls itself through " + calling);
        }
        try {
            Map<String, Object> parameters = new HashMap<>();
            for (int i = 0; i < fixed; i++) {
                parameters.put(function.parameters().get(i), arguments.get(i));
            }
            if (function.variadic() != null) {
                parameters.put(function.variadic(), new ArrayList<>(arguments.subList(fixed, arguments.size())));
            }
            return value(function.result(), where + " in function " + name, parameters);
        } finally {
            calling.remove(name);
        }
    }

    private Object forExpression(HclExpression.For each, String where, Map<String, Object> locals) {
        Object collection = value(each.collection(), where, locals);
        Map<Object, Object> elements = new LinkedHashMap<>();
        if (collection instanceof Map<?, ?> entries) {
            new TreeMap<>(entries).forEach(elements::put);
        } else {
            List<Object> items = HclValues.list(collection);
            for (int i = 0; i < items.size(); i++) {
                elements.put((long) i, items.get(i));
            }
        }
        List<Object> list = new ArrayList<>();
        Map<String, Object> object = new TreeMap<>();
        for (Map.Entry<Object, Object> element : elements.entrySet()) {
            Map<String, Object> scope = new HashMap<>(locals);
            if (each.keyName() != null) {
                scope.put(each.keyName(), element.getKey());
            }
            scope.put(each.valueName(), element.getValue());
            if (each.condition() != null && !HclValues.bool(value(each.condition(), where, scope))) {
                continue;
            }
            Object item = value(each.value(), where, scope);
            if (each.key() == null) {
                list.add(item);
                continue;
            }
            String key = HclValues.string(value(each.key(), where, scope));
            if (each.grouping()) {
                @SuppressWarnings("unchecked")
                List<Object> group = (List<Object>) object.computeIfAbsent(key, ignored -> new ArrayList<>());
                group.add(item);
            } else if (object.containsKey(key)) {
                throw new HclEvaluationException("the for expression makes the key \"" + key + "\" twice (use"
                        + " '...' to group)");
            } else {
                object.put(key, item);
            }
        }
        return each.key() == null ? list : object;
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

    private boolean isVariable(String name) {
        return BUILT_INS.containsKey(name) || globals.containsKey(name) || declared.containsKey(name);
    }

    private Sized variableAt(String name, String where) {
        if (!isVariable(name)) {
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
        } else if (globals.containsKey(name)) {
            value = sized(globals.get(name), "variable " + name, Map.of());
            if (declared.containsKey(name) && environment.containsKey(name)) {
                // a global wins over a variable block of the same name, but the block lets the environment set it
                String text = environment.get(name);
                value = new Sized(overridden(name, value.value(), text), text.length());
            }
        } else {
            value = declaredVariable(name, declared.get(name));
        }
        resolving.remove(name);
        resolved.put(name, value);
        return value;
    }

    /**
     * A variable block's value: the environment's (read as its type, else as its default's), else its default (none:
     * an empty string), converted to its type.
     */
    private Sized declaredVariable(String name, VariableBlock block) {
        String where = "variable " + name;
        String text = environment.get(name);
        try {
            if (block.type() != null && text != null) {
                return sizedValue(HclTypes.fromEnvironment(block.type(), text), where);
            }
            Sized value = block.defaultValue() == null ? new Sized("", 0) : sized(block.defaultValue(), where, Map.of());
            if (text != null) {
                return new Sized(overridden(name, value.value(), text), text.length());
            }
            return block.type() == null ? value : sizedValue(HclTypes.convert(block.type(), value.value()), where);
        } catch (HclEvaluationException e) {
            throw new BakeFileException(source + ": variable '" + name + "' " + (text != null
                    ? "cannot be set from the environment: " : "does not fit its type: ") + e.getMessage(), e);
        }
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
