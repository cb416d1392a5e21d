package io.jenkins.plugins.optimizeddeploy.engine.retag;

import static io.jenkins.plugins.optimizeddeploy.engine.retag.RetagFixtures.digestOf;
import static io.jenkins.plugins.optimizeddeploy.engine.retag.RetagFixtures.failingPutOf;
import static io.jenkins.plugins.optimizeddeploy.engine.retag.RetagFixtures.quickOptions;
import static io.jenkins.plugins.optimizeddeploy.engine.retag.RetagFixtures.variant;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.optimizeddeploy.engine.image.Digest;
import io.jenkins.plugins.optimizeddeploy.engine.image.ImageReference;
import io.jenkins.plugins.optimizeddeploy.engine.inspect.ImageInspection;
import io.jenkins.plugins.optimizeddeploy.engine.inspect.ImageInspector;
import io.jenkins.plugins.optimizeddeploy.engine.inspect.PlatformImage;
import io.jenkins.plugins.optimizeddeploy.engine.registry.Manifest;
import io.jenkins.plugins.optimizeddeploy.engine.registry.ManifestMediaType;
import io.jenkins.plugins.optimizeddeploy.engine.registry.RegistryClient;
import io.jenkins.plugins.optimizeddeploy.engine.registry.RegistryException;
import io.jenkins.plugins.optimizeddeploy.engine.registry.RegistryOptions;
import io.jenkins.plugins.optimizeddeploy.engine.registry.RequestKind;
import io.jenkins.plugins.optimizeddeploy.engine.registry.auth.CountingCredentials;
import io.jenkins.plugins.optimizeddeploy.engine.registry.auth.CredentialsSource;
import io.jenkins.plugins.optimizeddeploy.engine.registry.auth.RegistryCredentials;
import io.jenkins.plugins.optimizeddeploy.testsupport.FaultInjectingProxy;
import io.jenkins.plugins.optimizeddeploy.testsupport.RegistryExtension;
import io.jenkins.plugins.optimizeddeploy.testsupport.RegistryFlavour;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Retagging against real registries: same repository, another repository, another registry, indexes, auth. */
class RetaggerIT {
    @RegisterExtension
    static final RegistryExtension plain = RegistryExtension.plain();
    @RegisterExtension
    static final RegistryExtension basic = RegistryExtension.basicAuth();
    @RegisterExtension
    static final RegistryExtension token = RegistryExtension.tokenAuth();

    private final List<String> log = new ArrayList<>();

    private static RegistryClient anonymous() {
        return new RegistryClient(quickOptions(), CredentialsSource.anonymous());
    }

    private static RegistryClient loggedInTo(RegistryExtension registry) {
        RegistryCredentials credentials = new RegistryCredentials(registry.username(), registry.password());
        // The token registry's token server speaks https with a certificate of its own.
        RegistryOptions options = registry.flavour() == RegistryFlavour.TOKEN_AUTH
                ? quickOptions().toBuilder().caCertificate(registry.caCertificate()).build()
                : quickOptions();
        return new RegistryClient(options,
                host -> host.equals(registry.hostPort()) ? Optional.of(credentials) : Optional.empty());
    }

    private RetagResult retag(RegistryClient client, List<String> sources, List<String> tags, String to) {
        return new Retagger(client).retag(RetagRequest.of(sources, tags, to), log::add);
    }

