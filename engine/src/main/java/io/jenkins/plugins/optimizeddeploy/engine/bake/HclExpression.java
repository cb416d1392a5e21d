package io.jenkins.plugins.optimizeddeploy.engine.bake;

import java.util.List;
import java.util.Map;

/** The expressions of HCL's native syntax that bake files use; evaluated by {@link BakeEvaluation}. */
sealed interface HclExpression {
    /** An expression that knows the line it starts on, for errors. */
    sealed interface Located extends HclExpression {
        int line();
    }

    /** A string without interpolation, a number, a bool or null. */
    record Literal(Object value) implements HclExpression {
    }

    /** A string with {@code ${...}} interpolations: each part is a String or an HclExpression. */
    record Template(List<Object> parts) implements HclExpression {
        public Template {
            parts = List.copyOf(parts);
        }
    }

    /** A bare name, e.g. {@code TAG} in {@code tags = [TAG]}: a variable, a function parameter or a matrix value. */
    record Reference(String name, int line) implements HclExpression {
    }

    record ListValue(List<HclExpression> items) implements HclExpression {
        public ListValue {
            items = List.copyOf(items);
        }
    }

    /** An object {@code { KEY = value }}; keys keep their order. A key in parentheses is an expression. */
    record MapValue(Map<String, HclExpression> entries) implements HclExpression {
    }

    /** An object whose keys are expressions ({@code { (KEY) = value }} or {@code { "${K}" = value }}). */
    record ComputedMap(List<HclExpression> keys, List<HclExpression> values) implements HclExpression {
        public ComputedMap {
            keys = List.copyOf(keys);
            values = List.copyOf(values);
        }
    }

    /** {@code condition ? whenTrue : whenFalse}. */
    record Conditional(HclExpression condition, HclExpression whenTrue, HclExpression whenFalse, int line)
            implements Located {
    }

    /** {@code left OPERATOR right}: {@code || && == != < <= > >= + - * / %}. */
    record Binary(String operator, HclExpression left, HclExpression right, int line) implements Located {
    }

    /** {@code !operand} or {@code -operand}. */
    record Unary(String operator, HclExpression operand, int line) implements Located {
    }

    /** {@code value.name}, or {@code value.0} on a list. */
    record Attribute(HclExpression value, String name, int line) implements Located {
    }

    /** {@code value[key]}. */
    record Index(HclExpression value, HclExpression key, int line) implements Located {
    }

    /** {@code name(arguments)}; {@code expandLast} for {@code name(a, list...)}. */
    record Call(String name, List<HclExpression> arguments, boolean expandLast, int line) implements Located {
        public Call {
            arguments = List.copyOf(arguments);
        }
    }

    /**
     * {@code [for K, V in collection : value if condition]} or, with {@code key}, {@code {for K, V in c : key => value}};
     * {@code keyName} is null when only one name is bound, {@code condition} when there is no {@code if}.
     */
    record For(String keyName, String valueName, HclExpression collection, HclExpression key, HclExpression value,
            HclExpression condition, boolean grouping, int line) implements Located {
    }
}
