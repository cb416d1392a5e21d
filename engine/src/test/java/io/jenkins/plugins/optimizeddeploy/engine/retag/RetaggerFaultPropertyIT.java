package io.jenkins.plugins.optimizeddeploy.engine.retag;

import static io.jenkins.plugins.optimizeddeploy.engine.retag.RetagFixtures.digestOf;
import static io.jenkins.plugins.optimizeddeploy.engine.retag.RetagFixtures.quickOptions;
import static io.jenkins.plugins.optimizeddeploy.engine.retag.RetagFixtures.variant;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.optimizeddeploy.engine.image.Digest;
import io.jenkins.plugins.optimizeddeploy.engine.image.ImageReference;
import io.jenkins.plugins.optimizeddeploy.engine.registry.RegistryClient;
import io.jenkins.plugins.optimizeddeploy.engine.registry.auth.CredentialsSource;
import io.jenkins.plugins.optimizeddeploy.testsupport.FaultInjectingProxy.Fault;
import io.jenkins.plugins.optimizeddeploy.testsupport.FaultInjectingProxy;
import io.jenkins.plugins.optimizeddeploy.testsupport.RegistryFlavour;
import io.jenkins.plugins.optimizeddeploy.testsupport.RunningRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Whatever faults hit a retag's requests, every target tag ends at its new digest, all of them, or at its previous
 * one, all of them, never a mix; and no tag points at a manifest whose bytes differ from its source's.
 *
 * <p>jqwik generates the fault schedules and shrinks a failing one to the fewest, shortest bursts. One real registry
 * and one fault-injecting proxy in front of it serve every try: each try tells the proxy its schedule, counted from
 * the try's first request. jqwik runs no Jupiter extensions, so the registry is started before this container and
 * stopped after it, whether the properties held or not.
 */
class RetaggerFaultPropertyIT {
    /** Longer than the one second request timeout of {@link RetagFixtures#quickOptions()}. */
    private static final Duration STALL = Duration.ofMillis(1500);
    private static final List<String> TAGS = List.of("latest", "prod");
    private static final AtomicInteger RUNS = new AtomicInteger();

    private static RunningRegistry registry;
    private static FaultInjectingProxy proxy;
    private static volatile ScheduledTry current = new ScheduledTry(new FaultSchedule(0, List.of()), 0);

    @BeforeContainer
    static void startRegistryAndProxy() {
        registry = RunningRegistry.start(RegistryFlavour.PLAIN);
        proxy = FaultInjectingProxy.following(registry.baseUrl(), (number, request) -> current.faultFor(number), STALL);
    }

    @AfterContainer
    static void stopProxyAndRegistry() {
        try {
            if (proxy != null) {
                proxy.close();
            }
        } finally {
            if (registry != null) {
                registry.close();
            }
        }
    }

    /** 2 images to 2 tags each within their repositories, every tag pointing at an older image before. */
    @Property(tries = 40, shrinking = ShrinkingMode.BOUNDED)
    void shouldMoveAllTagsOrPutAllBack(@ForAll("schedules") FaultSchedule schedule) {
        retagUnder(schedule, Layout.SAME_REPOSITORY);
    }

    /** 1 image to 2 new tags in another repository: all there, or none (its manifest deleted again). */
    @Property(tries = 20, shrinking = ShrinkingMode.BOUNDED)
    void shouldMoveAllTagsIntoAnotherRepositoryOrRemoveAllAgain(@ForAll("schedules") FaultSchedule schedule) {
        retagUnder(schedule, Layout.ANOTHER_REPOSITORY);
    }

    @Provide
    Arbitrary<FaultSchedule> schedules() {
        return Combinators.combine(Arbitraries.integers().between(0, 16), faultSequences()).as(FaultSchedule::new);
    }

    /**
     * Faults for the first requests of a retag of 2 images to 2 tags each (about 16 requests without faults), in
     * bursts: a fault repeated 3 or 4 times outlasts the client's 2 retries and fails the step it hits, so some
     * schedules end in a rollback, itself under fire.
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

    private enum Layout {
        SAME_REPOSITORY, ANOTHER_REPOSITORY
    }

    /** {@code faults} on a retag's requests from number {@code first} on (the first ones read; later ones write). */
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

    /** The schedule of the try under way, whose first request is the proxy's request number {@code offset}. */
    private record ScheduledTry(FaultSchedule schedule, int offset) {
        Fault faultFor(int number) {
            return schedule.faultFor(number - offset);
        }
    }

    private void retagUnder(FaultSchedule schedule, Layout layout) {
        int run = RUNS.incrementAndGet();
        try (RegistryClient direct = new RegistryClient(quickOptions(), CredentialsSource.anonymous());
                RegistryClient client = new RegistryClient(quickOptions(), CredentialsSource.anonymous())) {
            List<String> sources = new ArrayList<>();
            Map<ImageReference, String> previous = new HashMap<>();
            Map<ImageReference, String> expected = new HashMap<>();
            String to = null;
            List<String> services = layout == Layout.SAME_REPOSITORY ? List.of("web", "worker") : List.of("web");
            for (String service : services) {
                String repository = "property/" + run + "/" + service;
                ImageReference base = ImageReference.parse(registry.pushBusyboxBase(repository, "base"));
                Digest release = variant(direct, base, "release-" + run, "abc123");
                ImageReference targetRepository = layout == Layout.SAME_REPOSITORY ? base
                        : ImageReference.parse(registry.hostPort() + "/property/" + run + "/promoted");
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
            current = new ScheduledTry(schedule, proxy.requests());

            RetagResult result = new Retagger(client).retag(RetagRequest.of(sources, TAGS, to), line -> { });

            Map<ImageReference, String> now = new HashMap<>();
            expected.keySet().forEach(target -> now.put(target, digestOf(direct, target).orElse("")));
            String report = schedule + "\n" + String.join("\n", result.summary());
            assertThat(now).as("every tag moved or every tag as before\n" + report).isIn(expected, previous);
            assertThat(now).as("what the result says\n" + report).isEqualTo(result.moved() ? expected : previous);
            assertThat(result.outcome()).as(report).isNotEqualTo(RetagOutcome.ROLLBACK_INCOMPLETE);
            String sourceRepository = ImageReference.parse(sources.get(0)).repository();
            for (ImageReference target : expected.keySet()) {
                String tag = target.tag().orElseThrow();
                if (now.get(target).equals(expected.get(target))) {
                    // Byte for byte and with its media type, what the source is (a digest is the hash of the bytes).
                    String from = layout == Layout.SAME_REPOSITORY ? target.repository() : sourceRepository;
                    assertThat(registry.manifest(target.repository(), tag)).as(report)
                            .isEqualTo(registry.manifest(from, "abc123"));
                }
            }
            sources.forEach(source -> assertThat(digestOf(direct, ImageReference.parse(registry.hostPort() + "/"
                    + ImageReference.parse(source).repository() + ":abc123"))).as("the source stays").isPresent());
        }
    }
}
