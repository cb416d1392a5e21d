package io.jenkins.plugins.optimizeddeploy.engine.deploy;

import java.util.Objects;

/** What the platform said of one service's new image: healthy, or why not (in one line). */
public record Rollout(boolean healthy, String reason) {
    public Rollout {
        Objects.requireNonNull(reason, "rollout reason");
    }

    public static Rollout healthyNow() {
        return new Rollout(true, "healthy");
    }

    public static Rollout failed(String reason) {
        return new Rollout(false, reason);
    }
}
