package io.jenkins.plugins.optimizeddeploy.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Every field name of a result as a path ({@code services[].timeToHealthyMillis}), whether the result is a Pipeline
 * step's returned map or a command's JSON: two shapes of one result have one name per field when their paths match.
 */
public final class FieldNames {
    private static final ObjectMapper JSON = new ObjectMapper();

    private FieldNames() {
    }

    /** The paths of the plain maps and lists of {@code value}. */
    public static SortedSet<String> of(Object value) {
        SortedSet<String> paths = new TreeSet<>();
        collect(JSON.valueToTree(value), "", paths);
        return paths;
    }

    /** The paths of the JSON document {@code json}. */
    public static SortedSet<String> ofJson(String json) throws IOException {
        SortedSet<String> paths = new TreeSet<>();
        collect(JSON.readTree(json), "", paths);
        return paths;
    }

    private static void collect(JsonNode node, String path, SortedSet<String> paths) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                String fieldPath = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                paths.add(fieldPath);
                collect(field.getValue(), fieldPath, paths);
            }
        } else if (node.isArray()) {
            node.forEach(item -> collect(item, path + "[]", paths));
        }
    }
}
