package io.jenkins.plugins.optimizeddeploy.engine.imagebuild;

import java.io.Serializable;
import java.util.Objects;

/** The backend that will build, and why it was chosen (for the console and the build record). */
public record BackendChoice(BuilderBackend backend, String reason) implements Serializable {
    public BackendChoice {
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(reason, "reason for " + backend);
        if (backend == BuilderBackend.AUTO) {
            throw new IllegalArgumentException("A choice names a concrete backend, not auto (" + reason + ")");
        }
    }
}