    @Test
    void shouldMoveEveryTagWithinTheRepositoryByteForByte() {
        try (RegistryClient client = anonymous()) {
            ImageReference web = ImageReference.parse(plain.pushBusyboxBase("same/web", "abc123"));
            ImageReference worker = ImageReference.parse(plain.pushBusyboxBase("same/worker", "abc123"));
            Digest oldProd = variant(client, web, "old", "prod");

            RetagResult result = retag(client, List.of(web.toString(), worker.toString()), List.of("latest", "prod"),
                    null);

            assertThat(result.outcome()).as(String.join("\n", result.summary())).isEqualTo(RetagOutcome.MOVED);
            String sourceDigest = plain.manifest("same/web", "abc123").digest();
            for (String repository : List.of("same/web", "same/worker")) {
                for (String tag : List.of("latest", "prod")) {
                    assertThat(plain.manifest(repository, tag)).isEqualTo(plain.manifest(repository, "abc123"));
                }
            }
            assertThat(result.images()).extracting(RetaggedImage::digest).containsOnly(Digest.parse(sourceDigest));
            assertThat(result.images().get(0).tags()).containsExactly(
                    ImageReference.parse(plain.hostPort() + "/same/web:latest"),
                    ImageReference.parse(plain.hostPort() + "/same/web:prod"));
            assertThat(result.tags()).filteredOn(tag -> tag.target().toString().endsWith("same/web:prod"))
                    .singleElement().satisfies(tag -> assertThat(tag.previousDigest()).isEqualTo(oldProd));
            assertThat(result.traffic().blobBytes()).isZero();
        }
    }

    @Test
    void shouldLeaveATagThatPointsAtTheSourceAlreadyUnwritten() {
        try (RegistryClient client = anonymous()) {
            ImageReference web = ImageReference.parse(plain.pushBusyboxBase("already/web", "abc123"));
            plain.pushBusyboxBase("already/web", "latest");

            RetagResult result = retag(client, List.of(web.toString()), List.of("latest"), null);

            assertThat(result.outcome()).isEqualTo(RetagOutcome.MOVED);
            assertThat(result.tags()).singleElement()
                    .satisfies(tag -> assertThat(tag.outcome()).isEqualTo(TagOutcome.ALREADY_THERE));
            assertThat(result.requests(RequestKind.MANIFEST_PUT)).isZero();
        }
    }

    @Test
    void shouldSendOneManifestGetPerSourceAndOneHeadAndOnePutPerTagAndOneTokenPerRepository() {
        List<String> repositories = List.of("count/web", "count/worker", "count/docs");
        List<String> tags = List.of("latest", "prod", "stable", "v1");
        CountingCredentials credentials = new CountingCredentials(token.username(), token.password());
        try (FaultInjectingProxy proxy = FaultInjectingProxy.transparent(token);
                RegistryClient client = new RegistryClient(quickOptions(), credentials)) {
            List<String> sources = new ArrayList<>();
            for (String repository : repositories) {
                token.pushBusyboxBase(repository, "abc123");
                sources.add(proxy.hostPort() + "/" + repository + ":abc123");
            }

            RetagResult result = retag(client, sources, tags, null);

            assertThat(result.outcome()).as(String.join("\n", result.summary())).isEqualTo(RetagOutcome.MOVED);
            for (String repository : repositories) {
                assertThat(proxy.count("GET /v2/" + repository + "/manifests/")).as(repository).isEqualTo(1);
                assertThat(proxy.count("HEAD /v2/" + repository + "/manifests/")).as(repository)
                        .isEqualTo(tags.size());
                assertThat(proxy.count("PUT /v2/" + repository + "/manifests/")).as(repository)
                        .isEqualTo(tags.size());
                assertThat(proxy.count("GET /token-relay?service=optimized-deploy-test-registry&scope=repository%3A"
                        + repository.replace("/", "%2F") + "%3Apull%2Cpush")).as(repository).isEqualTo(1);
            }
            assertThat(proxy.log()).noneMatch(request -> request.contains("/blobs/"));
            assertThat(proxy.log()).as("one ping, though the sources are read in parallel")
                    .filteredOn(request -> request.equals("GET /v2/")).hasSize(1);
            assertThat(proxy.count("GET /token-relay")).as("one token per repository and access")
                    .isEqualTo(repositories.size());
            assertThat(result.requests(RequestKind.MANIFEST_GET)).isEqualTo(repositories.size());
            assertThat(result.requests(RequestKind.MANIFEST_HEAD)).isEqualTo(repositories.size() * tags.size());
            assertThat(result.requests(RequestKind.MANIFEST_PUT)).isEqualTo(repositories.size() * tags.size());
            assertThat(result.requests(RequestKind.TOKEN)).isEqualTo(repositories.size());
        }
    }

