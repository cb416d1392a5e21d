package hudson.remoting;

import java.io.IOException;
import java.io.OutputStream;
import org.jenkinsci.remoting.SerializableOnlyOverRemoting;

public final class RemoteOutputStream extends OutputStream implements SerializableOnlyOverRemoting {
    private static final long serialVersionUID = 1L;

    public RemoteOutputStream(OutputStream core) {
        throw new UnsupportedOperationException("compile-only Jenkins API shim");
    }

    @Override
    public void write(int b) throws IOException {
        throw new UnsupportedOperationException("compile-only Jenkins API shim");
    }
}
