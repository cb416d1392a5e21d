package io.jenkins.plugins.optimizeddeploy.steps;

import hudson.AbortException;
import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.optimizeddeploy.engine.deploy.Action;
import io.jenkins.plugins.optimizeddeploy.engine.deploy.CapRoverLogin;
import io.jenkins.plugins.optimizeddeploy.engine.deploy.CapRoverTarget;
import io.jenkins.plugins.optimizeddeploy.engine.deploy.DeployException;
import io.jenkins.plugins.optimizeddeploy.engine.deploy.DeployHistory;
import io.jenkins.plugins.optimizeddeploy.engine.deploy.DeployTarget;
import io.jenkins.plugins.optimizeddeploy.engine.deploy.DigestResolver;
import io.jenkins.plugins.optimizeddeploy.engine.deploy.DockerCli;
import io.jenkins.plugins.optimizeddeploy.engine.deploy.DockerHostTarget;
import io.jenkins.plugins.optimizeddeploy.engine.deploy.KubernetesTarget;
import io.jenkins.plugins.optimizeddeploy.engine.deploy.Release;
import io.jenkins.plugins.optimizeddeploy.engine.deploy.ReleaseResult;
import io.jenkins.plugins.optimizeddeploy.engine.deploy.ServiceDeploy;
import io.jenkins.plugins.optimizeddeploy.engine.deploy.SwarmTarget;
import io.jenkins.plugins.optimizeddeploy.engine.deploy.WebhookTarget;
import io.jenkins.plugins.optimizeddeploy.engine.errors.BadInputException;
import io.jenkins.plugins.optimizeddeploy.engine.errors.EngineException;
import io.jenkins.plugins.optimizeddeploy.engine.image.ImageReference;
import io.jenkins.plugins.optimizeddeploy.engine.registry.RegistryClient;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import jenkins.MasterToSlaveFileCallable;

/**
 * The engine's release, run on the agent: the docker CLI of the swarm or docker target starts through the step's
 * Launcher ({@link LaunchedProcesses}) where {@code sh} would, with the build's environment and a temporary docker
 * config holding the step's login for the images' registries; tags are resolved to digests from the agent; the
 * history and the target locks are files of the agent. The kubernetes target's client connects from the agent too,
 * with the kubeconfig there. What comes back is a {@link StepOutcome}.
 */
final class ReleaseOnAgent extends MasterToSlaveFileCallable<StepOutcome<Map<String, Object>>> {

    private static final long serialVersionUID = 1L;
    /** swarm: {@code --update-monitor}; docker: how long a container without HEALTHCHECK must keep running. */
    private static final Duration MONITOR = Duration.ofSeconds(5);
    /** How long a release waits for another one on the same target to end. */
    private static final Duration LOCK_TIMEOUT = Duration.ofMinutes(10);
    /** caprover and webhook: how long to wait before asking a busy server again (CapRover's own CLI polls every 2 s). */
    private static final Duration HTTP_RETRY_PAUSE = Duration.ofSeconds(2);

    private final ReleasePlan plan;
    private final BuilderAccess access;
    private final BuilderAccess platformAccess;
    private final LaunchedProcesses processes;
    private final TaskListener listener;
    private final TargetSecret secret;

    /**
     * @param access         the docker CLI's and the registry's access with the step's login
     * @param platformAccess the same without the login, to read the platform and the history before the images'
     *                       registries (where the login goes) are known
     * @param secret         caprover and webhook: the password, app token or HMAC secret; else null
     */
    ReleaseOnAgent(ReleasePlan plan, BuilderAccess access, BuilderAccess platformAccess, LaunchedProcesses processes,
            TaskListener listener, TargetSecret secret) {
        this.plan = Objects.requireNonNull(plan, "the release plan is required");
        this.access = Objects.requireNonNull(access, "the registry access is required for " + plan.functionName());
        this.platformAccess = Objects.requireNonNull(platformAccess, "the platform access is required");
        this.processes = Objects.requireNonNull(processes, "the step's processes are required");
        this.listener = Objects.requireNonNull(listener, "a build log is required");
        this.secret = secret;
    }

    @Override
    public StepOutcome<Map<String, Object>> invoke(File workspace, VirtualChannel channel)
            throws IOException, InterruptedException {
        ReleaseResult result;
        long started = System.nanoTime();
        try {
            result = release(workspace.toPath());
        } catch (EngineException | UncheckedIOException e) {
            throw new AbortException(UserError.line(plan.functionName(), e));
        } catch (RuntimeException e) {
            throw new AgentFailure(plan.functionName() + " on the agent", e);
        }
        return ReleaseResultMap.outcome(plan.functionName(), plan.action(), result,
                (System.nanoTime() - started) / 1_000_000);
    }

