package io.jenkins.plugins.optimizeddeploy.cli.deploy;

import io.jenkins.plugins.optimizeddeploy.cli.common.ExitCode;
import io.jenkins.plugins.optimizeddeploy.cli.common.DockerHostOption;
import io.jenkins.plugins.optimizeddeploy.cli.common.JsonOption;
import io.jenkins.plugins.optimizeddeploy.cli.common.RecordOption;
import io.jenkins.plugins.optimizeddeploy.cli.common.TopCommand;
import io.jenkins.plugins.optimizeddeploy.engine.deploy.Action;
import io.jenkins.plugins.optimizeddeploy.engine.deploy.CapRoverLogin;
import io.jenkins.plugins.optimizeddeploy.engine.deploy.CapRoverTarget;
import io.jenkins.plugins.optimizeddeploy.engine.deploy.DeployHistory;
import io.jenkins.plugins.optimizeddeploy.engine.deploy.DeployTarget;
import io.jenkins.plugins.optimizeddeploy.engine.deploy.DockerCli;
import io.jenkins.plugins.optimizeddeploy.engine.deploy.DockerHostTarget;
import io.jenkins.plugins.optimizeddeploy.engine.deploy.HttpHealthCheck;
import io.jenkins.plugins.optimizeddeploy.engine.deploy.KubernetesTarget;
import io.jenkins.plugins.optimizeddeploy.engine.deploy.Release;
import io.jenkins.plugins.optimizeddeploy.engine.deploy.ReleaseResult;
import io.jenkins.plugins.optimizeddeploy.engine.deploy.ReleaseResultFields;
import io.jenkins.plugins.optimizeddeploy.engine.deploy.ServiceDeploy;
import io.jenkins.plugins.optimizeddeploy.engine.deploy.SwarmTarget;
import io.jenkins.plugins.optimizeddeploy.engine.deploy.WebhookTarget;
import io.jenkins.plugins.optimizeddeploy.engine.errors.BadInputException;
import io.jenkins.plugins.optimizeddeploy.engine.exec.ProcessCommandRunner;
import io.jenkins.plugins.optimizeddeploy.engine.files.InputFile;
import io.jenkins.plugins.optimizeddeploy.engine.files.InputKind;
import io.jenkins.plugins.optimizeddeploy.engine.image.ImageReference;
import io.jenkins.plugins.optimizeddeploy.engine.metrics.MetricsParts;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Where {@code deploy} and {@code rollback} go, how long they wait, where they keep their history and how they report. */
final class DeployTargetOptions {
    /** Lower case: the values users type. */
    enum TargetKind { swarm, docker, kubernetes, caprover, webhook }

    /** How long an HTTP target waits before asking a busy server again; CapRover's own CLI polls every 2 s. */
    private static final Duration HTTP_RETRY_PAUSE = Duration.ofSeconds(2);

    @Option(names = "--target", required = true, paramLabel = "KIND",
            description = "swarm (docker service update), docker (replace the container on one engine), kubernetes"
                    + " (a Deployment's or StatefulSet's image), caprover (CapRover's API) or webhook (a signed deploy"
                    + " hook); caprover and webhook need --health-url.")
    TargetKind target;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(names = "--caprover-url", paramLabel = "URL",
            description = "caprover: the captain's root, e.g. https://captain.apps.example.com.")
    URI caproverUrl;

    @Option(names = "--caprover-app", paramLabel = "SERVICE=APP",
            description = "caprover: the app a service deploys to when the names differ (default: the service's name);"
                    + " repeat per service.")
    Map<String, String> caproverApps = new LinkedHashMap<>();

    @Option(names = "--caprover-password-stdin", description = "caprover: read the captain password from standard input.")
    boolean caproverPasswordFromStdin;

    @Option(names = "--caprover-password-file", paramLabel = "FILE",
            description = "caprover: read the captain password from FILE.")
    Path caproverPasswordFile;

    @Option(names = "--caprover-app-token-stdin",
            description = "caprover: read an app token (deploys only; the build is not followed) from standard input.")
    boolean caproverAppTokenFromStdin;

    @Option(names = "--caprover-app-token-file", paramLabel = "FILE", description = "caprover: read an app token from FILE.")
    Path caproverAppTokenFile;

    @Option(names = "--webhook-url", paramLabel = "URL", description = "webhook: where the signed deploy is POSTed.")
    URI webhookUrl;

    @Option(names = "--webhook-secret-stdin", description = "webhook: read the HMAC secret from standard input.")
    boolean webhookSecretFromStdin;

    @Option(names = "--webhook-secret-file", paramLabel = "FILE", description = "webhook: read the HMAC secret from FILE.")
    Path webhookSecretFile;

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

    @Mixin
    DockerHostOption dockerHost;

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

    @Mixin
    JsonOption json;

