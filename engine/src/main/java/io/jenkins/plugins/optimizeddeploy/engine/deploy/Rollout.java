package io.jenkins.plugins.optimizeddeploy.engine.deploy;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the platform said of one service's new image: healthy, or why not (in one line). {@code healthySince} is when
 * the platform first showed the new image running healthy, when that was before the platform's verdict (Swarm
 * watches a healthy task for its monitor period before it calls the update done); empty means now.
 */
public record Rollout(boolean healthy, String reason, Optional<Instant> healthySince) {
    public Rollout {
        Objects.requireNonNull(reason, "rollout reason");
        Objects.requireNonNull(healthySince, "healthy since");
    }

    public Rollout(boolean healthy, String reason) {
        this(healthy, reason, Optional.empty());
    }

    public static Rollout healthyNow() {
        return new Rollout(true, "healthy");
    }

    public static Rollout healthySince(Instant since) {
        return new Rollout(true, "healthy", Optional.of(since));
    }

    public static Rollout failed(String reason) {
        return new Rollout(false, reason);
    }
}
