package io.jenkins.plugins.optimizeddeploy.engine.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.optimizeddeploy.engine.exec.CommandResult;
import io.jenkins.plugins.optimizeddeploy.engine.image.ImageReference;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Containers on one docker engine, no orchestrator: a service is the container of that name. A deploy pulls the new
 * image, parks the old container under another name, runs the new one with the old one's settings
 * ({@link ContainerSettings}) and waits for its HEALTHCHECK (or, without one, for it to keep running a while); then
 * it removes the old one. Until then the old one keeps serving, except on the host network, where the two would
 * fight over the ports: there the old one is stopped first (and started again on failure). On failure the new
 * container is removed and the old one takes its name back. A service without a container yet gets one with docker's
 * defaults (restarted unless stopped), removed again when it is not healthy.
 */
public final class DockerHostTarget implements DeployTarget {
    private static final String PARKED = ".previous";
    /** How often restoring a parked container removes what holds its name before it gives up. */
    private static final int RESTORE_ATTEMPTS = 5;
    private static final Duration COMMAND_MINIMUM = Duration.ofSeconds(5);
    private static final Pattern HEX = Pattern.compile("[a-f0-9]+");

    private final DockerCli docker;
    private final Duration settle;

    /** @param settle how long a container without a HEALTHCHECK must keep running to count as healthy */
    public DockerHostTarget(DockerCli docker, Duration settle) {
        this.docker = docker;
        this.settle = settle;
    }

    @Override
    public String identity() {
        return "docker " + docker.endpoint();
    }

    @Override
    public Optional<ImageReference> running(String service) {
        return container(service).map(container -> imageOf(service, container));
    }

    @Override
    public Rollout deploy(String service, ImageReference image, Instant deadline) {
        restoreParked(service);
        Optional<JsonNode> running = container(service);
        if (running.isPresent() && imageOf(service, running.get()).equals(image)) {
            return awaitHealthy(service, deadline);
        }
        docker.require(remaining(deadline), List.of("pull", "--quiet", image.toString()));
        if (running.isEmpty()) {
            return create(service, image, deadline);
        }
        JsonNode old = running.get();
        ContainerSettings settings = ContainerSettings.of(old,
                docker.inspect("image", "inspect", old.path("Image").asText()).orElseGet(() -> old.path("Config")));
        String parked = service + PARKED;
        docker.require("rename", service, parked);
        Rollout rollout;
        try {
            if (settings.hostNetwork()) {
                docker.require("stop", parked);
            }
            List<String> run = new ArrayList<>(List.of("run", "--detach", "--name", service));
            run.addAll(settings.runArguments());
            run.add(image.toString());
            run.addAll(settings.command());
            CommandResult started = docker.run(remaining(deadline), settings.environment(), run);
            rollout = started.succeeded() ? awaitHealthy(service, deadline)
                    : Rollout.failed("docker run failed: " + started.lastLine());
        } catch (RuntimeException e) {
            if (!Thread.currentThread().isInterrupted()) {
                restoreParked(service);
            }
            // else the thread can run no more commands: the undo that follows a stopped deploy restores it
            throw e;
        }
        if (rollout.healthy()) {
            docker.require("rm", "--force", parked);
        } else {
            restoreParked(service);
        }
        return rollout;
    }

    /**
     * The first deploy of a service: a container of that name with docker's defaults, restarted unless stopped; the
     * deploys after it carry its settings over. When it is not healthy the release's undo removes it.
     */
    private Rollout create(String service, ImageReference image, Instant deadline) {
        CommandResult started = docker.run(remaining(deadline), Map.of(), List.of("run", "--detach", "--name", service,
                "--restart", "unless-stopped", image.toString()));
        return started.succeeded() ? awaitHealthy(service, deadline)
                : Rollout.failed("docker run failed: " + started.lastLine());
    }

    /**
     * Gives a container parked by a deploy that failed or was stopped its name back, started, removing whatever
     * took the name meanwhile; nothing when none is parked.
     */
    private void restoreParked(String service) {
        String parked = service + PARKED;
        if (container(parked).isEmpty()) {
            return;
        }
        for (int attempt = 1; ; attempt++) {
            docker.run(Duration.ofMinutes(1), Map.of(), List.of("rm", "--force", service));
            CommandResult renamed = docker.run(Duration.ofMinutes(1), Map.of(), List.of("rename", parked, service));
            if (renamed.succeeded()) {
                break;
            }
            // a docker run stopped on its way (its client killed) may have had the engine create the service's
            // container after the rm: remove that one too
            if (attempt == RESTORE_ATTEMPTS || container(service).isEmpty()) {
                throw docker.failure(renamed);
            }
        }
        docker.require("start", service);
    }

