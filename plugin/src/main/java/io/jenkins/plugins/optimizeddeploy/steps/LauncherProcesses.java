package io.jenkins.plugins.optimizeddeploy.steps;

import hudson.Launcher;
import hudson.Proc;
import hudson.model.TaskListener;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@link LaunchedProcesses} on the controller: each process through the step context's Launcher, which starts it on
 * the agent (or, decorated by {@code container()}, in a container of the agent's pod), with the step's full
 * environment under the command's own variables. The command line is not echoed: the engine logs what it runs.
 */
final class LauncherProcesses implements LaunchedProcesses {

    private final Launcher launcher;
    private final HashMap<String, String> buildEnvironment;
    private final TaskListener listener;

    LauncherProcesses(Launcher launcher, Map<String, String> buildEnvironment, TaskListener listener) {
        this.launcher = launcher;
        this.buildEnvironment = new HashMap<>(buildEnvironment);
        this.listener = listener;
    }

    @Override
    public int run(ProcessRequest request, OutputStream stdout, OutputStream stderr)
            throws IOException, InterruptedException, TimeoutException {
        Launcher.ProcStarter starter = launcher.launch().cmds(request.arguments())
                .envs(request.environmentOver(buildEnvironment)).stdout(stdout).stderr(stderr).quiet(true);
        if (request.workingDirectory() != null) {
            starter.pwd(request.workingDirectory());
        }
        if (request.stdin() != null) {
            starter.stdin(new ByteArrayInputStream(request.stdin().getBytes(StandardCharsets.UTF_8)));
        }
        long started = System.nanoTime();
        Proc process = starter.start();
        int exitCode;
        try {
            exitCode = process.joinWithTimeout(request.timeoutMillis(), TimeUnit.MILLISECONDS, listener);
        } catch (InterruptedException e) {
            process.kill();
            throw e;
        }
        if (System.nanoTime() - started >= TimeUnit.MILLISECONDS.toNanos(request.timeoutMillis())) {
            throw new TimeoutException("ran past " + Duration.ofMillis(request.timeoutMillis()) + " and was killed");
        }
        return exitCode;
    }
}
