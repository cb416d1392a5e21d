package hudson.remoting;

import io.jenkins.plugins.optimizeddeploy.jenkinsruntime.Remoting;
import java.io.IOException;
import java.io.OutputStream;
import org.jenkinsci.remoting.SerializableOnlyOverRemoting;

/** Writes, from either side of the channel, to the stream it was made with: only its export id crosses. */
public final class RemoteOutputStream extends OutputStream implements SerializableOnlyOverRemoting {
    private static final long serialVersionUID = 1L;

    private final long id;
    private transient OutputStream core;

    public RemoteOutputStream(OutputStream core) {
        this.id = Remoting.keep(core);
        this.core = core;
    }

    @Override
    public void write(int b) throws IOException {
        if (core == null) {
            core = (OutputStream) Remoting.kept(id);
        }
        core.write(b);
    }
}
