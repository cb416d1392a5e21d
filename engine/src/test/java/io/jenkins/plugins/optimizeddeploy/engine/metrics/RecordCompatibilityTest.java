package io.jenkins.plugins.optimizeddeploy.engine.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.optimizeddeploy.engine.deploy.Action;
import io.jenkins.plugins.optimizeddeploy.engine.deploy.Outcome;
import io.jenkins.plugins.optimizeddeploy.engine.deploy.ReleaseResult;
import io.jenkins.plugins.optimizeddeploy.engine.deploy.Running;
import io.jenkins.plugins.optimizeddeploy.engine.deploy.ServiceResult;
import io.jenkins.plugins.optimizeddeploy.engine.image.Digest;
import io.jenkins.plugins.optimizeddeploy.engine.image.ImageReference;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.BuildResult;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.CacheTimes;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.StepStatistics;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.TargetResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The build record a build keeps, as the code before typed results (strings for references and digests) wrote it for
 * one build and one deploy: {@code record-before-typed-results.json}, kept as written. It is written back the same but
 * for the image a deploy went to, named {@code to} now as in every release result, where it was {@code digest}.
 */
class RecordCompatibilityTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String WEB = "registry.example.com/team/web";
    private static final String DIGEST = "sha256:" + "a".repeat(64);

    @Test
    void shouldReadARecordWrittenBeforeTypedResultsAndWriteItBackWithOnlyTheDeployedImageRenamed() throws IOException {
        RunMetrics read = MetricsJson.read(recordBeforeTypedResults(), "the kept record");

        assertThat(read.deploys()).singleElement().extracting(Deployment::to)
                .isEqualTo(ImageReference.parse(WEB + "@" + DIGEST));
        assertThat(MetricsJson.write(read)).isEqualTo(recordWrittenNow());
    }

    @Test
    void shouldReadBackARecordWrittenNow() throws IOException {
        String written = recordWrittenNow();

        assertThat(MetricsJson.write(MetricsJson.read(written, "a record written now"))).isEqualTo(written);
    }

    @Test
    void shouldReadAnUnknownReferenceDigestAndDeployedImageAsNoneAndWriteThemBackEmpty() throws IOException {
        String written = recordWrittenNow()
                .replace("\"reference\" : \"" + WEB + ":1.4.2\"", "\"reference\" : \"\"")
                .replace("\"digest\" : \"" + DIGEST + "\"", "\"digest\" : \"\"")
                .replace("\"to\" : \"" + WEB + "@" + DIGEST + "\"", "\"to\" : \"\"");

        RunMetrics read = MetricsJson.read(written, "a record of an image not pushed");

        assertThat(read.images().get("web").reference()).isNull();
        assertThat(read.images().get("web").digest()).isNull();
        assertThat(read.deploys()).singleElement().extracting(Deployment::to).isNull();
        assertThat(MetricsJson.write(read)).isEqualTo(written).contains("\"reference\" : \"\",", "\"to\" : \"\",");
    }

    @Test
    void shouldNameTheImageWhoseReferenceIsNone() throws IOException {
        String written = recordBeforeTypedResults()
                .replace("\"reference\" : \"" + WEB + ":1.4.2\"", "\"reference\" : \"Web:1\"");

        assertThatThrownBy(() -> MetricsJson.read(written, "a tampered record"))
                .isInstanceOf(MetricsRecordException.class)
                .hasMessageStartingWith("a tampered record is not a valid metrics record")
                .hasMessageContaining("Web:1");
    }

    @Test
    void shouldWriteTheSameRecordFromTypedResults() throws IOException {
        BuildResult build = new BuildResult("docker", "buildx is not installed", List.of(
                TargetResult.builder("web", "docker")
                        .pushed(List.of(ImageReference.parse(WEB + ":1.4.2")), Digest.parse(DIGEST), 12_345L)
                        .durationMillis(4_200L).steps(new StepStatistics(10, 9, 1), List.of("RUN make"))
                        .cache("branch " + WEB + "-cache:main", new CacheTimes(150L, 300L), List.of()).build()));
        ReleaseResult release = new ReleaseResult(List.of(new ServiceResult("web", ImageReference.parse("web:1.4.1"),
                ImageReference.parse(WEB + "@" + DIGEST), Outcome.HEALTHY, 800L, null,
                new Running.Image(ImageReference.parse(WEB + "@" + DIGEST)))), false);

        RunMetrics run = RunMetrics.of("shop", "#7", Instant.parse("2026-12-07T09:00:00Z"))
                .mergedWith(MetricsParts.build(build, 60_000))
                .mergedWith(MetricsParts.release(Action.DEPLOY, release, 4_000));

        // the one addition since: what the build knew of the image's provenance (here: nothing)
        ObjectNode written = (ObjectNode) JSON.readTree(MetricsJson.write(run));
        ObjectNode web = (ObjectNode) written.path("images").path("web");
        assertThat(web.remove("provenance").path("missing").asText()).isEqualTo("not recorded");
        assertThat(written).isEqualTo(JSON.readTree(recordWrittenNow()));
    }

    private static String recordWrittenNow() throws IOException {
        return recordBeforeTypedResults().replace("\"digest\" : \"" + WEB + "@", "\"to\" : \"" + WEB + "@");
    }

    private static String recordBeforeTypedResults() throws IOException {
        try (InputStream record = RecordCompatibilityTest.class.getResourceAsStream("record-before-typed-results.json")) {
            return new String(record.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
