package io.jenkins.plugins.optimizeddeploy.engine.deploy;

/** Another deploy held the target's lock for longer than this one would wait; the message names that deploy. */
public final class TargetBusyException extends DeployException {
    private static final long serialVersionUID = 1L;

    TargetBusyException(String message) {
        super(message);
    }
}
