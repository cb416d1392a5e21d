// check_stubs: shell
package jenkins.model;

import hudson.model.Action;
import hudson.model.Job;
import hudson.model.Queue;
import hudson.model.Run;

public abstract class ParameterizedJobMixIn<
        JobT extends Job<JobT, RunT> & ParameterizedJobMixIn.ParameterizedJob<JobT, RunT> & Queue.Task,
        RunT extends Run<JobT, RunT> & Queue.Executable> {
    private ParameterizedJobMixIn() {
        // no test needs one
    }

    /** Null for a job that cannot take parameters, as in core; the runtime has no queue for the others. */
    public static Queue.Item scheduleBuild2(final Job<?, ?> job, int quietPeriod, Action... actions) {
        if (!(job instanceof ParameterizedJob)) {
            return null;
        }
        throw new UnsupportedOperationException("jenkins-test-runtime has no build queue to schedule " + job.getFullName());
    }

    public interface ParameterizedJob<
            JobT extends Job<JobT, RunT> & ParameterizedJobMixIn.ParameterizedJob<JobT, RunT> & Queue.Task,
            RunT extends Run<JobT, RunT> & Queue.Executable> {
    }
}
