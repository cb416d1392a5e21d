package io.jenkins.plugins.optimizeddeploy.engine.build;

import java.nio.file.Path;
import java.util.List;

/** The targets to build, in order, and the bake file they come from. */
public record BuildPlan(Path bakeFile, List<PlannedTarget> targets) {
    public BuildPlan {
        targets = List.copyOf(targets);
    }
}
