package io.jenkins.plugins.optimizeddeploy.engine.bake;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A variable's {@code type} ({@code string}, {@code number}, {@code bool}, {@code any}, {@code list(T)},
 * {@code set(T)}, {@code map(T)}, {@code tuple([...])}, {@code object({...})}): values converted to it, and the
 * environment's text read as buildx 0.29 reads it (primitives as themselves, a list, set or tuple as one CSV record,
 * a map as a CSV record of {@code key:value}; objects and {@code any} cannot be set from the environment).
 */
final class HclTypes {
    private static final Set<String> GO_TRUE = Set.of("1", "t", "T", "true", "TRUE", "True");
    private static final Set<String> GO_FALSE = Set.of("0", "f", "F", "false", "FALSE", "False");

    private HclTypes() {
    }

    static Object convert(HclExpression type, Object value) {
        if (value == null) {
            return null;
        }
        if (type instanceof HclExpression.Reference primitive) {
            return switch (primitive.name()) {
                case "string" -> HclValues.string(value);
                case "number" -> HclValues.normalized(HclValues.number(value));
                case "bool" -> HclValues.bool(value);
                case "any" -> value;
                default -> throw new HclEvaluationException("'" + primitive.name() + "' is not a type");
            };
        }
        HclExpression.Call constructor = constructor(type);
        HclExpression argument = constructor.arguments().get(0);
        switch (constructor.name()) {
            case "list", "set" -> {
                List<Object> converted = new ArrayList<>();
                for (Object item : HclValues.list(value)) {
                    converted.add(convert(argument, item));
                }
                return constructor.name().equals("set") ? set(converted) : converted;
            }
            case "map" -> {
                Map<String, Object> converted = new TreeMap<>();
                HclValues.map(value).forEach((key, item) -> converted.put(key, convert(argument, item)));
                return converted;
            }
            case "tuple" -> {
                List<HclExpression> types = ((HclExpression.ListValue) argument).items();
                List<Object> items = HclValues.list(value);
                if (items.size() != types.size()) {
                    throw new HclEvaluationException("a tuple of " + types.size() + " elements is required, got "
                            + items.size());
                }
                List<Object> converted = new ArrayList<>();
                for (int i = 0; i < items.size(); i++) {
                    converted.add(convert(types.get(i), items.get(i)));
                }
                return converted;
            }
            default -> {
                Map<String, HclExpression> attributes = ((HclExpression.MapValue) argument).entries();
                Map<String, Object> entries = HclValues.map(value);
                Map<String, Object> converted = new TreeMap<>();
                attributes.forEach((name, attributeType) -> {
                    if (!entries.containsKey(name)) {
                        throw new HclEvaluationException("attribute \"" + name + "\" is required");
                    }
                    converted.put(name, convert(attributeType, entries.get(name)));
                });
                return converted;
            }
        }
    }

    static Object fromEnvironment(HclExpression type, String text) {
        if (type instanceof HclExpression.Reference primitive) {
            return switch (primitive.name()) {
                case "string" -> text;
                case "number" -> number(text);
                case "bool" -> {
                    if (!GO_TRUE.contains(text) && !GO_FALSE.contains(text)) {
                        throw new HclEvaluationException("\"" + text + "\" is not a bool (true, false, 1, 0, t, f)");
                    }
                    yield GO_TRUE.contains(text);
                }
                default -> throw new HclEvaluationException("a variable of type " + primitive.name()
                        + " cannot be set from the environment (buildx refuses it too)");
            };
        }
        HclExpression.Call constructor = constructor(type);
        List<String> fields = BuildableTargetCheck.csvFields("the value", text);
        switch (constructor.name()) {
            case "list", "set" -> {
                List<Object> items = new ArrayList<>();
                fields.forEach(field -> items.add(fromEnvironment(constructor.arguments().get(0), field)));
                return constructor.name().equals("set") ? set(items) : items;
            }
            case "tuple" -> {
                List<HclExpression> types = ((HclExpression.ListValue) constructor.arguments().get(0)).items();
                if (fields.size() != types.size()) {
                    throw new HclEvaluationException("a tuple of " + types.size() + " elements is required, got "
                            + fields.size());
                }
                List<Object> items = new ArrayList<>();
                for (int i = 0; i < fields.size(); i++) {
                    items.add(fromEnvironment(types.get(i), fields.get(i)));
                }
                return items;
            }
            case "map" -> {
                Map<String, Object> entries = new TreeMap<>();
                for (String field : fields) {
                    String[] pair = field.split(":", -1);
                    if (pair.length != 2) {
                        throw new HclEvaluationException("expected one key:value pair, got \"" + field + "\"");
                    }
                    entries.put(pair[0], fromEnvironment(constructor.arguments().get(0), pair[1]));
                }
                return entries;
            }
            default -> throw new HclEvaluationException("a variable of type object cannot be set from the"
                    + " environment (buildx refuses it too)");
        }
    }

    private static Object number(String text) {
        try {
            double value = Double.parseDouble(text);
            if (Double.isNaN(value) || Double.isInfinite(value) || text.strip().length() != text.length()) {
                throw new NumberFormatException(text);
            }
            return HclValues.normalized(new BigDecimal(value));
        } catch (NumberFormatException e) {
            throw new HclEvaluationException("\"" + text + "\" is not a number");
        }
    }

    private static HclExpression.Call constructor(HclExpression type) {
        if (type instanceof HclExpression.Call call && call.arguments().size() == 1
                && Set.of("list", "set", "map", "tuple", "object").contains(call.name())
                && (!call.name().equals("tuple") || call.arguments().get(0) instanceof HclExpression.ListValue)
                && (!call.name().equals("object") || call.arguments().get(0) instanceof HclExpression.MapValue)) {
            return call;
        }
        throw new HclEvaluationException("its type is none of string, number, bool, any, list(T), set(T), map(T),"
                + " tuple([...]), object({...})");
    }

    /** A set as go-cty orders one: its distinct items sorted (numbers by value, else by text). */
    private static List<Object> set(List<Object> items) {
        List<Object> distinct = new ArrayList<>();
        items.forEach(item -> {
            if (distinct.stream().noneMatch(seen -> HclValues.equal(seen, item))) {
                distinct.add(item);
            }
        });
        distinct.sort(items.stream().allMatch(HclValues::isNumber)
                ? Comparator.comparing(HclValues::number) : Comparator.comparing(HclValues::string));
        return distinct;
    }
}