    @Test
    void shouldMountTheBlobsIntoAnotherRepositoryWithoutReadingThem() {
        try (FaultInjectingProxy proxy = FaultInjectingProxy.transparent(plain);
                RegistryClient client = anonymous()) {
            plain.pushBusyboxBase("mount/from", "abc123");

            RetagResult result = retag(client, List.of(proxy.hostPort() + "/mount/from:abc123"),
                    List.of("latest", "prod"), proxy.hostPort() + "/mount/to");

            assertThat(result.outcome()).as(String.join("\n", result.summary())).isEqualTo(RetagOutcome.MOVED);
            assertThat(proxy.count("POST /v2/mount/to/blobs/uploads/?mount=")).as("config and layer").isEqualTo(2);
            assertThat(proxy.log()).noneMatch(request -> request.startsWith("GET /v2/mount/from/blobs/"));
            assertThat(result.traffic().blobBytes()).isZero();
            for (String tag : List.of("latest", "prod")) {
                assertThat(plain.manifest("mount/to", tag)).isEqualTo(plain.manifest("mount/from", "abc123"));
            }
        }
    }

    @Test
    void shouldMountAnIndexAndItsPlatformsIntoAnotherRepositoryWithOneTokenForBothRepositories() {
        try (FaultInjectingProxy proxy = FaultInjectingProxy.transparent(token);
                RegistryClient client = new RegistryClient(quickOptions(),
                        new CountingCredentials(token.username(), token.password()))) {
            token.pushBusyboxIndex("mount-index/from", "abc123");

            RetagResult result = retag(client, List.of(proxy.hostPort() + "/mount-index/from:abc123"),
                    List.of("latest"), proxy.hostPort() + "/mount-index/to");

            assertThat(result.outcome()).as(String.join("\n", result.summary())).isEqualTo(RetagOutcome.MOVED);
            assertThat(token.manifest("mount-index/to", "latest")).isEqualTo(token.manifest("mount-index/from", "abc123"));
            assertThat(proxy.count("POST /v2/mount-index/to/blobs/uploads/?mount=")).as("2 configs, the layer twice")
                    .isEqualTo(4);
            assertThat(proxy.count("PUT /v2/mount-index/to/manifests/sha256:")).as("both platforms").isEqualTo(2);
            assertThat(proxy.log()).noneMatch(request -> request.startsWith("GET /v2/mount-index/from/blobs/"))
                    .noneMatch(request -> request.startsWith("PUT /v2/mount-index/to/blobs/"));
            assertThat(proxy.count("GET /token-relay?service=optimized-deploy-test-registry&scope="
                    + "repository%3Amount-index%2Fto%3Apull%2Cpush+repository%3Amount-index%2Ffrom%3Apull"))
                    .as("the mount's token, asked for once").isEqualTo(1);
        }
    }

