package io.jenkins.plugins.optimizeddeploy.steps;

import io.jenkins.plugins.optimizeddeploy.engine.errors.BadInputException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A map argument ({@code services: [web: 'reg/web:1.4.2']}, {@code health: [web: 'http://...']}) as a Pipeline script
 * gives it, a map, or as the snippet generator's form does, one text of {@code NAME=VALUE} lines (Stapler binds no
 * map from a form). Kept in a LinkedHashMap: the order given, and XStream writes it into a freestyle job's XML.
 */
final class NamedValues {

    private NamedValues() {
    }

    /**
     * The entries, in the order given; none for null or a blank text.
     *
     * @throws BadInputException naming the argument and the entry that is not {@code NAME=VALUE}
     */
    static LinkedHashMap<String, String> parse(String argument, Object value) {
        LinkedHashMap<String, String> entries = new LinkedHashMap<>();
        if (value instanceof Map<?, ?> map) {
            map.forEach((name, text) -> put(argument, entries, String.valueOf(name), String.valueOf(text)));
        } else if (value != null) {
            for (String line : value.toString().split("\\R")) {
                if (line.isBlank()) {
                    continue;
                }
                int equals = line.indexOf('=');
                if (equals <= 0) {
                    throw new BadInputException("'" + argument + "' expects NAME=VALUE lines or a map like"
                            + " [web: '...'], got '" + line.strip() + "'");
                }
                put(argument, entries, line.substring(0, equals), line.substring(equals + 1));
            }
        }
        return entries;
    }

    private static void put(String argument, Map<String, String> entries, String name, String value) {
        if (entries.put(name.strip(), value.strip()) != null) {
            throw new BadInputException("'" + argument + "' names " + name.strip() + " twice");
        }
    }

    /** The entries as the form shows them: one {@code NAME=VALUE} per line. */
    static String text(Map<String, String> entries) {
        return entries.entrySet().stream().map(entry -> entry.getKey() + "=" + entry.getValue())
                .collect(Collectors.joining("\n"));
    }
}
