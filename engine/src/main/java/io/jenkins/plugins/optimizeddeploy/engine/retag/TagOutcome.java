package io.jenkins.plugins.optimizeddeploy.engine.retag;

/** What happened to one target tag. */
public enum TagOutcome {
    /** It points at its source's manifest now. */
    MOVED,
    /** It pointed at its source's manifest already; it was not written. */
    ALREADY_THERE,
    /** The retag stopped before this tag was written; it is as it was. */
    NOT_TOUCHED,
    /** It was written, then put back: the manifest it pointed at before was written under it again. */
    RESTORED,
    /** It did not exist before, was written, then removed again. */
    REMOVED,
    /**
     * It did not exist before and could not be removed: the registry cannot delete a tag, and deleting the
     * manifest would delete tags that pointed at it before (the source's). It still points at the source's manifest.
     */
    LEFT_AT_NEW_DIGEST,
    /** It was written and putting it back failed; where it points is in the note. */
    NOT_RESTORED
}
