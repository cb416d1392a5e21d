package io.jenkins.plugins.optimizeddeploy.steps;

import java.io.IOException;

/**
 * A failure on the agent that no step foresaw (most likely a bug), brought back to the controller as this plugin's
 * own type. An engine exception may hold values of engine classes, which core's class filter (JEP-200) refuses on
 * the controller: the build would then fail with that refusal instead of the failure. The class, message and stack
 * trace of the failure and of each of its causes are kept, so the build log still shows where it happened.
 */
public final class AgentFailure extends IOException {

    private static final long serialVersionUID = 1L;

    /** @param context what failed, e.g. {@code bakeImages on the agent}, or {@code caused by} for a cause */
    public AgentFailure(String context, Throwable failure) {
        super(context + ": " + failure.getClass().getName() + ": " + failure.getMessage(),
                failure.getCause() == null ? null : new AgentFailure("caused by", failure.getCause()));
        setStackTrace(failure.getStackTrace());
    }
}
