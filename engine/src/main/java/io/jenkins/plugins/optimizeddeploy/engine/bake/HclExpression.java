package io.jenkins.plugins.optimizeddeploy.engine.bake;

import java.util.List;
import java.util.Map;

/** The expressions of the HCL subset bake files use; evaluated by {@link BakeEvaluation}. */
sealed interface HclExpression {
    /** A string without interpolation, a number, a bool or null. */
    record Literal(Object value) implements HclExpression {
    }

    /** A string with {@code ${...}} interpolations: each part is a String or an HclExpression. */
    record Template(List<Object> parts) implements HclExpression {
        public Template {
            parts = List.copyOf(parts);
        }
    }

    /** A bare variable name, e.g. {@code TAG} in {@code tags = [TAG]}. */
    record Reference(String name, int line) implements HclExpression {
    }

    record ListValue(List<HclExpression> items) implements HclExpression {
        public ListValue {
            items = List.copyOf(items);
        }
    }

    /** An object {@code { KEY = value }}; keys keep their order. */
    record MapValue(Map<String, HclExpression> entries) implements HclExpression {
    }
}
