package hudson;

import hudson.remoting.VirtualChannel;
import java.io.File;
import java.io.IOException;
import java.io.Serializable;
import org.jenkinsci.remoting.RoleSensitive;
import org.jenkinsci.remoting.SerializableOnlyOverRemoting;

public final class FilePath implements SerializableOnlyOverRemoting {
    private static final long serialVersionUID = 1L;

    public FilePath(File localPath) {
        throw new UnsupportedOperationException("compile-only Jenkins API shim");
    }

    public String getRemote() {
        throw new UnsupportedOperationException("compile-only Jenkins API shim");
    }

    public VirtualChannel getChannel() {
        throw new UnsupportedOperationException("compile-only Jenkins API shim");
    }

    public <T> T act(FileCallable<T> callable) throws IOException, InterruptedException {
        throw new UnsupportedOperationException("compile-only Jenkins API shim");
    }

    public interface FileCallable<T> extends Serializable, RoleSensitive {
        T invoke(File f, VirtualChannel channel) throws IOException, InterruptedException;
    }
}
