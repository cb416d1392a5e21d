package io.jenkins.plugins.optimizeddeploy.engine.bake;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The values bake expressions take (String, Long or BigDecimal, Boolean, List, Map sorted by key, null) and HCL's
 * conversions between them: a string where a number or bool is needed is read as one, a number or bool where a
 * string is needed is written as one. A failed conversion is an HclEvaluationException the evaluator places.
 */
final class HclValues {
    private HclValues() {
    }

    static boolean isNumber(Object value) {
        return value instanceof Long || value instanceof BigDecimal;
    }

    static BigDecimal number(Object value) {
        if (value instanceof Long whole) {
            return BigDecimal.valueOf(whole);
        }
        if (value instanceof BigDecimal decimal) {
            return decimal;
        }
        if (value instanceof String text) {
            try {
                return new BigDecimal(text.strip());
            } catch (NumberFormatException e) {
                throw new HclEvaluationException("a number is required, got the string \"" + text + "\"");
            }
        }
        throw new HclEvaluationException("a number is required, got " + typeName(value));
    }

    /** A number as a Long when it is whole and fits, else as a BigDecimal without trailing zeros. */
    static Object normalized(BigDecimal number) {
        BigDecimal stripped = number.stripTrailingZeros();
        if (stripped.scale() <= 0 && stripped.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0) {
            return stripped.longValueExact();
        }
        return stripped;
    }

    static long whole(Object value, String what) {
        BigDecimal number = number(value).stripTrailingZeros();
        if (number.scale() > 0) {
            throw new HclEvaluationException(what + " must be a whole number, got " + number.toPlainString());
        }
        // the digits are counted first: 1e999999999 would take a while to write out
        if (number.precision() - number.scale() > String.valueOf(Long.MAX_VALUE).length()) {
            throw new HclEvaluationException(what + " is out of the range of 64-bit integers, got " + number);
        }
        try {
            return number.longValueExact();
        } catch (ArithmeticException e) {
            throw new HclEvaluationException(what + " is out of the range of 64-bit integers, got " + number, e);
        }
    }

    static boolean bool(Object value) {
        if (value instanceof Boolean bool) {
            return bool;
        }
        if ("true".equals(value) || "false".equals(value)) {
            return "true".equals(value);
        }
        throw new HclEvaluationException("a bool is required, got " + typeName(value));
    }

    static String string(Object value) {
        if (value instanceof String text) {
            return text;
        }
        if (value instanceof Boolean || isNumber(value)) {
            return BakeEvaluation.scalarText(value);
        }
        throw new HclEvaluationException("a string is required, got " + typeName(value));
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        if (value instanceof List<?> list) {
            return (List<Object>) list;
        }
        throw new HclEvaluationException("a list is required, got " + typeName(value));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw new HclEvaluationException("a map or object is required, got " + typeName(value));
    }

    /** HCL's {@code ==}: numbers by value, everything else by type and content. */
    static boolean equal(Object left, Object right) {
        if (isNumber(left) && isNumber(right)) {
            return number(left).compareTo(number(right)) == 0;
        }
        if (left instanceof List<?> a && right instanceof List<?> b) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!equal(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (left instanceof Map<?, ?> a && right instanceof Map<?, ?> b) {
            return a.keySet().equals(b.keySet()) && a.keySet().stream().allMatch(key -> equal(a.get(key), b.get(key)));
        }
        return Objects.equals(left, right);
    }

    static String typeName(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String) {
            return "string";
        }
        if (value instanceof Boolean) {
            return "bool";
        }
        if (isNumber(value) || value instanceof BigInteger) {
            return "number";
        }
        return value instanceof List ? "list" : "map";
    }
}
