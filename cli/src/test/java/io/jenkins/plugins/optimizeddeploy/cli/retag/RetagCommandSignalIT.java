package io.jenkins.plugins.optimizeddeploy.cli.retag;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.optimizeddeploy.cli.OptimizedDeployCommand;
import io.jenkins.plugins.optimizeddeploy.cli.common.InterruptOnSignal;
import io.jenkins.plugins.optimizeddeploy.testsupport.FaultInjectingProxy.Fault;
import io.jenkins.plugins.optimizeddeploy.testsupport.FaultInjectingProxy;
import io.jenkins.plugins.optimizeddeploy.testsupport.JavaProcess;
import io.jenkins.plugins.optimizeddeploy.testsupport.RegistryExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A CI job cancelled halfway through a retag: the process gets SIGTERM while the registry holds the answer to a PUT
 * it has already applied. The tags it had moved are back where they were before the process ends; when putting them
 * back takes longer than the grace, every tag is printed with where it pointed before, for a repair by hand.
 */
class RetagCommandSignalIT {
    @RegisterExtension
    static final RegistryExtension REGISTRY = RegistryExtension.plain();

    private static final Duration HELD = Duration.ofSeconds(60);
    private static final List<String> TAGS = List.of("prod", "stage");

    @TempDir
    Path output;

    @Test
    void shouldPutMovedTagsBackWhenTerminated() throws Exception {
        String repository = "cli/signal";
        String previous = pushTags(repository);
        AtomicBoolean firstPut = new AtomicBoolean(true);
        try (FaultInjectingProxy proxy = FaultInjectingProxy.following(REGISTRY.baseUrl(), (number, request) ->
                request.startsWith("PUT ") && firstPut.getAndSet(false) ? Fault.STALL_BODY : Fault.NONE, HELD)) {
            Process cli = retagAndTerminate(proxy, repository, TAGS, () -> { });
            try {
                assertThat(cli.waitFor(20, TimeUnit.SECONDS)).as("ended within the grace").isTrue();
                assertThat(cli.exitValue()).as("128 + SIGTERM").isEqualTo(143);
            } finally {
                cli.destroyForcibly();
            }
            assertThat(stdout()).contains("nothing moved: interrupted");
            assertThat(stderr()).as("the lines of the stopped retag, which tags were put back")
                    .contains("putting 2 touched tag(s) back", ":" + TAGS.get(0) + " RESTORED");
        }
        for (String tag : TAGS) {
            assertThat(REGISTRY.manifest(repository, tag).digest()).as(tag).isEqualTo(previous);
        }
    }

    /** After the signal the registry holds every PUT (the rollback's too) past the 25 s grace. */
    @Test
    void shouldPrintEveryTagWithWhereItPointedBeforeWhenTheGraceRunsOut() throws Exception {
        String repository = "cli/grace";
        String previous = pushTags(repository);
        AtomicBoolean firstPut = new AtomicBoolean(true);
        AtomicBoolean terminated = new AtomicBoolean();
        List<String> tags = new ArrayList<>(TAGS);
        tags.add("fresh");
        try (FaultInjectingProxy proxy = FaultInjectingProxy.following(REGISTRY.baseUrl(), (number, request) -> {
            if (!request.startsWith("PUT ")) {
                return Fault.NONE;
            }
            return firstPut.getAndSet(false) ? Fault.STALL_BODY : terminated.get() ? Fault.STALL : Fault.NONE;
        }, HELD)) {
            Process cli = retagAndTerminate(proxy, repository, tags, () -> terminated.set(true));
            try {
                assertThat(cli.waitFor(InterruptOnSignal.GRACE.toSeconds() + 15, TimeUnit.SECONDS))
                        .as("ended once the grace ran out").isTrue();
                assertThat(cli.exitValue()).as("128 + SIGTERM").isEqualTo(143);
            } finally {
                cli.destroyForcibly();
            }
            for (String printed : List.of(stdout(), stderr())) {
                assertThat(printed).contains("stopped waiting", "where each tag pointed before")
                        .contains(proxy.hostPort() + "/" + repository + ":prod " + previous,
                                proxy.hostPort() + "/" + repository + ":stage " + previous,
                                proxy.hostPort() + "/" + repository + ":fresh did not exist");
            }
        }
        assertThat(REGISTRY.manifest(repository, TAGS.get(0)).digest()).as("left moved, for the operator")
                .isNotEqualTo(previous);
    }

    /** {@code source} to be tagged prod and stage, which point at another image now; returns that image's digest. */
    private static String pushTags(String repository) {
        REGISTRY.pushBusyboxBase(repository, "source");
        TAGS.forEach(tag -> REGISTRY.pushBusyboxIndex(repository, tag));
        return REGISTRY.manifest(repository, TAGS.get(0)).digest();
    }

    /**
     * Starts the CLI retagging {@code repository:source} through {@code proxy}, waits until the registry moved prod
     * and stage (both PUTs are sent at once: the held one was applied too), runs {@code beforeSignal} and sends
     * SIGTERM.
     */
    private Process retagAndTerminate(FaultInjectingProxy proxy, String repository, List<String> tags,
            Runnable beforeSignal) throws Exception {
        Path noLogins = Files.writeString(output.resolve("config.json"), "{}");
        List<String> arguments = new ArrayList<>(List.of("retag", proxy.hostPort() + "/" + repository + ":source",
                "--docker-config", noLogins.toString()));
        tags.forEach(tag -> arguments.addAll(List.of("--tag", tag)));
        Process cli = JavaProcess.of(OptimizedDeployCommand.class, arguments)
                .redirectOutput(output.resolve("stdout").toFile()).redirectError(output.resolve("stderr").toFile())
                .start();
        String source = REGISTRY.manifest(repository, "source").digest();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!TAGS.stream().allMatch(tag -> pointsAt(repository, tag, source))) {
            assertThat(cli.isAlive()).as("the retag is under way; its errors: %s", stderr()).isTrue();
            assertThat(System.nanoTime()).as("both tags were moved in time").isLessThan(deadline);
            Thread.sleep(20);
        }
        beforeSignal.run();
        cli.destroy(); // SIGTERM
        return cli;
    }

    /**
     * Whether the tag points at {@code digest} yet. distribution 2.8 writes a tag's link file in place, so a read
     * while the PUT writes it can answer 500: that is "not yet".
     */
    private static boolean pointsAt(String repository, String tag, String digest) {
        try {
            return REGISTRY.manifest(repository, tag).digest().equals(digest);
        } catch (IllegalStateException readWhileWritten) {
            return false;
        }
    }

    private String stdout() throws Exception {
        return Files.readString(output.resolve("stdout"), StandardCharsets.UTF_8);
    }

    private String stderr() throws Exception {
        return Files.readString(output.resolve("stderr"), StandardCharsets.UTF_8);
    }
}
