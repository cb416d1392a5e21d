package hudson;

import hudson.remoting.Channel;
import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.optimizeddeploy.jenkinsruntime.Remoting;
import java.io.File;
import java.io.IOException;
import java.io.Serializable;
import org.jenkinsci.remoting.RoleSensitive;
import org.jenkinsci.remoting.SerializableOnlyOverRemoting;

/**
 * A folder of an agent that runs in this JVM: a callable crosses the channel to it and its result crosses back,
 * through Java serialization, as with a remote agent.
 */
public final class FilePath implements SerializableOnlyOverRemoting {
    private static final long serialVersionUID = 1L;

    private final String remote;

    public FilePath(File localPath) {
        this.remote = localPath.getPath();
    }

    public String getRemote() {
        return remote;
    }

    public VirtualChannel getChannel() {
        return Remoting.channelToAgent();
    }

    public <T> T act(FileCallable<T> callable) throws IOException, InterruptedException {
        return Remoting.call(callable, sent -> sent.invoke(new File(remote), Channel.current()));
    }

    public interface FileCallable<T> extends Serializable, RoleSensitive {
        T invoke(File f, VirtualChannel channel) throws IOException, InterruptedException;
    }
}
