package io.jenkins.plugins.optimizeddeploy.engine.bake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A selection of a {@link BakeDefinition} in the shape {@code docker buildx bake --print} (0.29) prints it: a
 * {@code group} map with the {@code default} group (the names asked for, patterns expanded, else the file's own
 * default group's members, in name order) and every group reached from it, and a {@code target} map with the selected targets and those their
 * {@code target:} contexts link to. Targets show the attributes BakeTarget holds, under buildx's names, with buildx's
 * defaults, and leave out what is empty; cache entries are objects.
 */
public final class BakePrintJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private BakePrintJson() {
    }

    /** The print of what {@code names} select (none: the default group), as JSON text. */
    public static String render(BakeDefinition bake, List<String> names) {
        try {
            return JSON.writeValueAsString(print(bake, names)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the print of " + bake.source() + " as JSON", e);
        }
    }

    static Map<String, Object> print(BakeDefinition bake, List<String> names) {
        Map<String, Object> targets = new LinkedHashMap<>();
        bake.selectWithLinked(names).forEach(target -> targets.put(target.name(), target(target)));
        List<String> defaultMembers = (names.isEmpty() ? bake.groups().getOrDefault(BakeDefinition.DEFAULT_GROUP,
                List.of(BakeDefinition.DEFAULT_GROUP)) : expandedPatterns(bake, names)).stream().distinct().sorted()
                .toList();
        Map<String, Object> groups = new LinkedHashMap<>();
        groups.put(BakeDefinition.DEFAULT_GROUP, Map.of("targets", defaultMembers));
        Set<String> reached = new LinkedHashSet<>();
        defaultMembers.forEach(member -> reachGroups(bake, member, BakeDefinition.DEFAULT_GROUP, reached));
        reached.forEach(group -> groups.put(group, Map.of("targets", bake.groups().get(group).stream().distinct()
                .toList())));
        Map<String, Object> print = new LinkedHashMap<>();
        print.put("group", groups);
        print.put("target", targets);
        return print;
    }

    /** The names asked for, each pattern replaced by the targets it matches. */
    private static List<String> expandedPatterns(BakeDefinition bake, List<String> names) {
        Set<String> expanded = new LinkedHashSet<>();
        for (String name : names) {
            if (bake.groups().containsKey(name) || bake.targets().containsKey(name)) {
                expanded.add(name);
            } else {
                expanded.addAll(bake.selectedNames(List.of(name)));
            }
        }
        return List.copyOf(expanded);
    }

    /** The group {@code name} (unless it is the group it is a member of) and the groups among its members. */
    private static void reachGroups(BakeDefinition bake, String name, String memberOf, Set<String> reached) {
        if (bake.groups().containsKey(name) && !name.equals(memberOf) && reached.add(name)) {
            bake.groups().get(name).forEach(member -> reachGroups(bake, member, name, reached));
        }
    }

    private static Map<String, Object> target(BakeTarget target) {
        Map<String, Object> printed = new LinkedHashMap<>();
        printed.put("context", target.context());
        putUnlessEmpty(printed, "contexts", target.contexts());
        printed.put("dockerfile", target.dockerfile());
        putUnlessEmpty(printed, "args", target.sortedArgs());
        putUnlessEmpty(printed, "labels", new TreeMap<>(target.labels()));
        putUnlessEmpty(printed, "tags", target.tags());
        putUnlessEmpty(printed, "cache-from", target.cacheFrom().stream().map(CacheEntry::fields).toList());
        putUnlessEmpty(printed, "cache-to", target.cacheTo().stream().map(CacheEntry::fields).toList());
        if (!target.stage().isEmpty()) {
            printed.put("target", target.stage());
        }
        putUnlessEmpty(printed, "platforms", target.platforms());
        return printed;
    }

    private static void putUnlessEmpty(Map<String, Object> printed, String attribute, Object value) {
        if (!(value instanceof Map<?, ?> map && map.isEmpty()) && !(value instanceof List<?> list && list.isEmpty())) {
            printed.put(attribute, value);
        }
    }
}