    @Test
    void shouldStartABlobCopyAfreshWhenTheUploadOrTheSourceBreaksOff() {
        plain.pushBusyboxBase("stream-fault/web", "abc123");
        AtomicInteger uploads = new AtomicInteger();
        AtomicInteger reads = new AtomicInteger();
        RegistryCredentials credentials = new RegistryCredentials(basic.username(), basic.password());
        try (FaultInjectingProxy source = FaultInjectingProxy.following(plain.baseUrl(), (number, request) ->
                        request.startsWith("GET /v2/stream-fault/web/blobs/") && reads.getAndIncrement() == 0
                                ? FaultInjectingProxy.Fault.TRUNCATE : FaultInjectingProxy.Fault.NONE, Duration.ZERO);
                FaultInjectingProxy target = FaultInjectingProxy.following(basic.baseUrl(), (number, request) ->
                        request.startsWith("PUT /v2/stream-fault/copy/blobs/uploads/")
                                && uploads.getAndIncrement() == 0
                                ? FaultInjectingProxy.Fault.RESET : FaultInjectingProxy.Fault.NONE, Duration.ZERO);
                RegistryClient client = new RegistryClient(quickOptions(),
                        host -> host.equals(target.hostPort()) ? Optional.of(credentials) : Optional.empty())) {
            RetagResult result = retag(client, List.of(source.hostPort() + "/stream-fault/web:abc123"),
                    List.of("latest"), target.hostPort() + "/stream-fault/copy");

            assertThat(result.outcome()).as(String.join("\n", result.summary())).isEqualTo(RetagOutcome.MOVED);
            assertThat(source.injected()).containsExactly(FaultInjectingProxy.Fault.TRUNCATE);
            assertThat(target.injected()).containsExactly(FaultInjectingProxy.Fault.RESET);
        }
        assertThat(basic.manifest("stream-fault/copy", "latest")).isEqualTo(plain.manifest("stream-fault/web", "abc123"));
    }

    @Test
    void shouldStreamTheBlobsToAnotherRegistry() {
        ImageReference source = ImageReference.parse(plain.pushBusyboxBase("cross/web", "abc123"));
        try (RegistryClient client = loggedInTo(basic)) {
            RetagResult result = retag(client, List.of(source.toString()), List.of("latest"),
                    basic.hostPort() + "/promoted/web");

            assertThat(result.outcome()).as(String.join("\n", result.summary())).isEqualTo(RetagOutcome.MOVED);
            assertThat(basic.manifest("promoted/web", "latest")).isEqualTo(plain.manifest("cross/web", "abc123"));
            assertThat(result.traffic().blobBytes()).isPositive();
            assertThat(result.requests(RequestKind.BLOB_GET)).as("config and layer").isEqualTo(2);
        }
    }

    @Test
    void shouldMoveAMultiPlatformIndexIntactToAnotherRegistry() {
        ImageReference source = ImageReference.parse(plain.pushBusyboxIndex("index/web", "abc123"));
        try (RegistryClient client = loggedInTo(token)) {
            RetagResult result = retag(client, List.of(source.toString()), List.of("latest", "prod"),
                    token.hostPort() + "/index/promoted");

            assertThat(result.outcome()).as(String.join("\n", result.summary())).isEqualTo(RetagOutcome.MOVED);
            assertThat(token.manifest("index/promoted", "prod")).isEqualTo(plain.manifest("index/web", "abc123"));
            ImageInspection inspection = new ImageInspector(client)
                    .inspect(ImageReference.parse(token.hostPort() + "/index/promoted:latest"));
            assertThat(inspection.platforms()).extracting(PlatformImage::platform)
                    .containsExactlyInAnyOrder("linux/amd64", "linux/arm64/v8");
        }
    }

    @Test
    void shouldMoveAMultiPlatformIndexWithinItsRepository() {
        ImageReference source = ImageReference.parse(basic.pushBusyboxIndex("index/same", "abc123"));

        try (RegistryClient client = loggedInTo(basic)) {
            RetagResult result = retag(client, List.of(source.toString()), List.of("latest"), null);

            assertThat(result.outcome()).isEqualTo(RetagOutcome.MOVED);
            assertThat(basic.manifest("index/same", "latest")).isEqualTo(basic.manifest("index/same", "abc123"));
            assertThat(result.images()).singleElement().satisfies(image ->
                    assertThat(image.mediaType()).isEqualTo(ManifestMediaType.OCI_INDEX.value()));
        }
    }

