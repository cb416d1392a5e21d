// check_stubs: shell
package hudson.model;

import java.io.IOException;

public abstract class Job<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>> extends AbstractItem {
    @SuppressWarnings("rawtypes") // the real signature takes a raw ItemGroup
    protected Job(ItemGroup parent, String name) {
        throw new UnsupportedOperationException("compile-only Jenkins API shim");
    }

    public RunT getBuildByNumber(int n) {
        throw new UnsupportedOperationException("compile-only Jenkins API shim");
    }

    public synchronized void save() throws IOException {
        throw new UnsupportedOperationException("compile-only Jenkins API shim");
    }

    public RunT getLastBuild() {
        throw new UnsupportedOperationException("compile-only Jenkins API shim");
    }
}
