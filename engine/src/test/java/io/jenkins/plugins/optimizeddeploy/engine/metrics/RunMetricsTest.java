package io.jenkins.plugins.optimizeddeploy.engine.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.optimizeddeploy.engine.deploy.Action;
import io.jenkins.plugins.optimizeddeploy.engine.deploy.Outcome;
import io.jenkins.plugins.optimizeddeploy.engine.deploy.ReleaseResult;
import io.jenkins.plugins.optimizeddeploy.engine.deploy.Running;
import io.jenkins.plugins.optimizeddeploy.engine.deploy.ServiceResult;
import io.jenkins.plugins.optimizeddeploy.engine.findings.FailureThreshold;
import io.jenkins.plugins.optimizeddeploy.engine.findings.Finding;
import io.jenkins.plugins.optimizeddeploy.engine.findings.LintReport;
import io.jenkins.plugins.optimizeddeploy.engine.findings.Severity;
import io.jenkins.plugins.optimizeddeploy.engine.image.Digest;
import io.jenkins.plugins.optimizeddeploy.engine.image.ImageReference;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.BuildResult;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.CacheTimes;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.StepStatistics;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.TargetResult;
import io.jenkins.plugins.optimizeddeploy.engine.inspect.ImageInspection;
import io.jenkins.plugins.optimizeddeploy.engine.inspect.Layer;
import io.jenkins.plugins.optimizeddeploy.engine.inspect.PlatformImage;
import io.jenkins.plugins.optimizeddeploy.engine.inspect.Provenance;
import io.jenkins.plugins.optimizeddeploy.engine.registry.TrafficSnapshot;
import io.jenkins.plugins.optimizeddeploy.engine.retag.RetagOutcome;
import io.jenkins.plugins.optimizeddeploy.engine.retag.RetagResult;
import io.jenkins.plugins.optimizeddeploy.testsupport.FullDisk;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunMetricsTest {
    private static final Provenance NO_PROVENANCE = Provenance.missing("backend docker does not attach it");
    private static final RunMetrics STARTED = RunMetrics.of("shop", "#7", Instant.parse("2026-12-07T09:00:00Z"));

    /** A digest of its own for each name. */
    static Digest digestOf(String name) {
        return Digest.sha256Of(name.getBytes(StandardCharsets.UTF_8));
    }

    static TargetResult target(String name, long size, int cached, int total) {
        return TargetResult.builder(name, "docker")
                .pushed(List.of(ImageReference.parse("reg.example.com/" + name + ":1")), digestOf(name), size)
                .platformSizes(Map.of("linux/amd64", size))
                .durationMillis(1_000).steps(new StepStatistics(total, cached, total - cached), List.of())
                .cache("registry reg/cache/" + name, new CacheTimes(200, 300), List.of())
                .provenance(NO_PROVENANCE).build();
    }

    @Test
    void shouldAddEveryPhasesPartToOneRecord() {
        RunMetrics lint = MetricsParts.findings(Phase.HARDEN, new LintReport(List.of(),
                List.of(new Finding("DL3008", Severity.WARNING, "Pin versions", "Dockerfile", 3, 1, "RUN apt-get x")),
                FailureThreshold.parse("error")), 40);
        RunMetrics build = MetricsParts.build(new BuildResult("docker", "default",
                List.of(target("web", 5_000, 9, 10), target("worker", 7_000, 4, 8))), 9_000);
        Layer layer = new Layer(digestOf("layer"), "application/vnd.oci.image.layer.v1.tar+gzip", 4_000);
        RunMetrics inspection = MetricsParts.inspection("web", new ImageInspection(
                ImageReference.parse("reg.example.com/web:1"), digestOf("web"),
                "application/vnd.oci.image.manifest.v1+json",
                List.of(PlatformImage.builder("linux/amd64", digestOf("manifest"))
                        .content(4_100, List.of(layer, layer, layer)).user("app").build())));
        RunMetrics retag = MetricsParts.retag(new RetagResult(RetagOutcome.MOVED, "", List.of(), List.of(),
                new TrafficSnapshot(Map.of(), 0), 80));

        RunMetrics run = STARTED.mergedWith(lint).mergedWith(build).mergedWith(inspection).mergedWith(retag);

        assertThat(run.build()).isEqualTo("#7");
        assertThat(run.failed()).isFalse();
        assertThat(run.phaseMillis()).containsExactly(Map.entry(Phase.HARDEN, 40L), Map.entry(Phase.BUILD, 9_000L),
                Map.entry(Phase.RETAG, 80L));
        assertThat(run.images().get("web")).as("the build's reason outlives an inspect's 'not looked for'")
                .isEqualTo(new ImageMetrics(ImageReference.parse("reg.example.com/web:1"), digestOf("web"), 4_100, 3, List.of("linux/amd64"),
                        NO_PROVENANCE));
        assertThat(run.images().get("worker").compressedBytes()).isEqualTo(7_000);
        assertThat(run.cache().get("web")).isEqualTo(new TargetCache(9, 10, "registry reg/cache/web", 200, 300));
        assertThat(run.cacheHitRate()).isEqualTo(13 / 18.0);
        assertThat(run.findingCounts()).containsEntry(Severity.WARNING, 1).containsEntry(Severity.ERROR, 0);
        assertThat(run.findings().get(0).location()).isEqualTo("Dockerfile:3");
    }

    @Test
    void shouldAddTheTimesOfAPhaseRunTwiceAndKeepAFailure() {
        RunMetrics run = STARTED.mergedWith(MetricsParts.failedPhase(Phase.VERIFY, 100))
                .mergedWith(MetricsParts.deploys(Phase.DEPLOY, List.of(
                        new Deployment("web", image("web", 'a'), false, true, 2_000, "")), 2_500))
                .mergedWith(MetricsParts.deploys(Phase.DEPLOY, List.of(), 500));

        assertThat(run.failed()).isTrue();
        assertThat(run.phaseMillis()).containsEntry(Phase.DEPLOY, 3_000L).containsEntry(Phase.VERIFY, 100L);
        assertThat(run.totalMillis()).isEqualTo(3_100);
    }

    @Test
    void shouldReadWhatItWrote(@TempDir Path folder) {
        Path file = folder.resolve("run.json");
        MetricsJson.addTo(file, STARTED);
        RunMetrics run = MetricsJson.addTo(file, MetricsParts.build(new BuildResult("docker", "default",
                List.of(target("web", 5_000, 9, 10))), 9_000));

        assertThat(MetricsJson.read(file)).isEqualTo(run);
        assertThat(run.job()).isEqualTo("shop");
        assertThat(MetricsJson.write(run)).contains("\"schemaVersion\" : 1", "\"build\" : 9000");
    }

    @Test
    void shouldRecordTheProvenanceAnInspectFoundAndReadItBack() {
        Provenance found = new Provenance("", "", "https://mobyproject.org/buildkit@v1", "dockerfile.v0",
                new Provenance.Source("https://example.invalid/team/app.git", "6767aa8a"), Map.of("GREETING", "hi"),
                List.of("pkg:docker/base@1@sha256:d5"));
        RunMetrics inspection = MetricsParts.inspection("web", new ImageInspection(
                ImageReference.parse("reg.example.com/web:1"), digestOf("web"),
                "application/vnd.oci.image.index.v1+json",
                List.of(PlatformImage.builder("linux/amd64", digestOf("manifest"))
                        .content(1, List.of()).provenance(found).build())));

        RunMetrics run = MetricsJson.read(MetricsJson.write(STARTED.mergedWith(MetricsParts.build(
                new BuildResult("docker", "default", List.of(target("web", 5_000, 9, 10))), 9_000))
                .mergedWith(inspection)), "run.json");

        assertThat(run.images().get("web").provenance()).isEqualTo(found);
    }

    @Test
    void shouldReadAnImagesCompressedBytesUnderTheNameOfRecordsWrittenBefore() {
        RunMetrics old = MetricsJson.read("{\"schemaVersion\": 1, \"images\": {\"web\": {\"reference\": \"r/web:1\","
                + " \"compressedSize\": 4200}}}", "an old record");

        assertThat(old.images().get("web").compressedBytes()).isEqualTo(4200);
        assertThat(MetricsJson.write(old)).contains("\"compressedBytes\" : 4200").doesNotContain("compressedSize");
    }

    @Test
    void shouldRecordAReleaseAsDeploysAndTheRollbacksItNeeded() {
        ReleaseResult release = new ReleaseResult(List.of(
                new ServiceResult("web", ImageReference.parse("reg/web:old"), ImageReference.parse("reg/web:new"),
                        Outcome.UNHEALTHY, null, "no health", new Running.Image(ImageReference.parse("reg/web:old"))),
                new ServiceResult("worker", ImageReference.parse("reg/worker:old"),
                        ImageReference.parse("reg/worker:new"), Outcome.ROLLED_BACK, 1_500L, "",
                        new Running.Image(ImageReference.parse("reg/worker:old")))),
                true);

        RunMetrics part = MetricsParts.release(Action.DEPLOY, release, 4_000);

        assertThat(part.failed()).isTrue();
        assertThat(part.phaseMillis()).containsEntry(Phase.DEPLOY, 4_000L);
        assertThat(part.deploys()).containsExactly(
                new Deployment("web", ImageReference.parse("reg/web:new"), false, false, 0, "no health"),
                new Deployment("worker", ImageReference.parse("reg/worker:new"), true, false, 1_500, ""));
        assertThat(MetricsParts.release(Action.ROLLBACK, release, 1).phaseMillis()).containsKey(Phase.ROLLBACK);
    }

    @Test
    void shouldNameTheReleasedImagesOnlyOfARunWhoseEveryDeployWentLive() {
        Deployment web = new Deployment("web", image("web", '1'), false, true, 2_000, "");
        Deployment worker = new Deployment("worker", image("worker", '1'), false, true, 3_000, "");
        Deployment webAgain = new Deployment("web", image("web", '2'), false, true, 1_000, "");

        assertThat(released(web, worker, webAgain)).containsExactly(Map.entry("web", image("web", '2')),
                Map.entry("worker", image("worker", '1')));
        assertThat(released()).as("nothing deployed").isEmpty();
        assertThat(released(web, new Deployment("worker", image("worker", '1'), false, false, 9_000, "no health")))
                .as("an unhealthy deploy").isEmpty();
        assertThat(released(web, new Deployment("worker", image("worker", '0'), true, true, 1_000, "")))
                .as("a service put back").isEmpty();
        assertThat(released(web, new Deployment("worker", null, false, true, 1_000, ""))).as("no image").isEmpty();
    }

    private static Map<String, ImageReference> released(Deployment... deploys) {
        return STARTED.mergedWith(MetricsParts.deploys(Phase.DEPLOY, List.of(deploys), 1)).releasedImages();
    }

    /** The image of {@code service} by a digest of {@code hex} repeated. */
    private static ImageReference image(String service, char hex) {
        return ImageReference.parse("reg/" + service + "@sha256:" + String.valueOf(hex).repeat(64));
    }

    @Test
    void shouldLeaveTheRecordWholeWhenTheDiskIsFull() throws Exception {
        try (FullDisk disk = FullDisk.mount()) {
            Path file = disk.path().resolve("run.json");
            MetricsJson.addTo(file, STARTED);
            String before = Files.readString(file);
            disk.fill();
            List<TargetResult> many = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                many.add(target("service-" + i, 5_000, 9, 10));
            }

            assertThatThrownBy(() -> MetricsJson.addTo(file, MetricsParts.build(new BuildResult("docker", "default",
                    many), 9_000))).isInstanceOf(UncheckedIOException.class)
                    .hasMessage("cannot write " + file + ": No space left on device (it is unchanged)");
            assertThat(Files.readString(file)).isEqualTo(before);
        }
    }

    @Test
    void shouldRefuseARecordOfANewerSchemaOrNoRecordAtAll(@TempDir Path folder) throws Exception {
        Path newer = Files.writeString(folder.resolve("newer.json"), "{\"schemaVersion\": 2}");

        assertThatThrownBy(() -> MetricsJson.read(newer)).isInstanceOf(MetricsRecordException.class)
                .hasMessage(newer + " is a metrics record of schema version 2, this version reads 1 to 1");
        assertThatThrownBy(() -> MetricsJson.read("[1]", "list.json"))
                .hasMessage("list.json is not a metrics record: it has no schemaVersion");
        assertThatThrownBy(() -> MetricsJson.read("{", "broken.json")).hasMessageStartingWith("broken.json is not JSON");
        assertThatThrownBy(() -> MetricsJson.read("{\"schemaVersion\":1,\"phaseMillis\":{\"bake\":1}}", "bad.json"))
                .hasMessageStartingWith("bad.json is not a valid metrics record: ")
                .hasMessageContaining("Unknown phase 'bake': expected one of harden, build, verify, retag");
        assertThatThrownBy(() -> MetricsJson.read("{\"schemaVersion\":1,\"started\":\"monday\"}", "day.json"))
                .hasMessage("day.json is not a valid metrics record: Start time 'monday' of build  is not an"
                        + " ISO-8601 instant such as 2026-12-07T09:15:00Z");
        assertThatThrownBy(() -> MetricsJson.read(folder.resolve("missing.json")))
                .hasMessage(folder.resolve("missing.json") + " does not exist");
    }
}
