package io.jenkins.plugins.optimizeddeploy.engine.deploy;

/** How one service of a release ended. */
public enum Outcome {
    /** The new image runs and passed the health gate. */
    HEALTHY,
    /** The new image failed the health gate; the previous one runs again. */
    UNHEALTHY,
    /**
     * The new image was healthy, or still on its way to its gate, when another service of the release failed: the
     * previous one runs again.
     */
    ROLLED_BACK,
    /** The platform could not be asked to run the new image; the previous one runs again. */
    FAILED,
    /** The previous image could not be put back: what runs is in the result's {@code running}. */
    ROLLBACK_FAILED
}