    @Test
    void shouldRetagWithTokensAndWithBasicCredentials() {
        for (RegistryExtension registry : List.of(basic, token)) {
            ImageReference source = ImageReference.parse(registry.pushBusyboxBase("auth/web", "abc123"));

            try (RegistryClient client = loggedInTo(registry)) {
                RetagResult result = retag(client, List.of(source.toString()), List.of("latest"), null);

                assertThat(result.outcome()).as(registry.flavour() + "\n" + result.summary())
                        .isEqualTo(RetagOutcome.MOVED);
                assertThat(registry.manifest("auth/web", "latest")).isEqualTo(registry.manifest("auth/web", "abc123"));
            }
        }
    }

    @Test
    void shouldPutEveryTouchedTagBackWhenOneCannotBeWritten() {
        try (RegistryClient direct = anonymous()) {
            ImageReference web = ImageReference.parse(plain.pushBusyboxBase("rollback/web", "abc123"));
            Digest oldLatest = variant(direct, web, "old-latest", "latest");
            Digest oldProd = variant(direct, web, "old-prod", "prod");
            // The first attempt and both retries of the move fail; putting the old manifest back goes through.
            try (FaultInjectingProxy proxy = FaultInjectingProxy.following(plain.baseUrl(),
                    failingPutOf("rollback/web:prod"), Duration.ZERO);
                    RegistryClient client = anonymous()) {
                RetagResult result = retag(client, List.of(proxy.hostPort() + "/rollback/web:abc123"),
                        List.of("latest", "prod"), null);

                assertThat(result.outcome()).as(String.join("\n", result.summary()))
                        .isEqualTo(RetagOutcome.NOTHING_MOVED);
                assertThat(result.failure()).contains("rollback/web:prod", "503");
            }
            assertThat(digestOf(direct, web.withTag("latest"))).contains(oldLatest.toString());
            assertThat(digestOf(direct, web.withTag("prod"))).contains(oldProd.toString());
            assertThat(log).anyMatch(line -> line.contains("rollback/web:latest RESTORED"));
        }
    }

    /**
     * Another client moves latest to the new image again as soon as the rollback put it back, as late writes would:
     * the retag puts it back when a check finds it moved, and after the last check says where it points.
     */
    @Test
    void shouldReportATagThatKeepsMovingAfterItWasPutBack() throws InterruptedException {
        try (RegistryClient direct = anonymous()) {
            ImageReference web = ImageReference.parse(plain.pushBusyboxBase("moving/web", "abc123"));
            variant(direct, web, "old-latest", "latest");
            Digest oldProd = variant(direct, web, "old-prod", "prod");
            Manifest source = direct.getManifest(web);
            AtomicBoolean retagging = new AtomicBoolean(true);
            // Another client that keeps moving latest, whatever a loaded machine does to one of its writes
            Thread mover = new Thread(() -> {
                while (retagging.get()) {
                    try {
                        direct.putManifest(web.withTag("latest"), source);
                    } catch (RegistryException slowOrRefused) {
                        // tries again at once, as the other client would
                    }
                }
            }, "another client moving latest");
            AtomicBoolean started = new AtomicBoolean();
            // Pauses between the reads after the put-back long enough for the mover to land a write in each
            RegistryOptions watchingLonger = quickOptions().toBuilder().initialBackoff(Duration.ofMillis(300))
                    .maxBackoff(Duration.ofSeconds(1)).build();
            try (FaultInjectingProxy proxy = FaultInjectingProxy.following(plain.baseUrl(),
                    failingPutOf("moving/web:prod"), Duration.ZERO);
                    RegistryClient client = new RegistryClient(watchingLonger, CredentialsSource.anonymous())) {
                RetagResult result = new Retagger(client).retag(RetagRequest.of(
                        List.of(proxy.hostPort() + "/moving/web:abc123"), List.of("latest", "prod"), null), line -> {
                            log.add(line);
                            if (line.contains("moving/web:latest RESTORED") && !started.getAndSet(true)) {
                                mover.start();
                            }
                        });
                retagging.set(false);
                mover.join();

                String report = String.join("\n", result.summary()) + "\n" + String.join("\n", log);
                assertThat(result.outcome()).as(report).isEqualTo(RetagOutcome.ROLLBACK_INCOMPLETE);
                assertThat(result.tags()).filteredOn(tag -> tag.target().toString().endsWith(":latest")).singleElement()
                        .satisfies(tag -> {
                            assertThat(tag.outcome()).isEqualTo(TagOutcome.NOT_RESTORED);
                            assertThat(tag.digest()).isEqualTo(source.digest());
                            assertThat(tag.note()).contains("points at " + source.digest() + " again", "read 3 times");
                        });
                assertThat(log).as(report).anyMatch(line -> line.contains("moving/web:latest points at "
                        + source.digest() + " again") && line.contains("putting it back again"));
            }
            assertThat(digestOf(direct, web.withTag("prod"))).contains(oldProd.toString());
        }
    }

