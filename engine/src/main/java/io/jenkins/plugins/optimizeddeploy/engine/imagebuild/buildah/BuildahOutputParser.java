package io.jenkins.plugins.optimizeddeploy.engine.imagebuild.buildah;

import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.BuildStep;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.CacheTimes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code buildah bud --layers} output into Dockerfile steps: {@code [stage/n] STEP i/m: INSTRUCTION} starts
 * a step; {@code --> Using cache ID} (after {@code --> Cache pulled from remote REF} on a remote hit) marks it
 * cached, otherwise it was executed. FROM steps are not counted.
 *
 * <p>buildah prints its cache work without durations, so {@link #cacheTimes} times it by when lines arrived.
 */
public final class BuildahOutputParser {
    private static final Pattern STEP = Pattern.compile("^(?:\\[(\\d+)/\\d+\\] )?STEP (\\d+)/\\d+: (.*)$");
    private static final Pattern ERROR = Pattern.compile("^(?:Error|error building at STEP).*");

    private BuildahOutputParser() {
    }

    public static List<BuildStep> parse(List<String> lines) {
        List<BuildStep> steps = new ArrayList<>();
        String current = null;
        BuildStep.Status status = null;
        for (String raw : lines) {
            String line = raw.strip();
            Matcher step = STEP.matcher(line);
            if (step.matches()) {
                addStep(steps, current, status);
                String instruction = step.group(3);
                boolean from = instruction.regionMatches(true, 0, "FROM ", 0, 5);
                current = from ? null : "[" + (step.group(1) == null ? "1" : step.group(1)) + " " + step.group(2) + "] " + instruction;
                status = BuildStep.Status.EXECUTED;
            } else if (current != null && (line.startsWith("--> Using cache") || line.startsWith("--> Cache pulled from remote"))) {
                status = BuildStep.Status.CACHED;
            } else if (current != null && ERROR.matcher(line).matches()) {
                status = BuildStep.Status.FAILED;
            } else if (line.matches("^(?:\\[\\d+/\\d+\\] )?COMMIT.*")) {
                addStep(steps, current, status);
                current = null;
            }
        }
        addStep(steps, current, status);
        return steps;
    }

    /**
     * {@code steps} without the {@code LABEL "KEY"=...} steps that buildah 1.28 appends to the target stage, one per
     * {@code --label KEY=...}: they are the engine's labels, not Dockerfile steps (BuildKit sets labels when it
     * exports the image and shows no step for them). Counted, they would read as misses on every build, as the
     * created and revision labels change from build to build, and after any miss in the target stage.
     */
    public static List<BuildStep> withoutLabelSteps(List<BuildStep> steps, Collection<String> labelKeys) {
        int end = steps.size();
        while (end > 0 && isLabelStep(steps.get(end - 1).name(), labelKeys) && steps.size() - end < labelKeys.size()) {
            end--;
        }
        return List.copyOf(steps.subList(0, end));
    }

    private static boolean isLabelStep(String stepName, Collection<String> labelKeys) {
        return labelKeys.stream().anyMatch(key -> stepName.matches("^\\[\\d+ \\d+\\] LABEL \"" + Pattern.quote(key) + "\"=.*"));
    }

    private static void addStep(List<BuildStep> steps, String name, BuildStep.Status status) {
        if (name != null) {
            steps.add(new BuildStep(name, status));
        }
    }

    /**
     * Cache import and export of one {@code buildah bud} from its output lines as they arrived. buildah prints
     * {@code --> Cache pulled from remote REF} once the pull is done, right after the step's header: the time from
     * the line before it is the pull. It prints {@code --> Pushing cache REF} before pushing and the next line once
     * the push is done: the time to the line after it is the push.
     */
    static CacheTimes cacheTimes(List<TimedLine> lines) {
        long importMillis = 0;
        long exportMillis = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).line().strip();
            if (line.startsWith("--> Cache pulled from remote") && i > 0) {
                importMillis += lines.get(i).arrivedMillis() - lines.get(i - 1).arrivedMillis();
            } else if (line.startsWith("--> Pushing cache") && i + 1 < lines.size()) {
                exportMillis += lines.get(i + 1).arrivedMillis() - lines.get(i).arrivedMillis();
            }
        }
        return new CacheTimes(importMillis, exportMillis);
    }
}
