package io.jenkins.plugins.optimizeddeploy.engine.retag;

/** How a retag ended, for the whole set of images. */
public enum RetagOutcome {
    /** Every target tag points at its source's manifest. */
    MOVED,
    /** No target tag changed: the retag failed before touching one, or every touched tag was put back. */
    NOTHING_MOVED,
    /** The retag failed and at least one touched tag could not be put back; the tag results say which. */
    ROLLBACK_INCOMPLETE
}
