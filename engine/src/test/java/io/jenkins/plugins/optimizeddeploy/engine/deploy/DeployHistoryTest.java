package io.jenkins.plugins.optimizeddeploy.engine.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeployHistoryTest {
    private static final String TARGET = "swarm unix:///run/docker.sock";
    private static final Instant STARTED = Instant.parse("2026-12-07T09:00:00.123Z");

    @Test
    void shouldReadBackWhatItAppendedAsJsonLines(@TempDir Path state) throws Exception {
        DeployHistory history = new DeployHistory(state.resolve("deploys").resolve("history.jsonl"));
        DeployRecord deployed = record("web", "reg/web@sha256:1", "reg/web@sha256:2", Outcome.HEALTHY);
        DeployRecord failed = DeployRecord.builder(TARGET, "worker", Action.DEPLOY).images(null, "reg/worker@sha256:9")
                .ended(STARTED, null, Outcome.UNHEALTHY, "its HEALTHCHECK failed").by("build 12").build();

        history.append(List.of(deployed, failed));

        assertThat(history.records()).containsExactly(deployed, failed);
        assertThat(Files.readAllLines(history.file())).hasSize(2).first().asString()
                .contains("\"started\":\"2026-12-07T09:00:00.123Z\"").doesNotContain("\"reason\"");
    }

    @Test
    void shouldNameWhatRanBeforeTheLastHealthyDeployAsPrevious(@TempDir Path state) {
        DeployHistory history = new DeployHistory(state.resolve("history.jsonl"));
        history.append(List.of(record("web", "reg/web@sha256:1", "reg/web@sha256:2", Outcome.HEALTHY),
                record("web", "reg/web@sha256:2", "reg/web@sha256:3", Outcome.HEALTHY),
                record("web", "reg/web@sha256:3", "reg/web@sha256:4", Outcome.UNHEALTHY),
                record("api", "reg/api@sha256:7", "reg/api@sha256:8", Outcome.HEALTHY)));

        assertThat(history.previous(TARGET, "web")).contains("reg/web@sha256:2");
        assertThat(history.previous("docker unix:///run/docker.sock", "web")).isEmpty();
        assertThat(new DeployHistory(state.resolve("absent.jsonl")).previous(TARGET, "web")).isEmpty();
    }

    @Test
    void shouldSayWhatRunsFromTheLastRecordOfTheService(@TempDir Path state) {
        DeployHistory history = new DeployHistory(state.resolve("history.jsonl"));
        history.append(List.of(record("web", "reg/web@sha256:1", "reg/web@sha256:2", Outcome.HEALTHY),
                record("web", "reg/web@sha256:2", "reg/web@sha256:3", Outcome.UNHEALTHY),
                record("api", "reg/api@sha256:7", "reg/api@sha256:8", Outcome.HEALTHY),
                record("worker", "reg/worker@sha256:4", "reg/worker@sha256:5", Outcome.HEALTHY),
                record("worker", "reg/worker@sha256:5", "reg/worker@sha256:6", Outcome.ROLLBACK_FAILED)));

        assertThat(history.live(TARGET, "web")).as("the failed deploy put 2 back").contains("reg/web@sha256:2");
        assertThat(history.live(TARGET, "api")).contains("reg/api@sha256:8");
        assertThat(history.live(TARGET, "worker")).as("unknown after a failed rollback").isEmpty();
        assertThat(history.live("docker unix:///run/docker.sock", "web")).isEmpty();
    }

    @Test
    void shouldNameTheLineThatIsNotARecord(@TempDir Path state) throws Exception {
        Path file = state.resolve("history.jsonl");
        Files.writeString(file, "{\"target\":\"x\"}\n");

        assertThatThrownBy(() -> new DeployHistory(file).records()).isInstanceOf(DeployException.class)
                .hasMessageContaining(file + " line 1 is not a deploy record");
    }

    private static DeployRecord record(String service, String from, String to, Outcome outcome) {
        return DeployRecord.builder(TARGET, service, Action.DEPLOY).images(from, to)
                .ended(STARTED, 1200L, outcome, null).by("build 12").build();
    }
}