    @Test
    void shouldHandTheLogOneLineAtATimeWhileTagsArePutBackInParallel() {
        List<String> tags = List.of("latest", "prod", "stage", "qa");
        try (RegistryClient direct = anonymous()) {
            ImageReference web = ImageReference.parse(plain.pushBusyboxBase("serial-log/web", "abc123"));
            tags.forEach(tag -> variant(direct, web, "old-" + tag, tag));
            AtomicInteger inside = new AtomicInteger();
            AtomicInteger mostAtOnce = new AtomicInteger();
            try (FaultInjectingProxy proxy = FaultInjectingProxy.following(plain.baseUrl(),
                    failingPutOf("serial-log/web:qa"), Duration.ZERO);
                    RegistryClient client = anonymous()) {
                RetagResult result = new Retagger(client).retag(RetagRequest.of(
                        List.of(proxy.hostPort() + "/serial-log/web:abc123"), tags, null), line -> {
                            mostAtOnce.accumulateAndGet(inside.incrementAndGet(), Math::max);
                            try {
                                Thread.sleep(20); // long enough for a second caller to come in, if one could
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            } finally {
                                inside.decrementAndGet();
                            }
                        });

                assertThat(result.outcome()).as(String.join("\n", result.summary()))
                        .isEqualTo(RetagOutcome.NOTHING_MOVED);
            }
            assertThat(mostAtOnce.get()).isEqualTo(1);
        }
    }

    @Test
    void shouldReportANewTagThatTheRegistryCannotRemove() {
        try (RegistryClient direct = anonymous()) {
            ImageReference web = ImageReference.parse(plain.pushBusyboxBase("untag/web", "abc123"));
            try (FaultInjectingProxy proxy = FaultInjectingProxy.following(plain.baseUrl(),
                    (number, request) -> request.startsWith("PUT /v2/untag/web/manifests/prod")
                            ? FaultInjectingProxy.Fault.STATUS_500 : FaultInjectingProxy.Fault.NONE, Duration.ZERO);
                    RegistryClient client = anonymous()) {
                RetagResult result = retag(client, List.of(proxy.hostPort() + "/untag/web:abc123"),
                        List.of("latest", "prod"), null);

                assertThat(result.outcome()).isEqualTo(RetagOutcome.ROLLBACK_INCOMPLETE);
                assertThat(result.tags()).filteredOn(tag -> tag.target().toString().endsWith(":latest")).singleElement()
                        .satisfies(tag -> {
                            assertThat(tag.outcome()).isEqualTo(TagOutcome.LEFT_AT_NEW_DIGEST);
                            assertThat(tag.note()).contains("cannot delete a tag", "400", "DIGEST_INVALID");
                        });
                assertThat(result.tags()).filteredOn(tag -> tag.target().toString().endsWith(":prod")).singleElement()
                        .satisfies(tag -> assertThat(tag.outcome()).isEqualTo(TagOutcome.REMOVED));
                assertThat(String.join("\n", result.summary())).contains("LEFT pointing at");
                assertThat(log).anyMatch(line -> line.contains("untag/web:latest LEFT_AT_NEW_DIGEST"));
            }
            assertThat(digestOf(direct, web.withTag("abc123"))).as("the source is never deleted").isPresent();
        }
    }

