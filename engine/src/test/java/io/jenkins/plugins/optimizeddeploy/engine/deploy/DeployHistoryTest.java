package io.jenkins.plugins.optimizeddeploy.engine.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.optimizeddeploy.engine.image.ImageReference;
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
        DeployRecord deployed = record("web", image("web", '1'), image("web", '2'), Outcome.HEALTHY);
        DeployRecord failed = DeployRecord.builder(TARGET, "worker", Action.DEPLOY).images(null, image("worker", '9'))
                .ended(STARTED, null, Outcome.UNHEALTHY, "its HEALTHCHECK failed").by("build 12").build();

        history.append(List.of(deployed, failed));

        assertThat(history.records()).containsExactly(deployed, failed);
        assertThat(Files.readAllLines(history.file())).hasSize(2).first().asString()
                .contains("\"started\":\"2026-12-07T09:00:00.123Z\"").doesNotContain("\"reason\"");
    }

    @Test
    void shouldNameWhatRanBeforeTheLastHealthyDeployAsPrevious(@TempDir Path state) {
        DeployHistory history = new DeployHistory(state.resolve("history.jsonl"));
        history.append(List.of(record("web", image("web", '1'), image("web", '2'), Outcome.HEALTHY),
                record("web", image("web", '2'), image("web", '3'), Outcome.HEALTHY),
                record("web", image("web", '3'), image("web", '4'), Outcome.UNHEALTHY),
                record("api", image("api", '7'), image("api", '8'), Outcome.HEALTHY)));

        assertThat(history.previous(TARGET, "web")).contains(image("web", '2'));
        assertThat(history.previous("docker unix:///run/docker.sock", "web")).isEmpty();
        assertThat(new DeployHistory(state.resolve("absent.jsonl")).previous(TARGET, "web")).isEmpty();
    }

    @Test
    void shouldSayWhatRunsFromTheLastRecordOfTheService(@TempDir Path state) {
        DeployHistory history = new DeployHistory(state.resolve("history.jsonl"));
        history.append(List.of(record("web", image("web", '1'), image("web", '2'), Outcome.HEALTHY),
                record("web", image("web", '2'), image("web", '3'), Outcome.UNHEALTHY),
                record("api", image("api", '7'), image("api", '8'), Outcome.HEALTHY),
                record("worker", image("worker", '4'), image("worker", '5'), Outcome.HEALTHY),
                record("worker", image("worker", '5'), image("worker", '6'), Outcome.ROLLBACK_FAILED)));

        assertThat(history.live(TARGET, "web")).as("the failed deploy put 2 back").contains(image("web", '2'));
        assertThat(history.live(TARGET, "api")).contains(image("api", '8'));
        assertThat(history.live(TARGET, "worker")).as("unknown after a failed rollback").isEmpty();
        assertThat(history.live("docker unix:///run/docker.sock", "web")).isEmpty();
    }

    @Test
    void shouldReadALineWrittenBeforeRecordsHeldImageReferencesAndWriteItTheSame(@TempDir Path state)
            throws Exception {
        String written = "{\"target\":\"swarm unix:///run/docker.sock\",\"service\":\"web\",\"action\":\"DEPLOY\","
                + "\"from\":\"reg.example.com/web@sha256:" + "1".repeat(64) + "\","
                + "\"to\":\"reg.example.com/web:2\",\"started\":\"2026-12-07T09:00:00.123Z\","
                + "\"healthyAfterMillis\":1200,\"outcome\":\"HEALTHY\",\"by\":\"build 12\"}";
        Path old = state.resolve("old.jsonl");
        Files.writeString(old, written + "\n");

        List<DeployRecord> read = new DeployHistory(old).records();
        DeployHistory rewritten = new DeployHistory(state.resolve("new.jsonl"));
        rewritten.append(read);

        assertThat(read).containsExactly(record("web", image("web", '1'),
                ImageReference.parse("reg.example.com/web:2"), Outcome.HEALTHY));
        assertThat(Files.readAllLines(rewritten.file())).containsExactly(written);
    }

    @Test
    void shouldNameTheLineWhoseImageIsNoReference(@TempDir Path state) throws Exception {
        Path file = state.resolve("history.jsonl");
        Files.writeString(file, "{\"target\":\"x\",\"service\":\"web\",\"action\":\"DEPLOY\",\"to\":\"Web:1\","
                + "\"started\":\"2026-12-07T09:00:00Z\",\"outcome\":\"HEALTHY\",\"by\":\"me\"}\n");

        assertThatThrownBy(() -> new DeployHistory(file).records()).isInstanceOf(DeployException.class)
                .hasMessageContaining(file + " line 1 is not a deploy record")
                .hasMessageContaining("Invalid image reference 'Web:1'");
    }

    @Test
    void shouldNameTheLineThatIsNotARecord(@TempDir Path state) throws Exception {
        Path file = state.resolve("history.jsonl");
        Files.writeString(file, "{\"target\":\"x\"}\n");

        assertThatThrownBy(() -> new DeployHistory(file).records()).isInstanceOf(DeployException.class)
                .hasMessageContaining(file + " line 1 is not a deploy record");
    }

    private static ImageReference image(String service, char digest) {
        return ImageReference.parse("reg.example.com/" + service + "@sha256:" + String.valueOf(digest).repeat(64));
    }

    private static DeployRecord record(String service, ImageReference from, ImageReference to, Outcome outcome) {
        return DeployRecord.builder(TARGET, service, Action.DEPLOY).images(from, to)
                .ended(STARTED, 1200L, outcome, null).by("build 12").build();
    }
}
