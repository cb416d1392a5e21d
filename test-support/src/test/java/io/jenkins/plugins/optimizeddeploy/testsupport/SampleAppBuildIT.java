package io.jenkins.plugins.optimizeddeploy.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SampleAppBuildIT {
    @RegisterExtension
    static final RegistryExtension registry = RegistryExtension.plain();
    @RegisterExtension
    static final DockerdExtension dockerd = new DockerdExtension();
    @RegisterExtension
    static final BuildahExtension buildah = new BuildahExtension();

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static String baseImage;

    @BeforeAll
    static void seedBaseImage() {
        baseImage = registry.pushBusyboxBase("base/busybox", "latest");
    }

    @Test
    void shouldServeHealthFromWebAsUnprivilegedUserAndStopAtOnceOnSigterm() throws Exception {
        String image = buildAndPush("web");
        int port = LoopbackPorts.free();
        String container = "sample-web-" + port;

        try {
            // no --init: web must end on SIGTERM by itself, not after docker stop's grace period
            dockerd.docker("run", "--detach", "--network", "host", "--env", "PORT=" + port, "--name", container, image)
                    .requireSuccess();

            HttpResponse<String> health = eventually(() -> get(URI.create("http://127.0.0.1:" + port + "/health")));
            HttpResponse<String> index = get(URI.create("http://127.0.0.1:" + port + "/"));
            String user = dockerd.docker("exec", container, "id", "-u").requireSuccess().stdout().strip();
            String healthStatus = eventually(() -> {
                String status = dockerd.docker("inspect", "--format", "{{.State.Health.Status}}", container)
                        .requireSuccess().stdout().strip();
                return status.equals("healthy") ? status : null;
            });
            long stopStarted = System.nanoTime();
            dockerd.docker("stop", "--time", "10", container).requireSuccess();
            Duration stopping = Duration.ofNanos(System.nanoTime() - stopStarted);
            String exit = dockerd.docker("inspect", "--format", "{{.State.ExitCode}}", container)
                    .requireSuccess().stdout().strip();

            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).isEqualTo("ok\n");
            assertThat(index.body()).contains("sample-app web");
            assertThat(user).isEqualTo("10001");
            assertThat(healthStatus).isEqualTo("healthy");
            assertThat(stopping).as("not killed after the 10 s grace period").isLessThan(Duration.ofSeconds(5));
            assertThat(exit).isEqualTo("0");
            // the containerd image store pushes what BuildKit made: an index of the image and its provenance
            RegistryManifest pushed = registry.manifest("sample-app/web", "test");
            assertThat(pushed.mediaType()).isEqualTo("application/vnd.oci.image.index.v1+json");
            assertThat(pushed.content()).contains("\"amd64\"", "\"attestation-manifest\"");
        } finally {
            dockerd.docker("rm", "--force", container);
        }
    }

    @Test
    void shouldRunWorkerLoopAndStopOnSigterm() throws Exception {
        String image = buildAndPush("worker");
        String container = "sample-worker-" + LoopbackPorts.free();

        try {
            dockerd.docker("run", "--detach", "--init", "--network", "host", "--env", "WORKER_INTERVAL=1",
                    "--name", container, image).requireSuccess();

            String logs = eventually(() -> {
                String output = dockerd.docker("logs", container).requireSuccess().stdout();
                return output.contains("processed batch 2") ? output : null;
            });
            dockerd.docker("stop", "--time", "10", container).requireSuccess();
            String exit = dockerd.docker("inspect", "--format", "{{.State.ExitCode}}", container)
                    .requireSuccess().stdout().strip();

            assertThat(logs).contains("worker: started as app").as("batches of the catalog the builder stage made")
                    .contains("worker: processed batch 1 (1000 items)", "worker: processed batch 2 (1000 items)");
            assertThat(exit).isEqualTo("0");
        } finally {
            dockerd.docker("rm", "--force", container);
        }
    }

    @Test
    void shouldCallTheWorkerHealthyWhileItsHeartbeatIsFresh() throws Exception {
        String image = buildAndPush("worker");
        String container = "sample-worker-" + LoopbackPorts.free();

        try {
            // one batch, then a long sleep: only the test makes the heartbeat stale
            dockerd.docker("run", "--detach", "--init", "--network", "host", "--env", "WORKER_INTERVAL=600",
                    "--env", "WORKER_HEARTBEAT_MAX_AGE=30", "--name", container, image).requireSuccess();
            String healthy = eventually(() -> healthStatus(container, "healthy"));
            dockerd.docker("exec", container, "touch", "-d", "2000-01-01 00:00:00", "/tmp/worker.heartbeat")
                    .requireSuccess();
            String unhealthy = eventually(() -> healthStatus(container, "unhealthy"));
            String probes = dockerd.docker("inspect", "--format", "{{json .State.Health.Log}}", container)
                    .requireSuccess().stdout();

            assertThat(healthy).isEqualTo("healthy");
            assertThat(unhealthy).isEqualTo("unhealthy");
            assertThat(probes).contains("worker-alive: last heartbeat", "more than 30s");
        } finally {
            dockerd.docker("rm", "--force", container);
        }
    }

    @Test
    void shouldBuildTheOtherTargetsOnTheSameRuntimeStage() {
        String migrations = buildAndPush("migrations");
        buildAndPush("docs");

        CommandResult run = dockerd.docker("run", "--rm", "--network", "host", migrations).requireSuccess();

        assertThat(run.stdout()).contains("migrate: applying 001_create_items.sql",
                "migrate: applying 002_add_created_at.sql", "migrate: done");
    }

    @Test
    void shouldBuildWebWithBuildahKeepingTheHealthcheckAndUser() {
        String image = registry.hostPort() + "/sample-app/web:buildah";

        buildah.buildah("bud", "--isolation", "chroot", "--network", "host", "--format", "docker",
                "--tls-verify=false", "--build-arg", "BASE_IMAGE=" + baseImage, "--target", "web",
                "--tag", image, SampleApp.directory().toString()).requireSuccess();
        String config = buildah.buildah("inspect", "--type", "image", "--format",
                "{{.Docker.Config.User}} {{.Docker.Config.Healthcheck.Test}}", image).requireSuccess().stdout();

        assertThat(config).startsWith("10001:10001 ").contains("wget");
    }

    /** {@code wanted} when the container's health status is it, else null. */
    private static String healthStatus(String container, String wanted) {
        String status = dockerd.docker("inspect", "--format", "{{.State.Health.Status}}", container)
                .requireSuccess().stdout().strip();
        return status.equals(wanted) ? status : null;
    }

    private static String buildAndPush(String target) {
        String image = registry.hostPort() + "/sample-app/" + target + ":test";
        dockerd.docker("build", "--network", "host", "--progress", "plain",
                "--build-arg", "BASE_IMAGE=" + baseImage,
                "--target", target, "--tag", image, SampleApp.directory().toString()).requireSuccess();
        dockerd.docker("push", image).requireSuccess();
        return image;
    }

    private static HttpResponse<String> get(URI url) throws Exception {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException notListeningYet) {
            return null;
        }
    }

    /** The first non-null answer of {@code probe}, polled until {@link #PATIENCE} runs out. */
    private static <T> T eventually(Callable<T> probe) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        T answer = probe.call();
        while (answer == null) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("No answer within " + PATIENCE + "; dockerd log " + dockerd.logFile());
            }
            Thread.sleep(100);
            answer = probe.call();
        }
        return answer;
    }
}
