package io.jenkins.plugins.optimizeddeploy.engine.registry;

import static io.jenkins.plugins.optimizeddeploy.engine.registry.RetagFixtures.quickOptions;
import static io.jenkins.plugins.optimizeddeploy.engine.registry.RetagFixtures.variant;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.optimizeddeploy.engine.image.ImageReference;
import io.jenkins.plugins.optimizeddeploy.testsupport.FaultInjectingProxy.Fault;
import io.jenkins.plugins.optimizeddeploy.testsupport.FaultInjectingProxy;
import io.jenkins.plugins.optimizeddeploy.testsupport.RegistryExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Faults between the client and a real registry, each kind once on every kind of request: the retag still moves
 * every tag. Random fault sequences are {@link RetaggerFaultPropertyTest}'s.
 */
class RetaggerFaultTest {
    @RegisterExtension
    static final RegistryExtension plain = RegistryExtension.plain();

    /** Longer than the one second request timeout of {@link RetagFixtures#quickOptions()}. */
    private static final Duration STALL = Duration.ofMillis(1500);
    private static final List<String> TAGS = List.of("latest", "prod");

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
}
