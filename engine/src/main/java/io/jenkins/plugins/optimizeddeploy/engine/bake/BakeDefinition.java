package io.jenkins.plugins.optimizeddeploy.engine.bake;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a bake file defines: its targets (inherits applied), groups and the variables' final values. A target that
 * cannot be resolved (it inherits from no target) is in {@code unresolvable} with the reason, which selecting it
 * reports: as with buildx, it does not stop the file's other targets.
 */
public record BakeDefinition(String source, Map<String, BakeTarget> targets, Map<String, List<String>> groups,
        Map<String, Object> variables, Map<String, String> unresolvable) implements Serializable {
    /** The group bake builds when no target is named. */
    public static final String DEFAULT_GROUP = "default";

    public BakeDefinition {
        targets = Collections.unmodifiableMap(new LinkedHashMap<>(targets));
        Map<String, List<String>> groupCopy = new LinkedHashMap<>();
        groups.forEach((name, members) -> groupCopy.put(name, List.copyOf(members)));
        groups = Collections.unmodifiableMap(groupCopy);
        variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables));
        unresolvable = Map.copyOf(unresolvable);
    }

    /**
     * The targets {@code names} select, in order and each once: a name is a group (whose members may be groups)
     * or a target. No names selects the {@value #DEFAULT_GROUP} group.
     *
     * @throws BakeFileException naming an unknown name and what the file defines
     */
    public List<BakeTarget> select(List<String> names) {
        List<String> wanted = names.isEmpty() ? List.of(DEFAULT_GROUP) : names;
        Set<String> selected = new LinkedHashSet<>();
        Set<String> expandedGroups = new HashSet<>();
        for (String name : wanted) {
            expand(name, selected, new LinkedHashSet<>(), expandedGroups);
        }
        List<BakeTarget> result = new ArrayList<>();
        selected.forEach(name -> result.add(targets.get(name)));
        return result;
    }

    /** Adds the targets {@code name} stands for; a group already expanded adds nothing new and is skipped. */
    private void expand(String name, Set<String> selected, Set<String> groupPath, Set<String> expandedGroups) {
        if (groups.containsKey(name)) {
            if (expandedGroups.contains(name)) {
                return;
            }
            if (!groupPath.add(name)) {
                throw new BakeFileException(source + ": group '" + name + "' contains itself through " + groupPath);
            }
            if (groupPath.size() > HclParser.MAX_NESTING) {
                throw new BakeFileException(source + ": group '" + groupPath.iterator().next() + "' contains targets"
                        + " through more than " + HclParser.MAX_NESTING + " groups, the limit");
            }
            for (String member : groups.get(name)) {
                expand(member, selected, groupPath, expandedGroups);
            }
            groupPath.remove(name);
            expandedGroups.add(name);
        } else if (targets.containsKey(name)) {
            selected.add(name);
        } else if (unresolvable.containsKey(name)) {
            throw new BakeFileException(unresolvable.get(name));
        } else {
            throw new BakeFileException(source + ": no target or group named '" + name + "' (targets: "
                    + targets.keySet() + ", groups: " + groups.keySet() + ")");
        }
    }
}
