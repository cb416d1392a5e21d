package io.jenkins.plugins.optimizeddeploy.engine.bake;

import java.io.Serializable;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
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
    /** A named context's value that builds another target of the file first: {@code target:NAME}. */
    public static final String TARGET_LINK = "target:";

    public BakeDefinition {
        targets = Collections.unmodifiableMap(new LinkedHashMap<>(targets));
        Map<String, List<String>> groupCopy = new LinkedHashMap<>();
        groups.forEach((name, members) -> groupCopy.put(name, List.copyOf(members)));
        groups = Collections.unmodifiableMap(groupCopy);
        variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables));
        unresolvable = Map.copyOf(unresolvable);
    }

    /**
     * The targets {@code names} select, in order and each once: a name is a group (whose members may be groups; a
     * member with the group's own name is the target of that name), a target, or a pattern ({@code *}, {@code ?},
     * {@code [...]}) matching target names. No names selects the {@value #DEFAULT_GROUP} group. As buildx, it refuses
     * a selected target whose {@code target:} context links to no target, to itself or back in a loop.
     *
     * @throws BakeFileException naming an unknown name and what the file defines
     */
    public List<BakeTarget> select(List<String> names) {
        List<BakeTarget> selected = selectedNames(names).stream().map(targets::get).toList();
        withLinkedTargets(selected);
        return selected;
    }

    /** {@link #select}, followed by the targets that selected ones use as {@code target:} contexts (buildx builds them). */
    public List<BakeTarget> selectWithLinked(List<String> names) {
        return withLinkedTargets(select(names));
    }

    /** The names of the targets {@code names} select, patterns expanded, as buildx prints them in its default group. */
    public List<String> selectedNames(List<String> names) {
        List<String> wanted = names.isEmpty() ? List.of(DEFAULT_GROUP) : names;
        Set<String> selected = new LinkedHashSet<>();
        Set<String> expandedGroups = new HashSet<>();
        for (String name : wanted) {
            if (!groups.containsKey(name) && !targets.containsKey(name) && isPattern(name)) {
                selected.addAll(matching(name));
            } else {
                expand(name, selected, new LinkedHashSet<>(), expandedGroups);
            }
        }
        return List.copyOf(selected);
    }

    private static boolean isPattern(String name) {
        return name.contains("*") || name.contains("?") || name.contains("[");
    }

    private List<String> matching(String pattern) {
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
        List<String> matched = targets.keySet().stream().filter(name -> matcher.matches(Path.of(name))).toList();
        if (matched.isEmpty()) {
            throw new BakeFileException(source + ": no target matches the pattern '" + pattern + "' (targets: "
                    + targets.keySet() + ")");
        }
        return matched;
    }

    /** {@code selected} and every target their {@code target:} contexts link to, directly or not. */
    private List<BakeTarget> withLinkedTargets(List<BakeTarget> selected) {
        Set<String> all = new LinkedHashSet<>();
        selected.forEach(target -> link(target.name(), all, new LinkedHashSet<>()));
        return all.stream().map(targets::get).toList();
    }

    private void link(String name, Set<String> all, Set<String> path) {
        if (!path.add(name)) {
            throw new BakeFileException(source + ": target '" + name + "' is linked back to itself through the"
                    + " target: contexts of " + path);
        }
        if (path.size() > HclParser.MAX_NESTING) {
            throw new BakeFileException(source + ": target '" + path.iterator().next() + "' links to targets through"
                    + " more than " + HclParser.MAX_NESTING + " target: contexts, the limit");
        }
        all.add(name);
        for (Map.Entry<String, String> context : targets.get(name).contexts().entrySet()) {
            if (!context.getValue().startsWith(TARGET_LINK)) {
                continue;
            }
            String linked = context.getValue().substring(TARGET_LINK.length());
            if (linked.equals(name)) {
                throw new BakeFileException(source + ": target '" + name + "' has context " + context.getKey()
                        + " = \"" + context.getValue() + "\", a link to itself");
            }
            if (!targets.containsKey(linked)) {
                throw new BakeFileException(unresolvable.getOrDefault(linked, source + ": target '" + name
                        + "' has context " + context.getKey() + " = \"" + context.getValue() + "\", but there is no"
                        + " target '" + linked + "' (targets: " + targets.keySet() + ")"));
            }
            link(linked, all, path);
        }
        path.remove(name);
    }

    /** Adds the targets {@code name} stands for; a group already expanded adds nothing new and is skipped. */
    private void expand(String name, Set<String> selected, Set<String> groupPath, Set<String> expandedGroups) {
        if (groups.containsKey(name) && !groupPath.contains(name) || groups.containsKey(name) && !targets.containsKey(name)) {
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
