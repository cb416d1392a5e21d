package io.jenkins.plugins.optimizeddeploy.engine.build;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Evaluates expressions against a bake file's variables: the environment overrides a variable's default, and a
 * default may refer to other variables (a cycle is an error).
 */
final class BakeEvaluation {
    private final String source;
    private final Map<String, HclExpression> defaults;
    private final Map<String, String> environment;
    private final Map<String, Object> resolved = new LinkedHashMap<>();
    private final Set<String> resolving = new HashSet<>();

    BakeEvaluation(String source, Map<String, HclExpression> defaults, Map<String, String> environment) {
        this.source = source;
        this.defaults = defaults;
        this.environment = environment;
    }

    /** Every variable's value, after environment overrides. */
    Map<String, Object> variables() {
        defaults.keySet().forEach(this::variable);
        return Map.copyOf(resolved);
    }

    Object evaluate(HclExpression expression, String where) {
        if (expression instanceof HclExpression.Literal literal) {
            return literal.value();
        }
        if (expression instanceof HclExpression.Reference reference) {
            return variableAt(reference.name(), where);
        }
        if (expression instanceof HclExpression.Template template) {
            StringBuilder text = new StringBuilder();
            for (Object part : template.parts()) {
                text.append(part instanceof HclExpression inner ? asText(evaluate(inner, where), where) : part);
            }
            return text.toString();
        }
        if (expression instanceof HclExpression.ListValue list) {
            List<Object> items = new ArrayList<>();
            list.items().forEach(item -> items.add(evaluate(item, where)));
            return items;
        }
        HclExpression.MapValue map = (HclExpression.MapValue) expression;
        Map<String, Object> entries = new LinkedHashMap<>();
        map.entries().forEach((key, value) -> entries.put(key, evaluate(value, where + "." + key)));
        return entries;
    }

    private Object variableAt(String name, String where) {
        if (!defaults.containsKey(name) && !environment.containsKey(name)) {
            throw new BakeFileException(source + ": " + where + " refers to variable '" + name
                    + "', which is not declared (declared: " + defaults.keySet() + ")");
        }
        return variable(name);
    }

    private Object variable(String name) {
        if (resolved.containsKey(name)) {
            return resolved.get(name);
        }
        if (!resolving.add(name)) {
            throw new BakeFileException(source + ": variable '" + name + "' refers to itself through " + resolving);
        }
        Object value = environment.containsKey(name)
                ? environment.get(name)
                : evaluate(defaults.get(name), "variable " + name);
        resolving.remove(name);
        resolved.put(name, value);
        return value;
    }

    private String asText(Object value, String where) {
        if (value == null) {
            return "";
        }
        if (value instanceof String || value instanceof Boolean || value instanceof Long) {
            return value.toString();
        }
        if (value instanceof BigDecimal number) {
            return number.toPlainString();
        }
        throw new BakeFileException(source + ": " + where + " interpolates a " + (value instanceof List ? "list" : "map")
                + " into a string");
    }
}
