package io.jenkins.plugins.optimizeddeploy.engine.imagebuild;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The targets to build, in order, the bake file they come from and the values the request's environment gave the
 * bake file's variables and globals, and {@code SOURCE_DATE_EPOCH}: a backend that reads the bake file again (buildx
 * bake) must read it with the same values.
 */
public record BuildPlan(Path bakeFile, List<PlannedTarget> targets, Map<String, String> variableValues) {
    public BuildPlan {
        targets = List.copyOf(targets);
        variableValues = Map.copyOf(variableValues);
    }
}
