package io.jenkins.plugins.optimizeddeploy.action;

import hudson.model.CauseAction;
import hudson.model.Item;
import hudson.model.Job;
import jenkins.model.ParameterizedJobMixIn;

/**
 * The build queue of a job: core's scheduling for any job that takes builds (a Pipeline or a freestyle job), with the
 * job's parameters at their defaults, and no quiet period (a rollback is wanted now).
 */
final class JobRollbackQueue implements RollbackQueue {

    private final Job<?, ?> job;

    JobRollbackQueue(Job<?, ?> job) {
        this.job = job;
    }

    @Override
    public void checkMayBuild() {
        job.checkPermission(Item.BUILD);
    }

    @Override
    public boolean schedule(RollbackToBuild rollback, RollbackCause cause) {
        return ParameterizedJobMixIn.scheduleBuild2(job, 0, rollback, new CauseAction(cause)) != null;
    }
}
