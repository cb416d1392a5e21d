package io.jenkins.plugins.optimizeddeploy.engine.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.optimizeddeploy.engine.image.ImageReference;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

/**
 * Docker Swarm services through the docker CLI. A deploy is {@code docker service update --image IMG@DIGEST} with
 * Swarm's own rollback on failure, start-first order and an explicit monitor period (the documented and the coded
 * defaults differ), or {@code docker service create} when the service does not exist yet. The command returns at
 * once ({@code --detach}); the outcome is read from the service's {@code UpdateStatus} and tasks, because
 * {@code docker service update} exits 0 even after Swarm rolled the update back, until our own deadline: Swarm waits
 * for a task's health without one.
 *
 * <p>A new task whose container turns unhealthy fails the deploy at once. Swarm fails such a task only once its
 * container has stopped, which takes the service's stop grace period (10 s by default) when the process ignores
 * SIGTERM, and only then rolls back; putting the previous spec back ourselves ({@link #undo}) keeps the old task,
 * which start-first never stopped, serving.
 */
public final class SwarmTarget implements DeployTarget {
    /**
     * Swarm's watch after a rollback, short: what a rollback puts back ran before, and {@link #undo} checks itself that
     * it runs healthy again. Not zero: Swarm turns a monitor no longer than the delay (0) into the delay plus 1 s.
     */
    private static final Duration ROLLBACK_MONITOR = Duration.ofMillis(100);
    private static final String TASK_LABEL = "com.docker.swarm.task.id";

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

    /**
     * Swarm's own rollback ({@code docker service rollback}) when the service's previous spec is the one to put back:
     * with start-first, a slot whose new task never ran healthy still has its old task running, which Swarm keeps
     * instead of starting another. A second rollback is refused by Swarm (a rolled back service has no previous spec
     * left), so one that Swarm began meanwhile is never undone.
     */
    @Override
    public void undo(String service, Optional<ImageReference> previous, Instant deadline) {
        Optional<SwarmService> now = previous.isEmpty() ? Optional.empty() : inspect(service);
        if (now.isPresent() && !now.get().image().equals(previous.get())
                && now.get().previousImage().equals(previous)) {
            // refused when Swarm or someone else changed the service meanwhile: the deploy below then puts previous back
            docker.run(Duration.ofMinutes(2), Map.of(), List.of("service", "rollback", "--detach", "--quiet", service));
        }
        DeployTarget.super.undo(service, previous, deadline);
    }

    @Override
    public void remove(String service) {
        if (inspect(service).isPresent()) {
            docker.require("service", "rm", service);
        }
    }

    private List<String> arguments(List<String> command, String last) {
        List<String> arguments = new ArrayList<>(command);
        arguments.addAll(List.of("--detach", "--with-registry-auth",
                "--update-failure-action", "rollback", "--update-order", "start-first",
                "--update-monitor", monitor.toMillis() + "ms", "--rollback-order", "start-first",
                "--rollback-monitor", ROLLBACK_MONITOR.toMillis() + "ms", last));
        return arguments;
    }

    /**
     * Healthy once every task meant to run runs {@code image} (with a HEALTHCHECK, Swarm calls a task running once
     * healthy) and Swarm's monitor period is over; the rollout says since when it ran healthy. Each look asks the
     * service, its tasks and its unhealthy containers at once: three docker calls one after the other took about a
     * second on a loaded machine, which every verdict waited for.
     */
    private Rollout await(String service, ImageReference image, Instant deadline) {
        ExecutorService calls = Executors.newFixedThreadPool(2);
        try {
            return await(service, image, deadline, calls);
        } finally {
            calls.shutdownNow(); // an interrupted wait stops its docker calls too
        }
    }