    DeployTarget newTarget() {
        requireOnlyOptionsOf(target);
        try {
            if (target == TargetKind.kubernetes) {
                return KubernetesTarget.connect(kubeconfig, context, namespace, kind, container);
            }
            if (target == TargetKind.caprover) {
                return new CapRoverTarget(required("--caprover-url", caproverUrl), caproverLogin(), caproverApps,
                        history(), HTTP_RETRY_PAUSE);
            }
            if (target == TargetKind.webhook) {
                return new WebhookTarget(required("--webhook-url", webhookUrl), secret("--webhook-secret",
                        webhookSecretFromStdin, webhookSecretFile).orElseThrow(() -> bad("--target webhook needs"
                                + " --webhook-secret-stdin or --webhook-secret-file")), history(), HTTP_RETRY_PAUSE);
            }
        } catch (BadInputException e) {
            // a kubeconfig, URL, app name or secret the target refuses; the message never quotes a secret
            throw bad(e.getMessage());
        }
        DockerCli docker = new DockerCli(new ProcessCommandRunner(), dockerBinary, dockerHost.environment());
        return target == TargetKind.swarm ? new SwarmTarget(docker, monitor) : new DockerHostTarget(docker, monitor);
    }

    /** Whether a secret of the target is read from standard input, which only one option may read. */
    boolean readsStdin() {
        return caproverPasswordFromStdin || caproverAppTokenFromStdin || webhookSecretFromStdin;
    }

    private CapRoverLogin caproverLogin() {
        Optional<String> password = secret("--caprover-password", caproverPasswordFromStdin, caproverPasswordFile);
        Optional<String> token = secret("--caprover-app-token", caproverAppTokenFromStdin, caproverAppTokenFile);
        if (password.isPresent() == token.isPresent()) {
            throw bad("--target caprover needs one of --caprover-password-stdin, --caprover-password-file,"
                    + " --caprover-app-token-stdin or --caprover-app-token-file");
        }
        return password.map(CapRoverLogin::password).orElseGet(() -> CapRoverLogin.appToken(token.get()));
    }

    /** The secret of {@code option}-stdin or {@code option}-file (never an argument), empty when neither is given. */
    private Optional<String> secret(String option, boolean fromStdin, Path file) {
        if (fromStdin && file != null) {
            throw bad(option + "-stdin and " + option + "-file: give one");
        }
        if (!fromStdin && file == null) {
            return Optional.empty();
        }
        String secret = (fromStdin ? InputFile.readText(((TopCommand) command.root().userObject()).stdin(),
                option + "-stdin: standard input", InputKind.PASSWORD)
                : InputFile.named(option + "-file '" + file + "'", file, InputKind.PASSWORD).readText()).strip();
        if (secret.isEmpty()) {
            throw bad(option + (fromStdin ? "-stdin: standard input" : "-file '" + file + "'") + " held no secret");
        }
        return Optional.of(secret);
    }

    /** Options of another target than {@code kind} are a mistake, not something to ignore. */
    private void requireOnlyOptionsOf(TargetKind kind) {
        Map<TargetKind, Boolean> given = Map.of(
                TargetKind.caprover, caproverUrl != null || !caproverApps.isEmpty() || caproverPasswordFromStdin
                        || caproverPasswordFile != null || caproverAppTokenFromStdin || caproverAppTokenFile != null,
                TargetKind.webhook, webhookUrl != null || webhookSecretFromStdin || webhookSecretFile != null);
        given.forEach((owner, present) -> {
            if (present && owner != kind) {
                throw bad("--" + owner + "-... options are for --target " + owner + ", not " + kind);
            }
        });
    }

    private <T> T required(String option, T value) {
        if (value == null) {
            throw bad("--target " + target + " needs " + option);
        }
        return value;
    }

    private ParameterException bad(String message) {
        return new ParameterException(command.commandLine(), message);
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
        requireHealthGate(deployTarget, services, spec);
        try (StopReleaseOnSignal stopOnSignal = new StopReleaseOnSignal(spec.commandLine().getErr())) {
            ReleaseResult result = new Release(deployTarget, history(), lockTimeout).run(action, services, timeout, by());
            record.add(millis -> MetricsParts.release(action, result, millis));
            return report(result, spec);
        }
    }

    /**
     * CapRover and a hook say nothing of health: every service needs its --health-url, and a CapRover app name
     * CapRover would refuse is bad input.
     */
    private void requireHealthGate(DeployTarget deployTarget, List<ServiceDeploy> services, CommandSpec spec) {
        for (ServiceDeploy service : services) {
            if ((target == TargetKind.caprover || target == TargetKind.webhook) && service.healthCheck().isEmpty()) {
                throw new ParameterException(spec.commandLine(), "--target " + target + " checks no health itself:"
                        + " give --health-url for " + service.service());
            }
            if (deployTarget instanceof CapRoverTarget caprover) {
                try {
                    caprover.app(service.service());
                } catch (BadInputException e) {
                    throw new ParameterException(spec.commandLine(), "--service " + service.service() + ": "
                            + e.getMessage() + " (map it with --caprover-app " + service.service() + "=APP)", e);
                }
            }
        }
    }

    /** One service of the release; a name docker would refuse is bad input. */
    static ServiceDeploy service(CommandSpec spec, String name, ImageReference image, Map<String, HttpHealthCheck> checks) {
        try {
            return new ServiceDeploy(name, image, Optional.ofNullable(checks.get(name)));
        } catch (BadInputException e) {
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
        json.print(out, () -> ReleaseResultFields.of(result),
                () -> String.join(System.lineSeparator(), summary) + System.lineSeparator());
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
