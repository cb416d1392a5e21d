package io.jenkins.plugins.optimizeddeploy.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.optimizeddeploy.engine.image.ImageReference;
import io.jenkins.plugins.optimizeddeploy.engine.metrics.Deployment;
import io.jenkins.plugins.optimizeddeploy.engine.metrics.MetricsParts;
import io.jenkins.plugins.optimizeddeploy.engine.metrics.Phase;
import io.jenkins.plugins.optimizeddeploy.engine.metrics.RunMetrics;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordedReleaseTest {
    private static final String WEB_3 = "reg.example.com/web@sha256:" + "3".repeat(64);
    private static final String WORKER_3 = "reg.example.com/worker@sha256:" + "3".repeat(64);
    private static final String WEB_4 = "reg.example.com/web@sha256:" + "4".repeat(64);

    private static final RunMetrics DEPLOYED = RunMetrics.of("app", "#3", Instant.EPOCH).mergedWith(
            MetricsParts.deploys(Phase.DEPLOY, List.of(new Deployment("web", ImageReference.parse(WEB_3), false, true, 900, ""),
                    new Deployment("worker", ImageReference.parse(WORKER_3), false, true, 1_100, "")), 2_000));
    private static final RunMetrics PUT_BACK = RunMetrics.of("app", "#4", Instant.EPOCH).mergedWith(
            MetricsParts.deploys(Phase.DEPLOY, List.of(new Deployment("web", ImageReference.parse(WEB_4), false, true, 900, ""),
                    new Deployment("worker", ImageReference.parse(WORKER_3), true, false, 1_100, "no health")), 2_000));
    private final Build current = new Build(6, null, Map.of(1, new Build(1, null, Map.of()),
            2, new Build(2, RunMetrics.of("app", "#2", Instant.EPOCH), Map.of()), 3, new Build(3, DEPLOYED, Map.of()),
            4, new Build(4, PUT_BACK, Map.of())));

    @Test
    void shouldGiveEachServiceTheImageTheBuildDeployed() {
        assertThat(RecordedRelease.images(current, 3, List.of("worker", "web")))
                .containsExactly(Map.entry("worker", WORKER_3), Map.entry("web", WEB_3));
    }

    @Test
    void shouldSayInOneLineThatTheBuildIsGoneOrDeployedNothingOrNotThatService() {
        assertThatThrownBy(() -> RecordedRelease.images(current, 5, List.of("web")))
                .hasMessage("build #5 does not exist (or was deleted)");
        assertThatThrownBy(() -> RecordedRelease.images(current, 1, List.of("web")))
                .hasMessage("build #1 has no metrics record: no step of this plugin ran");
        assertThatThrownBy(() -> RecordedRelease.images(current, 2, List.of("web")))
                .hasMessage("build #2 has no record of a healthy deploy");
        assertThatThrownBy(() -> RecordedRelease.images(current, 4, List.of("web")))
                .as("a release the gate put back: the page offers no rollback to it either")
                .hasMessage("build #4 has no record of a healthy deploy");
        assertThatThrownBy(() -> RecordedRelease.images(current, 3, List.of("web", "api")))
                .hasMessage("build #3 recorded no healthy deploy of api; it deployed web, worker");
    }

    private record Build(int number, RunMetrics metrics, Map<Integer, Build> others) implements RecordedBuild {
        @Override
        public boolean successful() {
            return true;
        }

        @Override
        public int baseline() {
            return 0;
        }

        @Override
        public int pinnedBaseline() {
            return 0;
        }

        @Override
        public RecordedBuild previous() {
            return null;
        }

        @Override
        public RecordedBuild build(int other) {
            return others.get(other);
        }
    }
}
