// check_stubs: shell
package hudson.model;

public abstract class Job<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>> {
    private Job() {
        throw new UnsupportedOperationException("compile-only Jenkins API shim");
    }
}
