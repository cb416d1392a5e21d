// check_stubs: shell
package hudson.model;

import java.io.IOException;

public abstract class Run<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>> extends Actionable {
    protected Run(JobT job) throws IOException {
        throw new UnsupportedOperationException("compile-only Jenkins API shim");
    }

    public Result getResult() {
        throw new UnsupportedOperationException("compile-only Jenkins API shim");
    }

    public JobT getParent() {
        throw new UnsupportedOperationException("compile-only Jenkins API shim");
    }

    public final long getStartTimeInMillis() {
        throw new UnsupportedOperationException("compile-only Jenkins API shim");
    }

    public String getDisplayName() {
        throw new UnsupportedOperationException("compile-only Jenkins API shim");
    }

    public int getNumber() {
        throw new UnsupportedOperationException("compile-only Jenkins API shim");
    }

    public RunT getPreviousBuild() {
        throw new UnsupportedOperationException("compile-only Jenkins API shim");
    }

    public synchronized void save() throws IOException {
        throw new UnsupportedOperationException("compile-only Jenkins API shim");
    }
}
