package io.jenkins.plugins.optimizeddeploy.steps;

import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.TimeoutException;

/**
 * Runs a process where the build's {@code sh} would run it: through the step context's Launcher, with its decorators
 * ({@code container()}, {@code withDockerServer}...) and the build's full environment. The Launcher lives on the
 * controller, so the agent reaches it through a remoting proxy; every type crossing is a JDK or a plugin type.
 */
public interface LaunchedProcesses {

    /**
     * Runs {@code request} to its end, its standard output and error written to the two streams.
     *
     * @return the exit code
     * @throws IOException      when it cannot be started
     * @throws TimeoutException when it ran past its timeout and was killed
     */
    int run(ProcessRequest request, OutputStream stdout, OutputStream stderr)
            throws IOException, InterruptedException, TimeoutException;
}