    /**
     * This registry cannot delete a tag: a new tag written before another tag failed would stay. New tags are
     * written only once every tag that existed moved, so a failure on an existing tag leaves no new one.
     */
    @Test
    void shouldWriteNoNewTagWhenATagThatExistedCannotBeMoved() {
        try (RegistryClient direct = anonymous()) {
            ImageReference web = ImageReference.parse(plain.pushBusyboxBase("new-last/web", "abc123"));
            Digest oldProd = variant(direct, web, "old-prod", "prod");
            try (FaultInjectingProxy proxy = FaultInjectingProxy.following(plain.baseUrl(),
                    failingPutOf("new-last/web:prod"), Duration.ZERO);
                    RegistryClient client = anonymous()) {
                RetagResult result = retag(client, List.of(proxy.hostPort() + "/new-last/web:abc123"),
                        List.of("fresh", "prod"), null);

                assertThat(result.outcome()).as(String.join("\n", result.summary()))
                        .isEqualTo(RetagOutcome.NOTHING_MOVED);
                assertThat(result.tags()).filteredOn(tag -> tag.target().toString().endsWith(":fresh")).singleElement()
                        .satisfies(tag -> assertThat(tag.outcome()).isEqualTo(TagOutcome.NOT_TOUCHED));
                assertThat(proxy.count("PUT /v2/new-last/web/manifests/fresh")).isZero();
            }
            assertThat(digestOf(direct, web.withTag("fresh"))).isEmpty();
            assertThat(digestOf(direct, web.withTag("prod"))).contains(oldProd.toString());
        }
    }

    @Test
    void shouldDeleteTheManifestItBroughtIntoAnotherRepositoryWhenRollingBack() {
        try (RegistryClient direct = anonymous()) {
            plain.pushBusyboxBase("bring/from", "abc123");
            try (FaultInjectingProxy proxy = FaultInjectingProxy.following(plain.baseUrl(),
                    (number, request) -> request.startsWith("PUT /v2/bring/to/manifests/prod")
                            ? FaultInjectingProxy.Fault.STATUS_502 : FaultInjectingProxy.Fault.NONE, Duration.ZERO);
                    RegistryClient client = anonymous()) {
                RetagResult result = retag(client, List.of(proxy.hostPort() + "/bring/from:abc123"),
                        List.of("latest", "prod"), proxy.hostPort() + "/bring/to");

                assertThat(result.outcome()).as(String.join("\n", result.summary()))
                        .isEqualTo(RetagOutcome.NOTHING_MOVED);
            }
            assertThat(digestOf(direct, ImageReference.parse(plain.hostPort() + "/bring/to:latest"))).isEmpty();
            assertThat(digestOf(direct, ImageReference.parse(plain.hostPort() + "/bring/from:abc123"))).isPresent();
        }
    }

    @Test
    void shouldMoveNothingWhenASourceIsMissing() {
        ImageReference web = ImageReference.parse(plain.pushBusyboxBase("missing/web", "abc123"));

        try (RegistryClient client = anonymous(); RegistryClient direct = anonymous()) {
            RetagResult result = retag(client, List.of(web.toString(), plain.hostPort() + "/missing/worker:abc123"),
                    List.of("latest"), null);

            assertThat(result.outcome()).isEqualTo(RetagOutcome.NOTHING_MOVED);
            assertThat(result.failure()).contains("missing/worker:abc123", "404");
            assertThat(result.requests(RequestKind.MANIFEST_PUT)).isZero();
            assertThat(digestOf(direct, web.withTag("latest"))).isEmpty();
        }
    }
}
