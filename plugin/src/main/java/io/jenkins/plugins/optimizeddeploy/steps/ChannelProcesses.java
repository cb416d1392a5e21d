package io.jenkins.plugins.optimizeddeploy.steps;

import hudson.FilePath;
import hudson.Launcher;
import hudson.model.TaskListener;
import hudson.remoting.Channel;
import hudson.remoting.RemoteOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * The step's {@link LauncherProcesses} as an agent callable carries it: a proxy, exported on the workspace's channel,
 * through which the agent asks the controller's Launcher for each process. The agent's output streams go along as
 * remote streams, and the process's output has arrived before a call returns.
 */
public final class ChannelProcesses implements LaunchedProcesses, Serializable {

    private static final long serialVersionUID = 1L;

    private final LaunchedProcesses controller;

    private ChannelProcesses(LaunchedProcesses controller) {
        this.controller = controller;
    }

    /** The launcher's processes, for a callable run on {@code workspace}. */
    public static ChannelProcesses export(FilePath workspace, Launcher launcher, Map<String, String> buildEnvironment,
            TaskListener listener) {
        return new ChannelProcesses(workspace.getChannel().export(LaunchedProcesses.class,
                new LauncherProcesses(launcher, buildEnvironment, listener)));
    }

    @Override
    public int run(ProcessRequest request, OutputStream stdout, OutputStream stderr)
            throws IOException, InterruptedException, TimeoutException {
        int exitCode = controller.run(request, new RemoteOutputStream(stdout), new RemoteOutputStream(stderr));
        Channel channel = Channel.current();
        if (channel != null) {
            channel.syncIO();
        }
        return exitCode;
    }
}
