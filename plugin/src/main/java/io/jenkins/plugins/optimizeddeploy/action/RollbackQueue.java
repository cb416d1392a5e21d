package io.jenkins.plugins.optimizeddeploy.action;

/** Where "Roll back to this build" queues its run: {@link JobRollbackQueue} is the job's; tests bring their own. */
interface RollbackQueue {

    /** @throws RuntimeException core's access-denied exception when the user may not build the job */
    void checkMayBuild();

    /** Queues a run of the job marked with both; false when Jenkins refused (a disabled job, or one without builds). */
    boolean schedule(RollbackToBuild rollback, RollbackCause cause);
}
