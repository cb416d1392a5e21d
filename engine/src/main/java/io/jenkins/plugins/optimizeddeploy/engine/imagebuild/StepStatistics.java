package io.jenkins.plugins.optimizeddeploy.engine.imagebuild;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Steps total, cached and executed (failed ones count as executed) of one target's build. */
public record StepStatistics(int total, int cached, int executed) implements Serializable {
    public StepStatistics {
        if (total < 0 || cached < 0 || executed < 0 || cached + executed != total) {
            throw new IllegalArgumentException("Step counts must be non-negative and cached + executed = total, were total "
                    + total + ", cached " + cached + ", executed " + executed);
        }
    }

    public static StepStatistics of(List<BuildStep> steps) {
        int cached = (int) steps.stream().filter(step -> step.status() == BuildStep.Status.CACHED).count();
        return new StepStatistics(steps.size(), cached, steps.size() - cached);
    }

    /**
     * The steps of several builder runs for one target (e.g. an intermediate stage, then the final one), each step
     * once, as the first run that reached it reported it: a later run finds it cached only because of an earlier one.
     */
    public static List<BuildStep> firstReportOfEach(List<List<BuildStep>> runs) {
        Map<String, BuildStep> first = new LinkedHashMap<>();
        runs.forEach(run -> run.forEach(step -> first.putIfAbsent(step.name(), step)));
        return new ArrayList<>(first.values());
    }

    /** The names of the steps that were not cached, in order. */
    public static List<String> executedNames(List<BuildStep> steps) {
        return steps.stream().filter(step -> step.status() != BuildStep.Status.CACHED).map(BuildStep::name).toList();
    }

    /** cached / total, 0 to 1; 0 when there were no steps. */
    public double hitRate() {
        return total == 0 ? 0 : (double) cached / total;
    }
}
