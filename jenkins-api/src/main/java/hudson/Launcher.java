// check_stubs: shell
package hudson;

import hudson.model.TaskListener;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

public abstract class Launcher {
    private Launcher() {
        throw new UnsupportedOperationException("compile-only Jenkins API shim");
    }

    public final ProcStarter launch() {
        throw new UnsupportedOperationException("compile-only Jenkins API shim");
    }

    public final class ProcStarter {
        private ProcStarter() {
            throw new UnsupportedOperationException("compile-only Jenkins API shim");
        }

        public ProcStarter cmds(List<String> args) {
            throw new UnsupportedOperationException("compile-only Jenkins API shim");
        }

        public ProcStarter quiet(boolean quiet) {
            throw new UnsupportedOperationException("compile-only Jenkins API shim");
        }

        public ProcStarter pwd(String workDir) {
            throw new UnsupportedOperationException("compile-only Jenkins API shim");
        }

        public ProcStarter stdout(OutputStream out) {
            throw new UnsupportedOperationException("compile-only Jenkins API shim");
        }

        public ProcStarter stderr(OutputStream err) {
            throw new UnsupportedOperationException("compile-only Jenkins API shim");
        }

        public ProcStarter stdin(InputStream in) {
            throw new UnsupportedOperationException("compile-only Jenkins API shim");
        }

        public ProcStarter envs(Map<String, String> overrides) {
            throw new UnsupportedOperationException("compile-only Jenkins API shim");
        }

        public Proc start() throws IOException {
            throw new UnsupportedOperationException("compile-only Jenkins API shim");
        }
    }

    public static class LocalLauncher extends Launcher {
        public LocalLauncher(TaskListener listener) {
            throw new UnsupportedOperationException("compile-only Jenkins API shim");
        }
    }
}
