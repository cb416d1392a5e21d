package io.jenkins.plugins.optimizeddeploy.forms;

import io.jenkins.plugins.optimizeddeploy.engine.findings.FailureThreshold;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.BuilderBackend;
import java.util.Arrays;
import java.util.List;

/** The values of the fields a user picks from a list, as the engine names them. */
public final class Choices {

    private Choices() {
    }

    /** The failure thresholds, strictest first: {@code error} ... {@code none}. */
    public static List<String> failOn() {
        return Arrays.stream(FailureThreshold.values()).map(FailureThreshold::label).toList();
    }

    /** The build backends: {@code auto} first, then {@code buildx}, {@code docker}, {@code buildah}. */
    public static List<String> backends() {
        return Arrays.stream(BuilderBackend.values()).map(BuilderBackend::id).toList();
    }
}
