package io.jenkins.plugins.optimizeddeploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.optimizeddeploy.testsupport.FaultInjectingProxy;
import io.jenkins.plugins.optimizeddeploy.testsupport.FaultInjectingProxy.Fault;
import io.jenkins.plugins.optimizeddeploy.testsupport.RegistryExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A CI job cancelled halfway through a retag: the process gets SIGTERM while the registry holds the answer to a PUT
 * it has already applied. The tags it had moved are back where they were before the process ends.
 */
class RetagCommandSignalTest {
    @RegisterExtension
    static final RegistryExtension REGISTRY = RegistryExtension.plain();

    private static final Duration HELD = Duration.ofSeconds(60);
    private static final List<String> TAGS = List.of("prod", "stage");

    @Test
    void shouldPutMovedTagsBackWhenTerminated(@TempDir Path output) throws Exception {
        String repository = "cli/signal";
        REGISTRY.pushBusyboxBase(repository, "source");
        REGISTRY.pushBusyboxIndex(repository, "prod");
        REGISTRY.pushBusyboxIndex(repository, "stage");
        String source = REGISTRY.manifest(repository, "source").digest();
        String previous = REGISTRY.manifest(repository, "prod").digest();
        AtomicBoolean firstPut = new AtomicBoolean(true);
        try (FaultInjectingProxy proxy = FaultInjectingProxy.following(REGISTRY.baseUrl(), (number, request) ->
                request.startsWith("PUT ") && firstPut.getAndSet(false) ? Fault.STALL_BODY : Fault.NONE, HELD)) {
            Path stdout = output.resolve("stdout");
            Path stderr = output.resolve("stderr");
            Path noLogins = Files.writeString(output.resolve("config.json"), "{}");
            Process cli = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), OptimizedDeployCommand.class.getName(), "retag",
                    proxy.hostPort() + "/" + repository + ":source", "--tag", TAGS.get(0), "--tag", TAGS.get(1),
                    "--docker-config", noLogins.toString())
                    .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
            try {
                // Both PUTs are sent at once; once both tags moved, the held one was applied by the registry.
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (!TAGS.stream().allMatch(tag -> REGISTRY.manifest(repository, tag).digest().equals(source))) {
                    assertThat(cli.isAlive()).as("the retag is under way; its errors: %s", Files.readString(stderr))
                            .isTrue();
                    assertThat(System.nanoTime()).as("both tags were moved in time").isLessThan(deadline);
                    Thread.sleep(20);
                }

                cli.destroy(); // SIGTERM

                assertThat(cli.waitFor(20, TimeUnit.SECONDS)).as("ended within the grace").isTrue();
                assertThat(cli.exitValue()).as("128 + SIGTERM").isEqualTo(143);
            } finally {
                cli.destroyForcibly();
            }
            assertThat(Files.readString(stdout, StandardCharsets.UTF_8)).contains("nothing moved: interrupted");
            assertThat(Files.readString(stderr, StandardCharsets.UTF_8))
                    .as("the lines of the stopped retag, which tags were put back")
                    .contains("putting 2 touched tag(s) back", ":" + TAGS.get(0) + " RESTORED");
        }
        for (String tag : TAGS) {
            assertThat(REGISTRY.manifest(repository, tag).digest()).as(tag).isEqualTo(previous);
        }
    }
}
