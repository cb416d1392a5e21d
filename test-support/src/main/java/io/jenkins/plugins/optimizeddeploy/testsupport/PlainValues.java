package io.jenkins.plugins.optimizeddeploy.testsupport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a Pipeline step may return: strings, numbers, booleans and mutable JDK lists and maps of them, which a script
 * reads without approval, Pipeline persists, and core's class filter (JEP-200) lets through; never an engine value
 * such as an image reference or a digest, nor an immutable JDK collection.
 */
public final class PlainValues {
    private static final Set<Class<?>> PLAIN = Set.of(String.class, Long.class, Integer.class, Double.class,
            Boolean.class, ArrayList.class, LinkedHashMap.class, TreeMap.class);

    private PlainValues() {
    }

    /**
     * @throws AssertionError naming the first value, at any depth, that is not plain, and where it is
     */
    public static void requirePlain(Object value) {
        requirePlain(value, "value");
    }

    private static void requirePlain(Object value, String path) {
        if (value == null || !PLAIN.contains(value.getClass())) {
            throw new AssertionError(path + " is " + (value == null ? "null" : value.getClass().getName()
                    + " (" + value + ")") + ", not a plain value a Pipeline script can be given");
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, nested) -> {
                if (!(key instanceof String)) {
                    throw new AssertionError(path + " has the key " + key + ", not a string");
                }
                requirePlain(nested, path + "." + key);
            });
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                requirePlain(list.get(i), path + "[" + i + "]");
            }
        }
    }
}
