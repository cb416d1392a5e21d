package io.jenkins.plugins.optimizeddeploy.jenkinsruntime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import hudson.AbortException;
import hudson.FilePath;
import hudson.remoting.Channel;
import hudson.remoting.VirtualChannel;
import java.io.File;
import java.io.NotSerializableException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.function.Supplier;
import jenkins.MasterToSlaveFileCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A FilePath's callable crosses to the agent and back as over a remoting channel. */
class AgentCallsTest {

    @TempDir
    Path workspace;

    @Test
    void shouldRunACopyOfTheCallableOnTheAgentAndBringACopyOfItsResultBack() throws Exception {
        Probe probe = new Probe();

        Probe.Seen seen = new FilePath(workspace.toFile()).act(probe);

        assertThat(seen.folder()).isEqualTo(workspace.toString());
        assertThat(seen.onAgent()).isTrue();
        assertThat(Probe.lastInvoked).as("the callable that ran is a copy").isNotNull().isNotSameAs(probe);
        assertThat(Channel.current()).as("back on the controller").isNull();
    }

    @Test
    void shouldRefuseACallableThatCannotCrossTheChannel() {
        Supplier<String> notSerializable = () -> "lambda";

        Throwable thrown = catchThrowable(() -> new FilePath(workspace.toFile()).act(new Holding(notSerializable)));

        assertThat(thrown).isInstanceOf(NotSerializableException.class);
    }

    @Test
    void shouldBringTheAgentsFailureBackWithItsMessage() {
        Throwable thrown = catchThrowable(() -> new FilePath(workspace.toFile()).act(new Failing()));

        assertThat(thrown).isExactlyInstanceOf(AbortException.class).hasMessage("step: the agent says no");
    }

    @Test
    void shouldWriteFromTheAgentToTheControllersLog() throws Exception {
        TestListener listener = new TestListener();

        new FilePath(workspace.toFile()).act(new Logging(listener));

        assertThat(listener.text()).isEqualTo("from the agent\n");
    }

    private static final class Probe extends MasterToSlaveFileCallable<Probe.Seen> {
        private static final long serialVersionUID = 1L;
        private static volatile Probe lastInvoked;

        record Seen(String folder, boolean onAgent) implements Serializable {
        }

        @Override
        public Seen invoke(File f, VirtualChannel channel) {
            lastInvoked = this;
            return new Seen(f.getPath(), Channel.current() != null && channel != null);
        }
    }

    private static final class Holding extends MasterToSlaveFileCallable<String> {
        private static final long serialVersionUID = 1L;
        private final Supplier<String> value;

        Holding(Supplier<String> value) {
            this.value = value;
        }

        @Override
        public String invoke(File f, VirtualChannel channel) {
            return value.get();
        }
    }

    private static final class Failing extends MasterToSlaveFileCallable<Void> {
        private static final long serialVersionUID = 1L;

        @Override
        public Void invoke(File f, VirtualChannel channel) throws AbortException {
            throw new AbortException("step: the agent says no");
        }
    }

    private static final class Logging extends MasterToSlaveFileCallable<Void> {
        private static final long serialVersionUID = 1L;
        private final TestListener listener;

        Logging(TestListener listener) {
            this.listener = listener;
        }

        @Override
        public Void invoke(File f, VirtualChannel channel) {
            listener.getLogger().println("from the agent");
            return null;
        }
    }
}