    @Override
    public void remove(String service) {
        restoreParked(service);
        if (container(service).isPresent()) {
            docker.require("rm", "--force", service);
        }
    }

    /** The time left for a command, at least a few seconds: a command that cannot start says nothing of health. */
    private static Duration remaining(Instant deadline) {
        Duration left = Duration.between(Instant.now(), deadline);
        return left.compareTo(COMMAND_MINIMUM) < 0 ? COMMAND_MINIMUM : left;
    }

    private Optional<JsonNode> container(String name) {
        return docker.inspect("container", "inspect", name);
    }

    /**
     * By digest: the one the container was run with, else the one its image was pulled by from the same repository.
     * A container run by image ID ({@code sha256:…} or a prefix of its hex) names no repository: the image's
     * repository digests name it, the first in alphabetical order when several do (they all name the same image, and
     * two reads must agree); when none does, what runs is unknown.
     *
     * @throws DeployException naming the container when it runs no image a reference names
     */
    private ImageReference imageOf(String service, JsonNode container) {
        String configured = container.path("Config").path("Image").asText();
        String imageId = container.path("Image").asText();
        String whose = "container " + service + " on " + docker.endpoint();
        if (runByImageId(configured, imageId)) {
            return repoDigests(imageId).stream().sorted().findFirst().map(digest -> PlatformImage.parse(digest, whose))
                    .orElseThrow(() -> new DeployException(whose + " names no valid image: it was run by the image ID "
                            + configured + ", which no repository digest names"));
        }
        ImageReference named = PlatformImage.parse(configured, whose);
        if (named.digest().isPresent()) {
            return ImageReference.parse(named.name() + "@" + named.digest().get());
        }
        // docker writes them as it shows names: ubuntu@sha256:… for docker.io/library/ubuntu
        return repoDigests(imageId).stream().map(ImageReference::parse)
                .filter(digest -> digest.name().equals(named.name()))
                .findFirst().orElse(named);
    }

    /**
     * Whether {@code docker run} was given the image's ID, or a hex prefix of it, for a name. A name that is all hex
     * and starts the image's own ID reads as the ID too, which names the same image.
     */
    private static boolean runByImageId(String configured, String imageId) {
        String hex = imageId.substring(imageId.indexOf(':') + 1);
        return configured.equals(imageId) || HEX.matcher(configured).matches() && hex.startsWith(configured);
    }

    private List<String> repoDigests(String imageId) {
        List<String> repoDigests = new ArrayList<>();
        docker.inspect("image", "inspect", imageId)
                .ifPresent(image -> image.path("RepoDigests").forEach(digest -> repoDigests.add(digest.asText())));
        return repoDigests;
    }

    private Rollout awaitHealthy(String service, Instant deadline) {
        Instant runningSince = null;
        String health = "not started";
        int restarts = -1;
        while (Instant.now().isBefore(deadline)) {
            JsonNode container = container(service).orElseThrow(() -> new DeployException("container " + service
                    + " was removed on " + docker.endpoint() + " while it was being deployed"));
            JsonNode state = container.path("State");
            String status = state.path("Status").asText();
            restarts = restarts < 0 ? container.path("RestartCount").asInt() : restarts;
            if (container.path("RestartCount").asInt() > restarts || status.equals("exited") || status.equals("dead")
                    || status.equals("restarting")) {
                return Rollout.failed("the container exited with code " + state.path("ExitCode").asInt()
                        + lastOutput(service));
            }
            JsonNode check = state.path("Health");
            if (check.isObject()) {
                health = check.path("Status").asText();
                if (health.equals("healthy")) {
                    return Rollout.healthyNow();
                }
                if (health.equals("unhealthy")) {
                    return Rollout.failed("its HEALTHCHECK failed" + ContainerHealth.lastProbe(check));
                }
            } else if (status.equals("running")) {
                health = "running, no HEALTHCHECK";
                runningSince = runningSince == null ? Instant.now() : runningSince;
                if (Duration.between(runningSince, Instant.now()).compareTo(settle) >= 0) {
                    return Rollout.healthyNow();
                }
            }
            Health.pause();
        }
        return Rollout.failed("not healthy before the deadline (" + health + ")");
    }

    private String lastOutput(String service) {
        CommandResult logs = docker.run(Duration.ofSeconds(30), Map.of(), List.of("logs", "--tail", "3", service));
        String output = String.join(" | ", logs.stdout().isEmpty() ? logs.stderr() : logs.stdout()).strip();
        return output.isEmpty() ? "" : "; its last output: " + output;
    }
}
