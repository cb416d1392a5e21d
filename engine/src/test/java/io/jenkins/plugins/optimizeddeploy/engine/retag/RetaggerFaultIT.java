package io.jenkins.plugins.optimizeddeploy.engine.retag;

import static io.jenkins.plugins.optimizeddeploy.engine.retag.RetagFixtures.failingPutOf;
import static io.jenkins.plugins.optimizeddeploy.engine.retag.RetagFixtures.quickOptions;
import static io.jenkins.plugins.optimizeddeploy.engine.retag.RetagFixtures.variant;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.optimizeddeploy.engine.image.ImageReference;
import io.jenkins.plugins.optimizeddeploy.engine.registry.RegistryClient;
import io.jenkins.plugins.optimizeddeploy.engine.registry.RegistryOptions;
import io.jenkins.plugins.optimizeddeploy.engine.registry.auth.CredentialsSource;
import io.jenkins.plugins.optimizeddeploy.testsupport.FaultInjectingProxy.Fault;
import io.jenkins.plugins.optimizeddeploy.testsupport.FaultInjectingProxy.FaultPlan;
import io.jenkins.plugins.optimizeddeploy.testsupport.FaultInjectingProxy;
import io.jenkins.plugins.optimizeddeploy.testsupport.RegistryExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Faults between the client and a real registry, each kind once on every kind of request: the retag still moves
 * every tag; and a write that reaches the registry after the rollback. Random fault sequences are
 * {@link RetaggerFaultPropertyIT}'s.
 */
class RetaggerFaultIT {
    @RegisterExtension
    static final RegistryExtension plain = RegistryExtension.plain();

    /** Longer than the one second request timeout of {@link RetagFixtures#quickOptions()}. */
    private static final Duration STALL = Duration.ofMillis(1500);
    private static final List<String> TAGS = List.of("latest", "prod");
    /** Past the client's timeout and its retry, and after the rollback, before the last check of the put back tags. */
    private static final Duration LATE_WRITE = Duration.ofMillis(2000);

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void shouldRetryThroughAFaultOnEveryKindOfRequest(Fault fault) {
        String repository = "fault/" + fault.name().toLowerCase().replace('_', '-');
        plain.pushBusyboxBase(repository, "abc123");
        plain.pushBusyboxBase(repository, "old");
        try (RegistryClient direct = new RegistryClient(quickOptions(), CredentialsSource.anonymous())) {
            variant(direct, ImageReference.parse(plain.hostPort() + "/" + repository + ":old"), "old", "prod");
        }
        Map<String, AtomicInteger> seen = new ConcurrentHashMap<>();
        // The first request of each kind (ping, manifest GET, HEAD, PUT) gets the fault once; GET and HEAD come in
        // parallel.
        try (FaultInjectingProxy proxy = FaultInjectingProxy.following(plain.baseUrl(), (number, request) -> {
            String kind = request.substring(0, request.indexOf(' ')) + (request.contains("/manifests/") ? " m" : "");
            return seen.computeIfAbsent(kind, k -> new AtomicInteger()).getAndIncrement() == 0 ? fault : Fault.NONE;
        }, STALL);
                RegistryClient client = new RegistryClient(quickOptions(), CredentialsSource.anonymous())) {
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
     * The first PUT of latest is held in the network past the client's timeout; the client sends it again, which
     * moves the tag; prod cannot be written, so latest is put back; then the held PUT reaches the registry and moves
     * latest once more. The retag watches the tags it put back and puts latest back again.
     */
    @Test
    void shouldPutBackATagThatAWriteArrivingLateMovedAgain() throws Exception {
        String repository = "fault/late-write";
        ImageReference base = ImageReference.parse(plain.pushBusyboxBase(repository, "abc123"));
        Map<String, String> before = new ConcurrentHashMap<>();
        try (RegistryClient direct = new RegistryClient(quickOptions(), CredentialsSource.anonymous())) {
            for (String tag : TAGS) {
                before.put(tag, variant(direct, base, "old-" + tag, tag).toString());
            }
        }
        AtomicInteger latestPuts = new AtomicInteger();
        FaultPlan prodFails = failingPutOf(repository + ":prod");
        // Checks of the tags put back after 0.4, 0.8 and 1.6 s; the held PUT lands while they are under way.
        RegistryOptions options = RegistryOptions.builder().maxRetries(2).initialBackoff(Duration.ofMillis(400))
                .maxBackoff(Duration.ofMillis(1600)).requestTimeout(Duration.ofSeconds(1)).build();
        List<String> log = new CopyOnWriteArrayList<>();
        long start = System.nanoTime();
        try (FaultInjectingProxy proxy = FaultInjectingProxy.following(plain.baseUrl(), (number, request) -> {
            if (request.startsWith("PUT /v2/" + repository + "/manifests/latest")) {
                return latestPuts.getAndIncrement() == 0 ? Fault.DELAY : Fault.NONE;
            }
            return prodFails.faultFor(number, request);
        }, LATE_WRITE);
                RegistryClient client = new RegistryClient(options, CredentialsSource.anonymous())) {
            RetagResult result = new Retagger(client).retag(RetagRequest.of(
                    List.of(proxy.hostPort() + "/" + repository + ":abc123"), TAGS, null), log::add);

            String report = String.join("\n", result.summary()) + "\n" + String.join("\n", log);
            assertThat(result.outcome()).as(report).isEqualTo(RetagOutcome.NOTHING_MOVED);
            // Whatever the retag said, the tags are read once the held PUT has surely landed.
            Thread.sleep(Math.max(0, LATE_WRITE.plusMillis(500).toMillis()
                    - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)));
            for (String tag : TAGS) {
                assertThat(plain.manifest(repository, tag).digest()).as(tag + "\n" + report)
                        .isEqualTo(before.get(tag));
            }
            assertThat(log).as(report).anyMatch(line -> line.contains(repository + ":latest points at")
                    && line.contains("again"));
        }
    }
}
