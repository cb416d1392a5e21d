// check_stubs: shell
package hudson;

import hudson.model.TaskListener;
import java.io.IOException;
import java.util.concurrent.TimeUnit;

public abstract class Proc {
    private Proc() {
        throw new UnsupportedOperationException("compile-only Jenkins API shim");
    }

    public abstract void kill() throws IOException, InterruptedException;

    public final int joinWithTimeout(long timeout, TimeUnit unit, TaskListener listener)
            throws IOException, InterruptedException {
        throw new UnsupportedOperationException("compile-only Jenkins API shim");
    }
}