    /** @param workspace what a relative history file or kubeconfig is resolved against */
    ReleaseResult release(Path workspace) throws InterruptedException {
        DeployHistory history = history(workspace);
        if (!plan.target().equals("kubernetes")) {
            return release(history, session -> target(session, history));
        }
        try (KubernetesTarget kubernetes = plan.kubernetes().connect(workspace)) {
            return release(history, session -> kubernetes);
        }
    }

    /** @param targets the target, reached with a session's access */
    private ReleaseResult release(DeployHistory history, Function<BuilderAccess.Session, DeployTarget> targets)
            throws InterruptedException {
        Map<String, ImageReference> images = new LinkedHashMap<>();
        try (BuilderAccess.Session platform = platformAccess.open(List.of())) {
            DeployTarget target = targets.apply(platform);
            plan.destinations().forEach((service, destination) ->
                    images.put(service, destination(target, history, service, destination)));
        }
        List<String> repositories = images.values().stream().map(ImageReference::name).distinct().toList();
        try (BuilderAccess.Session session = access.open(repositories);
                RegistryClient registry = session.registry()) {
            DigestResolver resolver = new DigestResolver(registry);
            List<ServiceDeploy> deploys = new ArrayList<>();
            images.forEach((service, image) -> deploys.add(new ServiceDeploy(service, resolver.resolve(image),
                    Optional.ofNullable(plan.health().get(service))
                            .map(check -> HealthCheckArgument.check(service, check)))));
            DeployTarget target = targets.apply(session);
            log(plan.action().name().toLowerCase() + " of " + deploys.size() + " service(s) to "
                    + target.identity() + ", history " + history.file());
            return new Release(target, history, LOCK_TIMEOUT).run(plan.action(), deploys,
                    Duration.ofSeconds(plan.timeoutSeconds()), plan.by());
        }
    }

    /** Where a service goes: the image given, or for a rollback the previous one from the history or a digest. */
    private ImageReference destination(DeployTarget target, DeployHistory history, String service, String destination) {
        if (plan.action() == Action.DEPLOY) {
            return ImageReference.parse(destination);
        }
        if (destination.equals(RollbackDeployStep.PREVIOUS)) {
            return history.previousImage(target.identity(), service);
        }
        if (destination.startsWith("sha256:")) {
            ImageReference running = target.running(service).orElseThrow(() -> new DeployException(service
                    + " runs nothing on " + target.identity() + " to take the repository of " + destination
                    + " from; give IMAGE@" + destination));
            return ImageReference.parse(running.name() + "@" + destination);
        }
        return ImageReference.parse(destination);
    }

    private DeployTarget target(BuilderAccess.Session session, DeployHistory history) {
        if (plan.endpoint() != null) {
            URI url;
            try {
                url = new URI(plan.endpoint().url());
            } catch (URISyntaxException e) {
                throw new BadInputException("'" + plan.target() + "Url' is not a URL: " + e.getReason(), e);
            }
            if (plan.target().equals(DeployStep.WEBHOOK)) {
                return new WebhookTarget(url, secret.value(), history, HTTP_RETRY_PAUSE);
            }
            CapRoverLogin login = plan.endpoint().appToken() ? CapRoverLogin.appToken(secret.value())
                    : CapRoverLogin.password(secret.value());
            return new CapRoverTarget(url, login, Map.of(), history, HTTP_RETRY_PAUSE);
        }
        Map<String, String> environment = new HashMap<>(session.environment());
        if (plan.dockerHost() != null) {
            environment.put("DOCKER_HOST", plan.dockerHost());
        }
        DockerCli docker = new DockerCli(new LaunchedCommandRunner(processes), session.docker().binary(), environment);
        return plan.target().equals("swarm") ? new SwarmTarget(docker, MONITOR) : new DockerHostTarget(docker, MONITOR);
    }

    /**
     * The plan's file (relative: to the workspace), else the agent user's state folder, which the command line uses
     * too: {@code $XDG_STATE_HOME}, else {@code ~/.local/state}. Not the workspace's: a rollback from another job, or
     * after the workspace was wiped, must still find what ran before.
     */
    private DeployHistory history(Path workspace) {
        if (plan.history() != null) {
            return new DeployHistory(workspace.resolve(plan.history()));
        }
        String stateHome = System.getenv("XDG_STATE_HOME");
        Path state = stateHome != null && !stateHome.isBlank() ? Path.of(stateHome)
                : Path.of(System.getProperty("user.home"), ".local", "state");
        return new DeployHistory(state.resolve("optimized-deploy").resolve("deploys.jsonl"));
    }

    private void log(String line) {
        listener.getLogger().println(plan.functionName() + ": " + line);
    }
}
