package io.jenkins.plugins.optimizeddeploy.engine.imagebuild;

import java.io.Serializable;
import java.util.List;

/** The targets built, in plan order, with the backend that built them and why it was chosen. */
public record BuildResult(String backend, String backendReason, List<TargetResult> targets) implements Serializable {
    public BuildResult {
        targets = List.copyOf(targets);
    }

    /** Steps of every target together. */
    public StepStatistics steps() {
        int total = targets.stream().mapToInt(target -> target.steps().total()).sum();
        int cached = targets.stream().mapToInt(target -> target.steps().cached()).sum();
        return new StepStatistics(total, cached, total - cached);
    }
}
