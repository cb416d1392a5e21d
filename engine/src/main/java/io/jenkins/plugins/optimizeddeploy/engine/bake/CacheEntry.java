package io.jenkins.plugins.optimizeddeploy.engine.bake;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A target's {@code cache-from} or {@code cache-to} entries as buildx 0.29 reads them when it reads the file: a CSV
 * record of {@code key=value} fields one of which is {@code type}, or of image references (each its own registry
 * cache), or an object of fields; an empty string is no entry. BakeTarget holds each entry as its canonical string
 * (fields in name order), which buildx prints as an object.
 */
final class CacheEntry {
    /** The value of an entry's credential field (s3's secret_access_key, session_token, a token, a password). */
    private static final Pattern CREDENTIAL_FIELD_VALUE =
            Pattern.compile("(?i)((?:^|,)\"?[a-z_]*(?:secret|token|password|access_key_id)[a-z_]*=)[^,\"]*");

    private CacheEntry() {
    }

    /**
     * The canonical strings of the entries {@code entry} holds.
     *
     * @throws BakeFileException naming {@code where} and the entry, credentials masked, when buildx refuses it
     */
    static List<String> canonical(String where, String entry) {
        String named = where + " '" + CREDENTIAL_FIELD_VALUE.matcher(entry).replaceAll("$1***") + "'";
        List<String> entries = new ArrayList<>();
        if (entry.isEmpty()) {
            return entries;
        }
        List<String> fields = BuildableTargetCheck.csvFields(named, entry);
        if (fields.stream().noneMatch(field -> field.contains("="))) {
            for (String reference : fields) {
                if (reference.isEmpty()) {
                    throw new BakeFileException(named + " has an empty image reference");
                }
                entries.add(text(Map.of("type", "registry", "ref", reference)));
            }
            return entries;
        }
        Map<String, String> values = new TreeMap<>();
        for (String field : fields) {
            int equals = field.indexOf('=');
            if (equals < 0) {
                throw new BakeFileException(named + " has field '" + field + "' without '=' among key=value fields");
            }
            values.put(field.substring(0, equals).toLowerCase(Locale.ROOT), field.substring(equals + 1));
        }
        if (!values.containsKey("type")) {
            throw new BakeFileException(named + " has key=value fields but no type=...");
        }
        entries.add(text(values));
        return entries;
    }

    /** The fields of a canonical entry by name, as buildx prints them. */
    static Map<String, String> fields(String entry) {
        Map<String, String> fields = new TreeMap<>();
        for (String field : BuildableTargetCheck.csvFields("cache entry", entry)) {
            int equals = field.indexOf('=');
            fields.put(field.substring(0, equals), field.substring(equals + 1));
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
