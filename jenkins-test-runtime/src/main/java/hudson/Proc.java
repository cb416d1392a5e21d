// check_stubs: shell
package hudson;

import hudson.model.TaskListener;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/** A process started on this machine, its output copied to the streams it was started with. */
public abstract class Proc {
    private Proc() {
    }

    public abstract void kill() throws IOException, InterruptedException;

    /** Waits for the process; past the timeout it says so in the log and kills it, as core does. */
    public final int joinWithTimeout(long timeout, TimeUnit unit, TaskListener listener)
            throws IOException, InterruptedException {
        if (!hasEnded(timeout, unit)) {
            listener.getLogger().println("Timeout after " + timeout + " " + unit.toString().toLowerCase(Locale.ENGLISH));
            kill();
        }
        return join();
    }

    abstract boolean hasEnded(long timeout, TimeUnit unit) throws InterruptedException;

    abstract int join() throws InterruptedException;

    static final class LocalProc extends Proc {
        private final Process process;
        private final Thread stdoutCopier;
        private final Thread stderrCopier;

        LocalProc(Process process, InputStream stdin, OutputStream stdout, OutputStream stderr) throws IOException {
            this.process = process;
            this.stdoutCopier = copy(process.getInputStream(), stdout);
            this.stderrCopier = stderr == null ? null : copy(process.getErrorStream(), stderr);
            try (OutputStream processInput = process.getOutputStream()) {
                if (stdin != null) {
                    stdin.transferTo(processInput);
                }
            } catch (IOException e) {
                // the process ended without reading its input: its exit code tells what happened
            }
        }

        @Override
        public void kill() {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }

        @Override
        boolean hasEnded(long timeout, TimeUnit unit) throws InterruptedException {
            return process.waitFor(timeout, unit);
        }

        @Override
        int join() throws InterruptedException {
            try {
                int exitCode = process.waitFor();
                stdoutCopier.join();
                if (stderrCopier != null) {
                    stderrCopier.join();
                }
                return exitCode;
            } catch (InterruptedException e) {
                kill();
                throw e;
            }
        }

        private static Thread copy(InputStream from, OutputStream to) {
            Thread copier = new Thread(() -> {
                try (from) {
                    from.transferTo(to);
                    to.flush();
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot copy the output of a process", e);
                }
            }, "copier of a process's output");
            copier.setDaemon(true);
            copier.start();
            return copier;
        }
    }
}
