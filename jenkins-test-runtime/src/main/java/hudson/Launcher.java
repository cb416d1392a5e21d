// check_stubs: shell
package hudson;

import hudson.model.TaskListener;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Starts processes on this machine, as core's LocalLauncher does. */
public abstract class Launcher {
    private final TaskListener listener;

    private Launcher(TaskListener listener) {
        this.listener = listener;
    }

    public final ProcStarter launch() {
        return new ProcStarter();
    }

    public final class ProcStarter {
        private final List<String> commands = new ArrayList<>();
        private Map<String, String> overrides = Map.of();
        private boolean quiet;
        private String workDir;
        private OutputStream stdout = OutputStream.nullOutputStream();
        private OutputStream stderr;
        private InputStream stdin;

        private ProcStarter() {
        }

        public ProcStarter cmds(List<String> args) {
            commands.clear();
            commands.addAll(args);
            return this;
        }

        public ProcStarter quiet(boolean quiet) {
            this.quiet = quiet;
            return this;
        }

        public ProcStarter pwd(String workDir) {
            this.workDir = workDir;
            return this;
        }

        public ProcStarter stdout(OutputStream out) {
            this.stdout = out;
            return this;
        }

        /** Without one, the process's stderr goes where its stdout goes, as in core. */
        public ProcStarter stderr(OutputStream err) {
            this.stderr = err;
            return this;
        }

        public ProcStarter stdin(InputStream in) {
            this.stdin = in;
            return this;
        }

        /** The process's variables over the agent's, as core's {@code EnvVars.override} puts them. */
        public ProcStarter envs(Map<String, String> overrides) {
            this.overrides = new HashMap<>(overrides);
            return this;
        }

        public Proc start() throws IOException {
            if (!quiet) {
                listener.getLogger().println("$ " + String.join(" ", commands));
            }
            ProcessBuilder builder = new ProcessBuilder(commands);
            overrides.forEach((key, value) -> override(builder.environment(), key, value));
            if (workDir != null) {
                builder.directory(new File(workDir));
            }
            if (stderr == null) {
                builder.redirectErrorStream(true);
            }
            return new Proc.LocalProc(builder.start(), stdin, stdout, stderr);
        }
    }

    /** An empty value removes the variable; {@code PATH+NAME} puts its value in front of {@code PATH}. */
    private static void override(Map<String, String> environment, String key, String value) {
        if (value == null || value.isEmpty()) {
            environment.remove(key);
            return;
        }
        int plus = key.indexOf('+');
        if (plus > 0) {
            environment.merge(key.substring(0, plus), value, (old, added) -> added + File.pathSeparator + old);
            return;
        }
        environment.put(key, value);
    }

    public static class LocalLauncher extends Launcher {
        public LocalLauncher(TaskListener listener) {
            super(listener);
        }
    }
}
