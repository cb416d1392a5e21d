package io.jenkins.plugins.optimizeddeploy.steps.retag;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.optimizeddeploy.engine.metrics.MetricsJson;
import io.jenkins.plugins.optimizeddeploy.engine.metrics.Phase;
import io.jenkins.plugins.optimizeddeploy.engine.metrics.RunMetrics;
import io.jenkins.plugins.optimizeddeploy.engine.registry.RegistryOptions;
import io.jenkins.plugins.optimizeddeploy.engine.retag.RetagOutcome;
import io.jenkins.plugins.optimizeddeploy.engine.retag.RetagRequest;
import io.jenkins.plugins.optimizeddeploy.steps.AgentCredentials;
import io.jenkins.plugins.optimizeddeploy.steps.BuildLog;
import io.jenkins.plugins.optimizeddeploy.steps.JavaSerialization;
import io.jenkins.plugins.optimizeddeploy.steps.RegistryLogin;
import io.jenkins.plugins.optimizeddeploy.steps.StepOutcome;
import io.jenkins.plugins.optimizeddeploy.testsupport.RegistryExtension;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The agent side of retagImages, against a real registry started by test-support. */
class RetagImagesOnAgentIT {

    @RegisterExtension
    static final RegistryExtension basicAuth = RegistryExtension.basicAuth();

    @TempDir
    Path workspace;

    private final BuildLog log = new BuildLog();

    @Test
    void shouldRetagEveryImageWithTheStepsCredentialsAndReturnTheDigestsAndTags() throws IOException {
        String web = basicAuth.pushBusyboxBase("plugin/retag-web", "abc123");
        String worker = basicAuth.pushBusyboxIndex("plugin/retag-worker", "abc123");

        StepOutcome<List<Map<String, Object>>> result = onAgent(List.of(web, worker), List.of("latest", "prod"))
                .invoke(workspace.toFile(), null);

        assertThat(result.failure()).isNull();
        List<Map<String, Object>> returned = result.value();
        assertThat(returned).hasSize(2);
        assertThat(returned.get(1)).containsEntry("image", worker)
                .containsEntry("digest", basicAuth.manifest("plugin/retag-worker", "abc123").digest())
                .containsEntry("tags", List.of(basicAuth.hostPort() + "/plugin/retag-worker:latest",
                        basicAuth.hostPort() + "/plugin/retag-worker:prod"));
        assertThat(basicAuth.manifest("plugin/retag-web", "prod")).isEqualTo(basicAuth.manifest("plugin/retag-web", "abc123"));
        assertThat(log.text()).contains("retagImages: retag: 4 tag(s) point at their sources")
                .doesNotContain(basicAuth.password());
        assertThat(result.log()).allMatch(line -> line.startsWith("retagImages: ")).isNotEmpty();
        assertThat(result.records()).hasSize(2);
        RunMetrics part = MetricsJson.read(result.metrics(), "the retag's metrics part");
        assertThat(part.phaseMillis()).containsOnlyKeys(Phase.RETAG);
        assertThat(part.failed()).isFalse();
    }

    @Test
    void shouldMoveNothingAndSayWhyWhenAnImageIsMissing() throws IOException {
        String web = basicAuth.pushBusyboxBase("plugin/retag-missing", "abc123");

        StepOutcome<List<Map<String, Object>>> result = onAgent(List.of(web,
                basicAuth.hostPort() + "/plugin/retag-none:abc123"), List.of("latest"))
                .invoke(workspace.toFile(), null);

        assertThat(result.failure()).startsWith("retagImages: ")
                .contains("nothing moved", "plugin/retag-none:abc123", "404").isEqualTo(result.log().get(0));
        assertThat(result.value()).singleElement()
                .satisfies(image -> assertThat(image).containsEntry("tags", List.of()));
        assertThat(result.records()).singleElement().satisfies(record -> {
            assertThat(record.getSubject()).isEqualTo(web);
            assertThat(record.getOutcome()).startsWith("not moved: ").contains("nothing moved");
            assertThat(record.getFigures()).containsExactly(Map.entry("tags", 0L));
        });
    }

    @Test
    void shouldSurviveTheTripToTheAgent() throws IOException, ClassNotFoundException {
        String web = basicAuth.pushBusyboxBase("plugin/retag-remoting", "abc123");

        RetagImagesOnAgent sent = JavaSerialization.roundTrip(onAgent(List.of(web), List.of("latest")));

        assertThat(sent.retag().outcome()).isEqualTo(RetagOutcome.MOVED);
    }

    private RetagImagesOnAgent onAgent(List<String> images, List<String> tags) {
        return new RetagImagesOnAgent(RetagRequest.of(images, tags, null), RegistryOptions.defaults(),
                new AgentCredentials(new RegistryLogin(basicAuth.username(), basicAuth.password()), null), log);
    }
}
