package io.jenkins.plugins.optimizeddeploy.engine.build;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The stages of a multi-stage Dockerfile and what each needs: its {@code FROM} base when that is another stage,
 * and every {@code --from=STAGE} of {@code COPY} or {@code RUN --mount}. Enough to know which intermediate stages
 * a target builds, so each can get a cache image of its own.
 */
final class DockerfileStages {
    private static final Pattern FROM = Pattern.compile(
            "(?i)^FROM\\s+(?:--platform=\\S+\\s+)?(\\S+)(?:\\s+AS\\s+(\\S+))?\\s*$");
    private static final Pattern FROM_FLAG = Pattern.compile("(?i)--from=([^\\s,]+)|,from=([^\\s,]+)");

    private final List<String> names = new ArrayList<>();
    private final Map<String, Set<String>> needs = new LinkedHashMap<>();

    private DockerfileStages() {
    }

    static DockerfileStages parse(String source, String dockerfile) {
        DockerfileStages stages = new DockerfileStages();
        String current = null;
        int index = 0;
        for (String instruction : instructions(dockerfile)) {
            Matcher from = FROM.matcher(instruction);
            if (from.matches()) {
                current = from.group(2) != null ? from.group(2).toLowerCase(Locale.ROOT) : String.valueOf(index);
                index++;
                stages.names.add(current);
                Set<String> stageNeeds = new LinkedHashSet<>();
                stages.needs.put(current, stageNeeds);
                String base = from.group(1).toLowerCase(Locale.ROOT);
                if (stages.needs.containsKey(base) && !base.equals(current)) {
                    stageNeeds.add(base);
                }
            } else if (current != null) {
                Matcher flag = FROM_FLAG.matcher(instruction);
                while (flag.find()) {
                    String needed = (flag.group(1) != null ? flag.group(1) : flag.group(2)).toLowerCase(Locale.ROOT);
                    if (stages.needs.containsKey(needed)) {
                        stages.needs.get(current).add(needed);
                    }
                }
            }
        }
        if (stages.names.isEmpty()) {
            throw new IllegalArgumentException(source + " has no FROM instruction");
        }
        return stages;
    }

    /** The stages {@code target} (empty: the last stage) needs, directly or not, in Dockerfile order. */
    List<String> intermediateStagesOf(String source, String target) {
        String wanted = target.isEmpty() ? names.get(names.size() - 1) : target.toLowerCase(Locale.ROOT);
        if (!needs.containsKey(wanted)) {
            throw new IllegalArgumentException(source + " has no stage '" + target + "' (stages: " + names + ")");
        }
        Set<String> needed = new LinkedHashSet<>();
        collect(wanted, needed);
        return names.stream().filter(needed::contains).toList();
    }

    private void collect(String stage, Set<String> needed) {
        for (String dependency : needs.get(stage)) {
            if (needed.add(dependency)) {
                collect(dependency, needed);
            }
        }
    }

    /** Logical lines: comments dropped, backslash continuations joined. */
    private static List<String> instructions(String dockerfile) {
        List<String> instructions = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        for (String line : dockerfile.split("\r?\n", -1)) {
            String trimmed = line.strip();
            if (trimmed.startsWith("#")) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                pending.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            pending.append(trimmed);
            if (!pending.toString().isBlank()) {
                instructions.add(pending.toString().strip());
            }
            pending.setLength(0);
        }
        return instructions;
    }
}
