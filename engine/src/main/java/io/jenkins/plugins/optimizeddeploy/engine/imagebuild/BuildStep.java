package io.jenkins.plugins.optimizeddeploy.engine.imagebuild;

import java.io.Serializable;
import java.util.Objects;

/** One Dockerfile step as a builder reported it: {@code [builder 3/6] COPY web/ web/} and whether it was cached. */
public record BuildStep(String name, Status status) implements Serializable {
    public enum Status {
        CACHED,
        EXECUTED,
        FAILED
    }

    public BuildStep {
        Objects.requireNonNull(name, "step name");
        Objects.requireNonNull(status, "status of step " + name);
    }
}
