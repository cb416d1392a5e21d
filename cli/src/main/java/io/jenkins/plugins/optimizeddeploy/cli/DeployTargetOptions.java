package io.jenkins.plugins.optimizeddeploy.cli;

import io.jenkins.plugins.optimizeddeploy.engine.deploy.Action;
import io.jenkins.plugins.optimizeddeploy.engine.deploy.DeployHistory;
import io.jenkins.plugins.optimizeddeploy.engine.deploy.DeployTarget;
import io.jenkins.plugins.optimizeddeploy.engine.deploy.DockerCli;
import io.jenkins.plugins.optimizeddeploy.engine.deploy.DockerHostTarget;
import io.jenkins.plugins.optimizeddeploy.engine.deploy.HttpHealthCheck;
import io.jenkins.plugins.optimizeddeploy.engine.deploy.KubernetesTarget;
import io.jenkins.plugins.optimizeddeploy.engine.deploy.Release;
import io.jenkins.plugins.optimizeddeploy.engine.deploy.ReleaseResult;
import io.jenkins.plugins.optimizeddeploy.engine.deploy.ServiceDeploy;
import io.jenkins.plugins.optimizeddeploy.engine.deploy.SwarmTarget;
import io.jenkins.plugins.optimizeddeploy.engine.exec.ProcessCommandRunner;
import io.jenkins.plugins.optimizeddeploy.engine.image.ImageReference;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Where {@code deploy} and {@code rollback} go, how long they wait, where they keep their history and how they report. */
final class DeployTargetOptions {
    /** Lower case: the values users type. */
    enum TargetKind { swarm, docker, kubernetes }

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(names = "--target", required = true, paramLabel = "KIND",
            description = "swarm (docker service update), docker (replace the container on one engine) or kubernetes"
                    + " (a Deployment's or StatefulSet's image).")
    TargetKind target;

    @Option(names = "--kubeconfig", paramLabel = "FILE",
            description = "kubernetes: the kubeconfig; default: $KUBECONFIG, else ~/.kube/config, else the service"
                    + " account of the pod this runs in.")
    Path kubeconfig;

    @Option(names = "--context", paramLabel = "NAME", description = "kubernetes: the kubeconfig context; default: its current one.")
    String context;

    @Option(names = "--namespace", paramLabel = "NAME",
            description = "kubernetes: the workloads' namespace; default: the context's, else default.")
    String namespace;

    @Option(names = "--kind", paramLabel = "KIND", defaultValue = "deployment",
            description = "kubernetes: what a service is, deployment or statefulset (default: ${DEFAULT-VALUE}).")
    KubernetesTarget.Kind kind;

    @Option(names = "--container", paramLabel = "NAME",
            description = "kubernetes: the container whose image is set; default: the pod's only one.")
    String container;

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
        if (target == TargetKind.kubernetes) {
            try {
                return KubernetesTarget.connect(kubeconfig, context, namespace, kind, container);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(command.commandLine(), e.getMessage(), e);
            }
        }
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
     * Runs the release, stopped by a signal that ends the process (then it puts back what it moved), prints the result
     * and returns the exit code.
     */
    int run(Action action, DeployTarget deployTarget, List<ServiceDeploy> services, CommandSpec spec)
            throws InterruptedException {
        return run(action, deployTarget, services, spec, result -> { });
    }

    /** As {@link #run(Action, DeployTarget, List, CommandSpec)}, handing the result to {@code done} before printing it. */
    int run(Action action, DeployTarget deployTarget, List<ServiceDeploy> services, CommandSpec spec,
            Consumer<ReleaseResult> done) throws InterruptedException {
        try (StopReleaseOnSignal stopOnSignal = new StopReleaseOnSignal(spec.commandLine().getErr())) {
            ReleaseResult result = new Release(deployTarget, history(), lockTimeout).run(action, services, timeout, by());
            done.accept(result);
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
