package io.jenkins.plugins.optimizeddeploy.engine.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.optimizeddeploy.engine.image.ImageReference;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Docker Swarm services through the docker CLI. A deploy is {@code docker service update --image IMG@DIGEST} with
 * Swarm's own rollback on failure, start-first order and an explicit monitor period (the documented and the coded
 * defaults differ), or {@code docker service create} when the service does not exist yet. The command returns at
 * once ({@code --detach}); the outcome is read from the service's {@code UpdateStatus} and tasks, because
 * {@code docker service update} exits 0 even after Swarm rolled the update back, until our own deadline: Swarm waits
 * for a task's health without one.
 */
public final class SwarmTarget implements DeployTarget {

    private final DockerCli docker;
    private final Duration monitor;

    /** @param monitor how long Swarm watches a new task after it runs (healthy) before it counts the update done */
    public SwarmTarget(DockerCli docker, Duration monitor) {
        this.docker = docker;
        this.monitor = monitor;
    }

    @Override
    public String identity() {
        return "swarm " + docker.endpoint();
    }

    @Override
    public Optional<ImageReference> running(String service) {
        return inspect(service).map(SwarmService::image);
    }

    @Override
    public Rollout deploy(String service, ImageReference image, Instant deadline) {
        Optional<SwarmService> now = inspect(service);
        if (now.isEmpty()) {
            docker.require(arguments(List.of("service", "create", "--name", service), image.toString()));
        } else if (!now.get().image().equals(image)) {
            docker.require(arguments(List.of("service", "update", "--image", image.toString()), service));
        }
        return await(service, image, deadline);
    }

    @Override
    public void remove(String service) {
        if (inspect(service).isPresent()) {
            docker.require("service", "rm", service);
        }
    }

    private List<String> arguments(List<String> command, String last) {
        List<String> arguments = new ArrayList<>(command);
        String monitorMillis = monitor.toMillis() + "ms";
        arguments.addAll(List.of("--detach", "--with-registry-auth",
                "--update-failure-action", "rollback", "--update-order", "start-first", "--update-monitor", monitorMillis,
                "--rollback-order", "start-first", "--rollback-monitor", monitorMillis, last));
        return arguments;
    }

    private Rollout await(String service, ImageReference image, Instant deadline) {
        SwarmService state = null;
        while (Instant.now().isBefore(deadline)) {
            state = inspect(service).orElseThrow(() -> new DeployException("service " + service
                    + " was removed on " + docker.endpoint() + " while it was being deployed"));
            if (!state.image().equals(image)) {
                return Rollout.failed((state.rolledBack() ? "Swarm rolled the update back (" + state.updateMessage() + ")"
                        : "the service was given " + state.image() + " meanwhile") + lastTaskError(service));
            }
            if (state.paused()) {
                return Rollout.failed("Swarm stopped the update: " + state.updateMessage() + lastTaskError(service));
            }
            if (!state.moving() && tasksRun(service, image)) {
                return Rollout.healthyNow();
            }
            Health.pause();
        }
        return Rollout.failed("not healthy before the deadline (update "
                + (state == null ? "not started" : state.updateState().orElse("not started")) + ")"
                + lastTaskError(service));
    }

    private Optional<SwarmService> inspect(String service) {
        return docker.inspect("service", "inspect", service).map(SwarmService::parse);
    }

    /** Every task meant to run runs {@code image} (with a HEALTHCHECK, Swarm calls a task running once healthy). */
    private boolean tasksRun(String service, ImageReference image) {
        List<JsonNode> running = tasks(service).stream()
                .filter(task -> task.path("DesiredState").asText().equals("Running")).toList();
        return !running.isEmpty() && running.stream().allMatch(task -> task.path("CurrentState").asText()
                .startsWith("Running") && ImageReference.parse(task.path("Image").asText()).equals(image));
    }

    private String lastTaskError(String service) {
        return tasks(service).stream().filter(task -> !task.path("Error").asText().isEmpty()).findFirst()
                .map(task -> "; task " + task.path("Name").asText() + " " + task.path("CurrentState").asText() + ": "
                        + task.path("Error").asText())
                .orElse("");
    }

    private List<JsonNode> tasks(String service) {
        return docker.require("service", "ps", service, "--no-trunc", "--format", "{{json .}}").stdout().stream()
                .filter(line -> !line.isBlank()).map(line -> DockerCli.json("docker service ps " + service, line))
                .toList();
    }
}
