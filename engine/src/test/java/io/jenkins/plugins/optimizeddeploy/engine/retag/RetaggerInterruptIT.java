package io.jenkins.plugins.optimizeddeploy.engine.retag;

import static io.jenkins.plugins.optimizeddeploy.engine.retag.RetagFixtures.digestOf;
import static io.jenkins.plugins.optimizeddeploy.engine.retag.RetagFixtures.variant;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.optimizeddeploy.engine.image.Digest;
import io.jenkins.plugins.optimizeddeploy.engine.image.ImageReference;
import io.jenkins.plugins.optimizeddeploy.engine.registry.RegistryClient;
import io.jenkins.plugins.optimizeddeploy.engine.registry.RegistryOptions;
import io.jenkins.plugins.optimizeddeploy.engine.registry.auth.CredentialsSource;
import io.jenkins.plugins.optimizeddeploy.testsupport.FaultInjectingProxy.Fault;
import io.jenkins.plugins.optimizeddeploy.testsupport.FaultInjectingProxy;
import io.jenkins.plugins.optimizeddeploy.testsupport.RegistryExtension;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An aborted build interrupts the thread that retags: requests waiting on a registry that does not answer end at
 * once (the registry here holds them far longer than the test waits, and the request timeout is the default
 * minute), and no tag is left moved.
 */
class RetaggerInterruptIT {
    @RegisterExtension
    static final RegistryExtension plain = RegistryExtension.plain();

    private static final Duration HELD = Duration.ofSeconds(40);
    private static final long ENDS_WITHIN_SECONDS = 10;
    private static final List<String> TAGS = List.of("prod", "stage");

    @Test
    void shouldEndAtOnceWithNothingMovedWhenInterruptedWhileReading() throws Exception {
        try (Setup setup = setUp("interrupt/read")) {
            try (FaultInjectingProxy proxy = FaultInjectingProxy.following(plain.baseUrl(),
                    (number, request) -> request.startsWith("HEAD ") ? Fault.STALL : Fault.NONE, HELD)) {
                Interrupted outcome = retagAndInterrupt(proxy, setup, () -> !proxy.injected().isEmpty());

                assertThat(outcome.result().outcome()).isEqualTo(RetagOutcome.NOTHING_MOVED);
                assertThat(outcome.result().summary().get(0)).contains("interrupted");
                assertThat(proxy.count("PUT ")).as("no tag is put once the retag is interrupted").isZero();
                assertThat(outcome.interruptStatusKept()).isTrue();
            }
            assertTagsUnmoved(setup);
        }
    }

    /** The registry received the first PUT and moved the tag, but its answer never comes: the tag goes back. */
    @Test
    void shouldPutTouchedTagsBackWhenInterruptedWhileMoving() throws Exception {
        try (Setup setup = setUp("interrupt/put")) {
            AtomicBoolean firstPut = new AtomicBoolean(true);
            try (FaultInjectingProxy proxy = FaultInjectingProxy.following(plain.baseUrl(), (number, request) ->
                    request.startsWith("PUT ") && firstPut.getAndSet(false) ? Fault.STALL_BODY : Fault.NONE, HELD)) {
                Interrupted outcome = retagAndInterrupt(proxy, setup, () -> movedByRegistry(setup));

                assertThat(outcome.result().outcome()).as(String.join("\n", outcome.result().summary()))
                        .isEqualTo(RetagOutcome.NOTHING_MOVED);
                assertThat(outcome.result().summary().get(0)).contains("interrupted");
                assertThat(outcome.result().tags()).extracting(TagResult::outcome).containsOnly(TagOutcome.RESTORED);
                assertThat(outcome.interruptStatusKept()).isTrue();
            }
            assertTagsUnmoved(setup);
        }
    }

    private record Setup(String repository, Digest source, Digest previous, RegistryClient direct)
            implements AutoCloseable {
        ImageReference tag(String tag) {
            return ImageReference.parse(plain.hostPort() + "/" + repository + ":" + tag);
        }

        @Override
        public void close() {
            direct.close();
        }
    }

    private record Interrupted(RetagResult result, boolean interruptStatusKept) {
    }

    /**
     * {@code source} to be tagged prod and stage, which point at an older image now (a tag that did not exist
     * cannot be removed again on this registry, which cannot delete tags: RetaggerIT covers that report).
     */
    private static Setup setUp(String repository) {
        plain.pushBusyboxBase(repository, "base");
        RegistryClient direct = new RegistryClient(RegistryOptions.defaults(), CredentialsSource.anonymous());
        ImageReference base = ImageReference.parse(plain.hostPort() + "/" + repository + ":base");
        Digest source = variant(direct, base, "new", "source");
        Digest previous = variant(direct, base, "old", "prod");
        variant(direct, base, "old", "stage");
        return new Setup(repository, source, previous, direct);
    }

    private static boolean movedByRegistry(Setup setup) {
        Optional<String> moved = Optional.of(setup.source().toString());
        return TAGS.stream().anyMatch(tag -> digestOf(setup.direct(), setup.tag(tag)).equals(moved));
    }

    /**
     * Retags {@code source} to prod and stage through {@code proxy} on a thread of its own, interrupts that thread
     * once {@code ready} holds, and waits for the retag to end.
     */
    private static Interrupted retagAndInterrupt(FaultInjectingProxy proxy, Setup setup, BooleanSupplier ready)
            throws Exception {
        CompletableFuture<Interrupted> ended = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try (RegistryClient client = new RegistryClient(RegistryOptions.defaults(),
                    CredentialsSource.anonymous())) {
                RetagResult result = new Retagger(client).retag(RetagRequest.of(
                        List.of(proxy.hostPort() + "/" + setup.repository() + ":source"), TAGS, null), line -> { });
                ended.complete(new Interrupted(result, Thread.currentThread().isInterrupted()));
            } catch (RuntimeException e) {
                ended.completeExceptionally(e);
            }
        }, "retag to be interrupted");
        thread.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(ENDS_WITHIN_SECONDS);
        while (!ready.getAsBoolean()) {
            assertThat(System.nanoTime()).as("the held request reached the registry").isLessThan(deadline);
            Thread.sleep(20);
        }
        thread.interrupt();
        return ended.get(ENDS_WITHIN_SECONDS, TimeUnit.SECONDS);
    }

    private static void assertTagsUnmoved(Setup setup) {
        for (String tag : TAGS) {
            assertThat(digestOf(setup.direct(), setup.tag(tag))).as(tag).contains(setup.previous().toString());
        }
    }
}
