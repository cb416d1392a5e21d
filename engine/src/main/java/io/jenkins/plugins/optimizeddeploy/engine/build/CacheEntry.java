package io.jenkins.plugins.optimizeddeploy.engine.build;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A target's {@code cache-from} or {@code cache-to} entry in its two forms: the CSV string a bake file may give
 * ({@code type=registry,ref=reg/app:cache}, or a bare image reference) and the object buildx 0.29 prints and also
 * accepts in a bake file ({@code {type = "registry", ref = "reg/app:cache"}}). BakeTarget holds the string form.
 */
final class CacheEntry {
    private CacheEntry() {
    }

    /** The fields of {@code entry} by name, as buildx prints them: a bare reference is a registry cache. */
    static Map<String, String> fields(String where, String entry) {
        Map<String, String> fields = new TreeMap<>();
        if (!entry.contains("=")) {
            fields.put("type", "registry");
            fields.put("ref", entry);
            return fields;
        }
        for (String field : BuildableTargetCheck.csvFields(where, entry)) {
            int equals = field.indexOf('=');
            if (equals < 0) {
                throw new BakeFileException(where + " has field '" + field + "' without '='");
            }
            fields.put(field.substring(0, equals).toLowerCase(Locale.ROOT), field.substring(equals + 1));
        }
        return fields;
    }

    /** The CSV string of an object entry, fields in name order; a field with a comma or quote is quoted. */
    static String text(Map<String, ?> fields) {
        List<String> parts = new ArrayList<>();
        new TreeMap<>(fields).forEach((key, value) -> {
            if (value != null) {
                String field = key + "=" + BakeEvaluation.scalarText(value);
                parts.add(field.contains(",") || field.contains("\"")
                        ? "\"" + field.replace("\"", "\"\"") + "\"" : field);
            }
        });
        return String.join(",", parts);
    }
}
