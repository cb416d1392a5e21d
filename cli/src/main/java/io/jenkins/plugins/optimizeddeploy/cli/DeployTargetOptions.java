package io.jenkins.plugins.optimizeddeploy.cli;

import io.jenkins.plugins.optimizeddeploy.engine.deploy.Action;
import io.jenkins.plugins.optimizeddeploy.engine.deploy.DeployHistory;
import io.jenkins.plugins.optimizeddeploy.engine.deploy.DeployTarget;
import io.jenkins.plugins.optimizeddeploy.engine.deploy.DockerCli;
import io.jenkins.plugins.optimizeddeploy.engine.deploy.DockerHostTarget;
import io.jenkins.plugins.optimizeddeploy.engine.deploy.HttpHealthCheck;
import io.jenkins.plugins.optimizeddeploy.engine.deploy.Release;
import io.jenkins.plugins.optimizeddeploy.engine.deploy.ReleaseResult;
import io.jenkins.plugins.optimizeddeploy.engine.deploy.ServiceDeploy;
import io.jenkins.plugins.optimizeddeploy.engine.deploy.SwarmTarget;
import io.jenkins.plugins.optimizeddeploy.engine.exec.ProcessCommandRunner;
import io.jenkins.plugins.optimizeddeploy.engine.metrics.MetricsParts;
import io.jenkins.plugins.optimizeddeploy.engine.image.ImageReference;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** Where {@code deploy} and {@code rollback} go, how long they wait, where they keep their history and how they report. */
final class DeployTargetOptions {
    /** Lower case: the values users type. */
    enum TargetKind { swarm, docker }

    @Option(names = "--target", required = true, paramLabel = "KIND",
            description = "swarm (docker service update) or docker (replace the container on one engine).")
    TargetKind target;

    @Option(names = "--docker-host", paramLabel = "URL",
            description = "The docker engine (unix://, tcp:// or ssh://); default: $DOCKER_HOST, else the local socket.")
    String dockerHost;

    @Option(names = "--docker", paramLabel = "PATH", defaultValue = "/usr/bin/docker",
            description = "The docker client to run (default: ${DEFAULT-VALUE}).")
    Path dockerBinary;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "120s", converter = DurationConverter.class,
            description = "How long each service may take to be healthy, and again to be put back (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--monitor", paramLabel = "DURATION", defaultValue = "5s", converter = DurationConverter.class,
            description = "swarm: --update-monitor, how long Swarm watches a new task; docker: how long a container"
                    + " without HEALTHCHECK must keep running (default: ${DEFAULT-VALUE}).")
    Duration monitor;

    @Option(names = "--lock-timeout", paramLabel = "DURATION", defaultValue = "10m", converter = DurationConverter.class,
            description = "How long to wait for another deploy to the same target to end (default: ${DEFAULT-VALUE}).")
    Duration lockTimeout;

    @Option(names = "--history", paramLabel = "FILE",
            description = "The deploy history (JSON lines; target locks go beside it); default:"
                    + " $XDG_STATE_HOME/optimized-deploy/deploys.jsonl, else ~/.local/state/optimized-deploy/deploys.jsonl.")
    Path history;

    @Option(names = "--json", description = "Print the result as JSON instead of text.")
    boolean json;

    DeployTarget newTarget() {
        String host = dockerHost != null ? dockerHost : System.getenv("DOCKER_HOST");
        DockerCli docker = new DockerCli(new ProcessCommandRunner(), dockerBinary,
                host == null ? Map.of() : Map.of("DOCKER_HOST", host));
        return target == TargetKind.swarm ? new SwarmTarget(docker, monitor) : new DockerHostTarget(docker, monitor);
    }

    DeployHistory history() {
        if (history != null) {
            return new DeployHistory(history);
        }
        Path state = Optional.ofNullable(System.getenv("XDG_STATE_HOME")).map(Path::of)
                .orElseGet(() -> Path.of(System.getProperty("user.home"), ".local", "state"));
        return new DeployHistory(state.resolve("optimized-deploy").resolve("deploys.jsonl"));
    }

    /**
     * Runs the release, stopped by a signal that ends the process (then it puts back what it moved), adds it to the
     * metrics record when {@code --record} was given, prints the result and returns the exit code.
     */
    int run(Action action, DeployTarget deployTarget, List<ServiceDeploy> services, CommandSpec spec,
            RecordOption record) throws InterruptedException {
        try (StopReleaseOnSignal stopOnSignal = new StopReleaseOnSignal(spec.commandLine().getErr())) {
            ReleaseResult result = new Release(deployTarget, history(), lockTimeout).run(action, services, timeout, by());
            record.add(millis -> MetricsParts.release(action, result, millis));
            return report(result, spec);
        }
    }

    /** One service of the release; a name docker would refuse is bad input. */
    static ServiceDeploy service(CommandSpec spec, String name, ImageReference image, Map<String, HttpHealthCheck> checks) {
        try {
            return new ServiceDeploy(name, image, Optional.ofNullable(checks.get(name)));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    /** Who deploys, for the history and for a deploy waiting on the lock: the CI build, else the user. */
    private static String by() {
        String build = System.getenv("BUILD_TAG");
        return build != null ? build : System.getProperty("user.name");
    }

    /** Prints the result and returns the exit code: 0 all healthy, 1 rolled back after a failed gate, 3 broken. */
    private int report(ReleaseResult result, CommandSpec spec) {
        PrintWriter out = spec.commandLine().getOut();
        List<String> summary = result.summary();
        out.print(json ? JsonOutput.write(result) : String.join(System.lineSeparator(), summary) + System.lineSeparator());
        out.flush();
        if (result.healthy()) {
            return ExitCode.OK;
        }
        PrintWriter err = spec.commandLine().getErr();
        result.services().stream().filter(service -> service.reason() != null)
                .forEach(service -> err.println("optimized-deploy: " + service.service() + " " + service.outcome()
                        + ": " + service.reason()));
        err.flush();
        return result.broken() ? ExitCode.FAILURE : ExitCode.GATE_FAILED;
    }
}
