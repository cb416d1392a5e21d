package io.jenkins.plugins.optimizeddeploy.engine.deploy;

import java.time.Duration;

/** How often a target looks at a service again while it waits for it to be healthy. */
final class Health {
    static final Duration POLL = Duration.ofMillis(250);

    private Health() {
    }

    static void pause() {
        pause(POLL);
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            throw interrupted(e);
        }
    }

    /** What a wait for health that was interrupted throws; the thread stays interrupted. */
    static DeployException interrupted(InterruptedException e) {
        Thread.currentThread().interrupt();
        return new DeployException("interrupted while waiting for the deploy to be healthy", e);
    }
}
