package io.jenkins.plugins.optimizeddeploy.engine.deploy;

/** Why a release ran: a new deploy, or a rollback to recorded digests (through the same gate). */
public enum Action {
    DEPLOY,
    ROLLBACK
}
