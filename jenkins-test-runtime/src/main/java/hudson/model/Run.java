// check_stubs: shell
package hudson.model;

import java.io.IOException;
import jenkins.model.RunAction2;

/** A build in progress, numbered by its job when it is made; its actions live in memory. */
public abstract class Run<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>> extends Actionable {
    private final JobT project;
    private final long timestamp;
    private final int number;

    @SuppressWarnings("unchecked") // a RunT is made by a subclass, as in core
    protected Run(JobT job) throws IOException {
        this.project = job;
        this.timestamp = System.currentTimeMillis();
        this.number = job.add((RunT) this);
    }

    /** Null: the build is still running, as it is while a step runs. */
    public Result getResult() {
        return null;
    }

    public JobT getParent() {
        return project;
    }

    public final long getStartTimeInMillis() {
        return timestamp;
    }

    public String getDisplayName() {
        return "#" + number;
    }

    public int getNumber() {
        return number;
    }

    public RunT getPreviousBuild() {
        return project.before(number);
    }

    /** Nothing to write: the runtime has no JENKINS_HOME. */
    public synchronized void save() throws IOException {
    }

    @Override
    void attached(Action action) {
        if (action instanceof RunAction2 runAction) {
            runAction.onAttached(this);
        }
    }

    @Override
    public String toString() {
        return project.getFullName() + " #" + number;
    }
}
