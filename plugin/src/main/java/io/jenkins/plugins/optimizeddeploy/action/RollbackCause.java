package io.jenkins.plugins.optimizeddeploy.action;

import hudson.model.Cause;

/** Why a run started: a user asked, on a build's page, to roll back to that build. */
public final class RollbackCause extends Cause {

    private final int build;
    private final String requestedBy;

    /** @param requestedBy the user's display name when they asked */
    public RollbackCause(int build, String requestedBy) {
        this.build = build;
        this.requestedBy = requestedBy;
    }

    public int getBuild() {
        return build;
    }

    /** Shown as text (core escapes it). */
    @Override
    public String getShortDescription() {
        return "Rollback to #" + build + " requested by " + requestedBy;
    }
}
