package io.jenkins.plugins.optimizeddeploy.engine.build;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code buildah bud --layers} output into Dockerfile steps: {@code [stage/n] STEP i/m: INSTRUCTION} starts
 * a step; {@code --> Using cache ID} (after {@code --> Cache pulled from remote REF} on a remote hit) marks it
 * cached, otherwise it was executed. FROM steps are not counted.
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

    private static void addStep(List<BuildStep> steps, String name, BuildStep.Status status) {
        if (name != null) {
            steps.add(new BuildStep(name, status));
        }
    }
}
