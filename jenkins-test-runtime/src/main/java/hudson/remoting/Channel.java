// check_stubs: shell
package hudson.remoting;

import io.jenkins.plugins.optimizeddeploy.jenkinsruntime.Remoting;
import java.io.IOException;

/** The agent's channel back to the controller, which is this JVM. */
public class Channel implements VirtualChannel {
    private static final Channel TO_CONTROLLER = new Channel();

    private Channel() {
    }

    @Override
    public <T> T export(Class<T> type, T instance) {
        return Remoting.export(type, instance);
    }

    /** Nothing to wait for: what a remote stream writes has arrived when its write returns. */
    public void syncIO() throws IOException, InterruptedException {
    }

    /** The channel of the call this thread is running on the agent; null on the controller, as in remoting. */
    public static Channel current() {
        return Remoting.onAgent() ? TO_CONTROLLER : null;
    }
}
