package io.jenkins.plugins.optimizeddeploy.engine.registry;

import static io.jenkins.plugins.optimizeddeploy.engine.registry.RetagFixtures.digestOf;
import static io.jenkins.plugins.optimizeddeploy.engine.registry.RetagFixtures.quickOptions;
import static io.jenkins.plugins.optimizeddeploy.engine.registry.RetagFixtures.variant;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.optimizeddeploy.engine.image.Digest;
import io.jenkins.plugins.optimizeddeploy.engine.image.ImageReference;
import io.jenkins.plugins.optimizeddeploy.engine.registry.FaultInjectingProxy.Fault;
import io.jenkins.plugins.optimizeddeploy.testsupport.RegistryExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Faults between the client and a real registry: each kind once on every kind of request (the retag still moves
 * every tag), and many random fault sequences (every target tag ends at its new digest, all of them, or at its
 * previous one, all of them; no manifest ever differs from its source's).
 */
class RetaggerFaultTest {
    @RegisterExtension
    static final RegistryExtension plain = RegistryExtension.plain();

    /** Longer than the one second request timeout of {@link RetagFixtures#quickOptions()}. */
    private static final Duration STALL = Duration.ofMillis(1500);
    private static final List<String> TAGS = List.of("latest", "prod");
    private static final AtomicInteger RUNS = new AtomicInteger();
    private static final int SEQUENCES = 40;

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void shouldRetryThroughAFaultOnEveryKindOfRequest(Fault fault) {
        String repository = "fault/" + fault.name().toLowerCase().replace('_', '-');
        plain.pushBusyboxBase(repository, "abc123");
        plain.pushBusyboxBase(repository, "old");
        variant(new RegistryClient(quickOptions(), CredentialsSource.anonymous()),
                ImageReference.parse(plain.hostPort() + "/" + repository + ":old"), "old", "prod");
        Map<String, AtomicInteger> seen = new HashMap<>();
        // The first request of each kind (ping, manifest GET, HEAD, PUT) gets the fault once.
        try (FaultInjectingProxy proxy = FaultInjectingProxy.following(plain.baseUrl(), (number, request) -> {
            String kind = request.substring(0, request.indexOf(' ')) + (request.contains("/manifests/") ? " m" : "");
            return seen.computeIfAbsent(kind, k -> new AtomicInteger()).getAndIncrement() == 0 ? fault : Fault.NONE;
        }, STALL)) {
            RegistryClient client = new RegistryClient(quickOptions(), CredentialsSource.anonymous());

            RetagResult result = new Retagger(client).retag(RetagRequest.of(
                    List.of(proxy.hostPort() + "/" + repository + ":abc123"), TAGS, null), line -> { });

            assertThat(result.outcome()).as(String.join("\n", result.summary())).isEqualTo(RetagOutcome.MOVED);
            assertThat(proxy.injected()).as("GET /v2/, manifest GET, HEAD, PUT").hasSize(4);
        }
        for (String tag : TAGS) {
            assertThat(plain.manifest(repository, tag)).isEqualTo(plain.manifest(repository, "abc123"));
        }
    }

    /**
     * jqwik generates the fault sequences; JUnit Jupiter runs them, as the real registry is a Jupiter extension
     * (jqwik runs no Jupiter extensions). Each test is named by its sequence, which reproduces it. Here: 2 images
     * to 2 tags each within their repositories, every tag pointing at an older image before.
     */
    @TestFactory
    Stream<DynamicTest> shouldMoveAllTagsOrPutAllBack() {
        return schedules(SEQUENCES).map(schedule -> DynamicTest.dynamicTest(schedule.toString(),
                () -> retagUnder(schedule, Layout.SAME_REPOSITORY)));
    }

    /** As above for 1 image to 2 new tags in another repository: all there, or none (its manifest deleted again). */
    @TestFactory
    Stream<DynamicTest> shouldMoveAllTagsIntoAnotherRepositoryOrRemoveAllAgain() {
        return schedules(SEQUENCES / 2).map(schedule -> DynamicTest.dynamicTest(schedule.toString(),
                () -> retagUnder(schedule, Layout.ANOTHER_REPOSITORY)));
    }

    private static Stream<FaultSchedule> schedules(int count) {
        return Combinators.combine(Arbitraries.integers().between(0, 16), faultSequences()).as(FaultSchedule::new)
                .sampleStream().limit(count);
    }

    private enum Layout {
        SAME_REPOSITORY, ANOTHER_REPOSITORY
    }

    /** {@code faults} on the requests from number {@code first} on (the first ones read; later ones write). */
    private record FaultSchedule(int first, List<Fault> faults) {
        Fault faultFor(int number) {
            int index = number - first;
            return index >= 0 && index < faults.size() ? faults.get(index) : Fault.NONE;
        }

        @Override
        public String toString() {
            return "from request " + first + ": " + faults;
        }
    }

    private void retagUnder(FaultSchedule schedule, Layout layout) {
        int run = RUNS.incrementAndGet();
        RegistryClient direct = new RegistryClient(quickOptions(), CredentialsSource.anonymous());
        List<String> sources = new ArrayList<>();
        Map<ImageReference, String> previous = new HashMap<>();
        Map<ImageReference, String> expected = new HashMap<>();
        String to = null;
        try (FaultInjectingProxy proxy = FaultInjectingProxy.following(plain.baseUrl(),
                (number, request) -> schedule.faultFor(number), STALL)) {
            List<String> services = layout == Layout.SAME_REPOSITORY ? List.of("web", "worker") : List.of("web");
            for (String service : services) {
                String repository = "property/" + run + "/" + service;
                ImageReference base = ImageReference.parse(plain.pushBusyboxBase(repository, "base"));
                Digest release = variant(direct, base, "release-" + run, "abc123");
                ImageReference targetRepository = layout == Layout.SAME_REPOSITORY ? base
                        : ImageReference.parse(plain.hostPort() + "/property/" + run + "/promoted");
                for (String tag : TAGS) {
                    ImageReference target = targetRepository.withTag(tag);
                    previous.put(target, layout == Layout.SAME_REPOSITORY
                            ? variant(direct, base, "old-" + tag + "-" + run, tag).toString() : "");
                    expected.put(target, release.toString());
                }
                sources.add(proxy.hostPort() + "/" + repository + ":abc123");
                if (layout == Layout.ANOTHER_REPOSITORY) {
                    to = proxy.hostPort() + "/" + targetRepository.repository();
                }
            }
            RegistryClient client = new RegistryClient(quickOptions(), CredentialsSource.anonymous());

            RetagResult result = new Retagger(client).retag(RetagRequest.of(sources, TAGS, to), line -> { });

            Map<ImageReference, String> now = new HashMap<>();
            expected.keySet().forEach(target -> now.put(target, digestOf(direct, target).orElse("")));
            String report = schedule + "\n" + String.join("\n", result.summary());
            assertThat(result.outcome()).as(report).isNotEqualTo(RetagOutcome.ROLLBACK_INCOMPLETE);
            assertThat(now).as(report).isEqualTo(result.moved() ? expected : previous);
            if (result.moved()) {
                // Byte for byte and with its media type, what the source is (a digest is the hash of the bytes).
                for (ImageReference target : expected.keySet()) {
                    String sourceRepository = layout == Layout.SAME_REPOSITORY ? target.repository()
                            : ImageReference.parse(sources.get(0)).repository();
                    assertThat(plain.manifest(target.repository(), target.tag().orElseThrow())).as(report)
                            .isEqualTo(plain.manifest(sourceRepository, "abc123"));
                }
            }
            sources.forEach(source -> assertThat(digestOf(direct, ImageReference.parse(plain.hostPort() + "/"
                    + ImageReference.parse(source).repository() + ":abc123"))).as("the source stays").isPresent());
        }
    }

    /**
     * Faults for the first requests of a retag of 2 images to 2 tags each (about 16 requests without faults), in
     * bursts: a fault repeated 3 or 4 times outlasts the client's 2 retries and fails the step it hits, so some
     * sequences end in a rollback, itself under fire.
     */
    private static Arbitrary<List<Fault>> faultSequences() {
        Arbitrary<Fault> fault = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.just(Fault.NONE)),
                Tuple.of(3, Arbitraries.of(Fault.RESET)),
                Tuple.of(3, Arbitraries.of(Fault.STATUS_500, Fault.STATUS_502, Fault.STATUS_503)),
                Tuple.of(2, Arbitraries.of(Fault.TOO_MANY_REQUESTS)),
                Tuple.of(1, Arbitraries.of(Fault.STALL, Fault.STALL_BODY)),
                Tuple.of(3, Arbitraries.of(Fault.TRUNCATE)));
        Arbitrary<List<Fault>> burst = Combinators.combine(fault, Arbitraries.integers().between(1, 4))
                .as((kind, times) -> Collections.nCopies(kind == Fault.NONE ? times * 2 : times, kind));
        // At most 6 bursts of 4: 24 faults, fewer than it takes to defeat the 10 patient attempts of a rollback.
        return burst.list().ofMaxSize(6).map(bursts -> bursts.stream().flatMap(List::stream).toList());
    }
}