    private Rollout await(String service, ImageReference image, Instant deadline, ExecutorService calls) {
        SwarmService state = null;
        List<JsonNode> tasks = List.of();
        Instant healthySince = null;
        while (Instant.now().isBefore(deadline)) {
            Future<List<JsonNode>> tasksLater = calls.submit(() -> tasks(service));
            Future<List<String>> unhealthyLater = calls.submit(() -> unhealthyContainers(service));
            state = inspect(service).orElseThrow(() -> new DeployException("service " + service
                    + " was removed on " + docker.endpoint() + " while it was being deployed"));
            tasks = answer(tasksLater);
            List<String> unhealthyContainers = answer(unhealthyLater);
            if (!state.image().equals(image)) {
                return Rollout.failed((state.rolledBack() ? "Swarm rolled the update back (" + state.updateMessage() + ")"
                        : "the service was given " + state.image() + " meanwhile") + lastTaskError(tasks));
            }
            if (state.paused()) {
                return Rollout.failed("Swarm stopped the update: " + state.updateMessage() + lastTaskError(tasks));
            }
            Optional<String> unhealthy = unhealthyTask(tasks, unhealthyContainers, image);
            if (unhealthy.isPresent()) {
                return Rollout.failed(unhealthy.get());
            }
            if (tasksRun(tasks, image)) {
                healthySince = healthySince == null ? Instant.now() : healthySince;
                if (!state.moving()) {
                    return Rollout.healthySince(healthySince);
                }
            } else {
                healthySince = null;
            }
            Health.pause();
        }
        return Rollout.failed("not healthy before the deadline (update "
                + (state == null ? "not started" : state.updateState().orElse("not started")) + ")"
                + lastTaskError(tasks));
    }

    private Optional<SwarmService> inspect(String service) {
        return docker.inspect("service", "inspect", service).map(SwarmService::parse);
    }

    /** Every task meant to run runs {@code image} (with a HEALTHCHECK, Swarm calls a task running once healthy). */
    private static boolean tasksRun(List<JsonNode> tasks, ImageReference image) {
        List<JsonNode> running = tasks.stream().filter(SwarmTarget::meantToRun).toList();
        return !running.isEmpty() && running.stream().allMatch(task -> task.path("CurrentState").asText()
                .startsWith("Running") && runs(task, image));
    }

    private static <T> T answer(Future<T> call) {
        try {
            return call.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure
                    : new DeployException("a docker call failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            throw Health.interrupted(e);
        }
    }

    /**
     * {@code CONTAINER-ID TASK-ID} of each container of {@code service} whose HEALTHCHECK gave up, as the engine we
     * talk to sees its containers (on a cluster of several nodes, Swarm's own verdict decides for the others' tasks).
     */
    private List<String> unhealthyContainers(String service) {
        return docker.require("ps", "--no-trunc", "--filter", "label=com.docker.swarm.service.name=" + service,
                "--filter", "health=unhealthy", "--format", "{{.ID}} {{.Label \"" + TASK_LABEL + "\"}}").stdout();
    }

    /** A task meant to run {@code image} among those whose container's HEALTHCHECK gave up. */
    private Optional<String> unhealthyTask(List<JsonNode> tasks, List<String> unhealthyContainers,
            ImageReference image) {
        Map<String, String> ours = tasks.stream().filter(task -> meantToRun(task) && runs(task, image))
                .collect(Collectors.toMap(task -> task.path("ID").asText(), task -> task.path("Name").asText()));
        for (String line : unhealthyContainers) {
            String[] containerAndTask = line.strip().split(" ", 2);
            if (containerAndTask.length == 2 && ours.containsKey(containerAndTask[1])) {
                String probe = docker.inspect("container", "inspect", containerAndTask[0])
                        .map(container -> ContainerHealth.lastProbe(container.path("State").path("Health")))
                        .orElse("");
                return Optional.of("task " + ours.get(containerAndTask[1]) + " of " + image
                        + " turned unhealthy, its HEALTHCHECK gave up" + probe);
            }
        }
        return Optional.empty();
    }

    private static boolean meantToRun(JsonNode task) {
        return task.path("DesiredState").asText().equals("Running");
    }

    private static boolean runs(JsonNode task, ImageReference image) {
        return ImageReference.parse(task.path("Image").asText()).equals(image);
    }

    private static String lastTaskError(List<JsonNode> tasks) {
        return tasks.stream().filter(task -> !task.path("Error").asText().isEmpty()).findFirst()
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
