package io.jenkins.plugins.optimizeddeploy.engine.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.jenkins.plugins.optimizeddeploy.engine.exec.CommandRunner;
import io.jenkins.plugins.optimizeddeploy.engine.exec.ProcessCommandRunner;
import io.jenkins.plugins.optimizeddeploy.engine.image.ImageReference;
import io.jenkins.plugins.optimizeddeploy.testsupport.DockerdExtension;
import io.jenkins.plugins.optimizeddeploy.testsupport.LoopbackPorts;
import io.jenkins.plugins.optimizeddeploy.testsupport.RegistryExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Releases to Swarm services on a private dockerd in swarm mode; what runs is read back from Swarm itself. */
class SwarmTargetIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final Duration MONITOR = Duration.ofSeconds(1);

    @RegisterExtension
    static final RegistryExtension registry = RegistryExtension.basicAuth();
    @RegisterExtension
    static final DockerdExtension dockerd = new DockerdExtension().perTestClass();

    @TempDir
    static Path state;
    private static DeployImages images;
    private static ImageReference v1;
    private static ImageReference v2;
    private static final ExecutorService pool = Executors.newFixedThreadPool(3);

    @BeforeAll
    static void swarmAndImages(@TempDir Path context) {
        // free ports: other daemons on this machine may be swarm managers too
        String manager = "127.0.0.1:" + LoopbackPorts.free();
        dockerd.docker("swarm", "init", "--advertise-addr", manager, "--listen-addr", manager,
                "--data-path-port", Integer.toString(LoopbackPorts.free())).requireSuccess();
        images = new DeployImages(dockerd, registry, context);
        v1 = images.healthy("swarm-app", "1");
        v2 = images.healthy("swarm-app", "2");
    }

    @AfterAll
    static void stopPool() {
        pool.shutdownNow();
    }

    @Test
    void shouldCreateTheServiceThenMoveItToTheNewDigestOnceHealthy() throws Exception {
        ReleaseResult created = release(Duration.ofSeconds(5)).run(Action.DEPLOY, List.of(deploy("web", v1)), TIMEOUT, "test");
        ReleaseResult moved = release(Duration.ofSeconds(5)).run(Action.DEPLOY, List.of(deploy("web", v2)), TIMEOUT, "build 7");

        assertThat(created.services()).singleElement().satisfies(web -> {
            assertThat(web.outcome()).as(web.reason()).isEqualTo(Outcome.HEALTHY);
            assertThat(web.from()).isNull();
        });
        assertThat(moved.healthy()).as(String.join("\n", moved.summary())).isTrue();
        assertThat(moved.services()).singleElement().satisfies(web -> {
            assertThat(web.from()).isEqualTo(v1);
            assertThat(web.to()).isEqualTo(v2);
            assertThat(web.to().digest()).isPresent();
            assertThat(web.timeToHealthyMillis()).isPositive();
        });
        assertThat(specImage("web")).isEqualTo(v2.toString());
        assertThat(runningTasks("web")).isNotEmpty().allSatisfy(task -> assertThat(task).startsWith(v2 + " Running"));
        assertThat(new DeployHistory(state.resolve("history.jsonl")).records())
                .filteredOn(record -> record.service().equals("web")).extracting(DeployRecord::from,
                        DeployRecord::to, DeployRecord::outcome, DeployRecord::by)
                .containsExactly(tuple(null, v1, Outcome.HEALTHY, "test"),
                        tuple(v1, v2, Outcome.HEALTHY, "build 7"));
    }

    @Test
    void shouldPutThePreviousDigestBackWhenTheHealthCheckFails() throws Exception {
        ImageReference sick = images.unhealthy("swarm-app");
        release(Duration.ofSeconds(5)).run(Action.DEPLOY, List.of(deploy("sick", v1)), TIMEOUT, "test");

        ReleaseResult result = release(Duration.ofSeconds(5)).run(Action.DEPLOY, List.of(deploy("sick", sick)), TIMEOUT, "test");

        assertThat(result.rolledBack()).isTrue();
        assertThat(result.services()).singleElement().satisfies(service -> {
            assertThat(service.outcome()).as(service.reason()).isEqualTo(Outcome.UNHEALTHY);
            // Swarm fails this container's task as soon as it turns unhealthy (it stops on SIGTERM): either may be first
            assertThat(service.reason()).containsAnyOf("rolled the update back", "turned unhealthy");
            assertThat(service.running()).isEqualTo(new Running.Image(v1));
        });
        assertThat(specImage("sick")).isEqualTo(v1.toString());
        assertThat(runningTasks("sick")).isNotEmpty().allSatisfy(task -> assertThat(task).startsWith(v1 + " Running"));
    }

    @Test
    void shouldRollTheReleaseBackAsSoonAsANewTaskTurnsUnhealthy() throws Exception {
        ImageReference sick = images.unhealthy("swarm-app");
        // PID 1 of these containers ignores SIGUSR1: Swarm would fail an unhealthy task only after the grace period
        Duration longerThanTheDeploy = TIMEOUT.multipliedBy(3);
        dockerd.docker("service", "create", "--quiet", "--with-registry-auth", "--name", "stubborn", "--stop-signal",
                "SIGUSR1", "--stop-grace-period", longerThanTheDeploy.toSeconds() + "s", v1.toString()).requireSuccess();
        release(Duration.ofSeconds(5)).run(Action.DEPLOY, List.of(deploy("ally", v1)), TIMEOUT, "test");
        Release watchedLong = new Release(new SwarmTarget(images.dockerCli(), longerThanTheDeploy),
                new DeployHistory(state.resolve("history.jsonl")), Duration.ofSeconds(5));

        ReleaseResult result = watchedLong.run(Action.DEPLOY, List.of(deploy("ally", v2), deploy("stubborn", sick)),
                TIMEOUT, "test");

        assertThat(result.services()).extracting(ServiceResult::service, ServiceResult::outcome, ServiceResult::reason)
                .as("neither Swarm's verdict on stubborn nor ally's monitor period was waited for").containsExactly(
                        tuple("ally", Outcome.ROLLED_BACK, "stopped before its gate passed, as stubborn failed"),
                        tuple("stubborn", Outcome.UNHEALTHY, "task stubborn.1 of " + sick
                                + " turned unhealthy, its HEALTHCHECK gave up: exit code 1"));
        for (String service : List.of("ally", "stubborn")) {
            assertThat(specImage(service)).as(service).isEqualTo(v1.toString());
            assertThat(dockerd.docker("service", "inspect", service, "--format", "{{.UpdateStatus.State}}")
                    .requireSuccess().stdout().strip()).as("Swarm's own rollback put " + service + " back")
                    .isEqualTo("rollback_completed");
            assertThat(runningTasks(service)).as(service).isNotEmpty()
                    .allSatisfy(task -> assertThat(task).startsWith(v1 + " Running"));
        }
    }

    @Test
    void shouldCountTheTimeToHealthyUntilTheNewDigestRanHealthyNotUntilTheMonitorPeriodEnded() throws Exception {
        Duration monitor = Duration.ofSeconds(20);
        Release release = new Release(new SwarmTarget(images.dockerCli(), monitor),
                new DeployHistory(state.resolve("history.jsonl")), Duration.ofSeconds(5));
        release.run(Action.DEPLOY, List.of(deploy("timed", v1)), TIMEOUT, "test");

        Instant started = Instant.now();
        ReleaseResult moved = release.run(Action.DEPLOY, List.of(deploy("timed", v2)), TIMEOUT, "test");
        Duration took = Duration.between(started, Instant.now());

        assertThat(took).as("Swarm's monitor period was waited out").isGreaterThan(monitor);
        assertThat(moved.services()).singleElement().satisfies(timed -> {
            assertThat(timed.outcome()).as(timed.reason()).isEqualTo(Outcome.HEALTHY);
            assertThat(timed.timeToHealthyMillis()).isPositive().isLessThan(took.minus(monitor.dividedBy(2)).toMillis());
        });
    }

    @Test
    void shouldAskForTheServiceAndItsTasksAtOnceWhileItWaits() throws Exception {
        List<DockerCall> calls = new CopyOnWriteArrayList<>();
        CommandRunner real = new ProcessCommandRunner();
        CommandRunner timed = (command, listener) -> {
            long started = System.nanoTime();
            try {
                return real.run(command, listener);
            } finally {
                calls.add(new DockerCall(String.join(" ", command.arguments()), started, System.nanoTime()));
            }
        };
        Release release = new Release(new SwarmTarget(new DockerCli(timed, DockerCli.DEFAULT_BINARY,
                dockerd.environment()), MONITOR), new DeployHistory(state.resolve("history.jsonl")), Duration.ofSeconds(5));

        ReleaseResult created = release.run(Action.DEPLOY, List.of(deploy("looked-at", v1)), TIMEOUT, "test");

        assertThat(created.healthy()).as(String.join("\n", created.summary())).isTrue();
        List<DockerCall> serviceLooks = calls.stream().filter(call -> call.command().contains(" service inspect ")).toList();
        assertThat(calls).as("each look's docker calls run side by side, not one after the other")
                .filteredOn(call -> call.command().contains(" service ps "))
                .anySatisfy(tasks -> assertThat(serviceLooks).anyMatch(tasks::overlaps));
    }

    @Test
    void shouldPutEveryServiceBackWhenOneCrashesOnStart() throws Exception {
        ImageReference crashing = images.crashing("swarm-app");
        release(Duration.ofSeconds(5)).run(Action.DEPLOY, List.of(deploy("api", v1), deploy("worker", v1)), TIMEOUT, "test");

        ReleaseResult result = release(Duration.ofSeconds(5)).run(Action.DEPLOY,
                List.of(deploy("api", v2), deploy("worker", crashing)), TIMEOUT, "test");

        assertThat(result.rolledBack()).isTrue();
        assertThat(result.broken()).as(String.join("\n", result.summary())).isFalse();
        assertThat(result.services()).extracting(ServiceResult::service, ServiceResult::outcome).containsExactly(
                tuple("api", Outcome.ROLLED_BACK),
                tuple("worker", Outcome.UNHEALTHY));
        for (String service : List.of("api", "worker")) {
            assertThat(specImage(service)).as(service).isEqualTo(v1.toString());
            assertThat(runningTasks(service)).as(service).isNotEmpty()
                    .allSatisfy(task -> assertThat(task).startsWith(v1 + " Running"));
        }
    }

    @Test
    void shouldMakeASecondDeployToTheTargetWaitAndNameTheFirst() throws Exception {
        release(Duration.ofSeconds(5)).run(Action.DEPLOY, List.of(deploy("queue", v1)), TIMEOUT, "test");

        Future<ReleaseResult> first = pool.submit(
                () -> release(TIMEOUT).run(Action.DEPLOY, List.of(deploy("queue", v2)), TIMEOUT, "first"));
        awaitLockHeldBy("deploy by first");
        Future<ReleaseResult> impatient = pool.submit(
                () -> release(Duration.ofMillis(500)).run(Action.DEPLOY, List.of(deploy("queue", v1)), TIMEOUT, "impatient"));
        Future<ReleaseResult> second = pool.submit(
                () -> release(TIMEOUT).run(Action.DEPLOY, List.of(deploy("queue", v1)), TIMEOUT, "second"));

        assertThatThrownBy(impatient::get).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(TargetBusyException.class)
                .hasMessageContaining("deploy by first").hasMessageContaining("gave up waiting");
        assertThat(first.get().services()).singleElement().satisfies(queue -> {
            assertThat(queue.outcome()).isEqualTo(Outcome.HEALTHY);
            assertThat(queue.from()).isEqualTo(v1);
        });
        assertThat(second.get().services()).singleElement().satisfies(queue -> {
            assertThat(queue.outcome()).isEqualTo(Outcome.HEALTHY);
            assertThat(queue.from()).as("the second deploy began after the first had ended").isEqualTo(v2);
        });
        assertThat(specImage("queue")).isEqualTo(v1.toString());
    }

    private record DockerCall(String command, long startedNanos, long endedNanos) {
        boolean overlaps(DockerCall other) {
            return startedNanos < other.endedNanos && other.startedNanos < endedNanos;
        }
    }

    private static Release release(Duration lockTimeout) {
        return new Release(new SwarmTarget(images.dockerCli(), MONITOR), new DeployHistory(state.resolve("history.jsonl")),
                lockTimeout);
    }

    private static ServiceDeploy deploy(String service, ImageReference image) {
        return new ServiceDeploy(service, image, Optional.empty());
    }

    private static String specImage(String service) {
        return dockerd.docker("service", "inspect", service, "--format", "{{.Spec.TaskTemplate.ContainerSpec.Image}}")
                .requireSuccess().stdout().strip();
    }

    private static List<String> runningTasks(String service) {
        return dockerd.docker("service", "ps", service, "--filter", "desired-state=running", "--no-trunc", "--format",
                "{{.Image}} {{.CurrentState}}").requireSuccess().stdout().lines().toList();
    }

    private static void awaitLockHeldBy(String holder) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            Path locks = state.resolve("locks");
            if (Files.isDirectory(locks)) {
                try (Stream<Path> files = Files.list(locks)) {
                    for (Path lock : files.toList()) {
                        if (Files.readString(lock).contains(holder)) {
                            return;
                        }
                    }
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no lock file named " + holder + " within 30 s");
    }
}
