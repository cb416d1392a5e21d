package io.jenkins.plugins.optimizeddeploy.steps.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.optimizeddeploy.engine.image.ImageReference;
import io.jenkins.plugins.optimizeddeploy.engine.metrics.MetricsJson;
import io.jenkins.plugins.optimizeddeploy.engine.metrics.RunMetrics;
import io.jenkins.plugins.optimizeddeploy.engine.registry.RegistryException;
import io.jenkins.plugins.optimizeddeploy.engine.registry.RegistryOptions;
import io.jenkins.plugins.optimizeddeploy.steps.JavaSerialization;
import io.jenkins.plugins.optimizeddeploy.steps.RegistryLogin;
import io.jenkins.plugins.optimizeddeploy.steps.StepOutcome;
import io.jenkins.plugins.optimizeddeploy.testsupport.RegistryExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The agent side of inspectImage, against real registries started by test-support. */
class InspectImageOnAgentIT {

    @RegisterExtension
    static final RegistryExtension basicAuth = RegistryExtension.basicAuth();

    @RegisterExtension
    static final RegistryExtension plain = RegistryExtension.plain();

    @TempDir
    Path workspace;

    @TempDir
    Path dockerConfig;

    @Test
    void shouldInspectTheImageWithTheStepsCredentials() throws IOException {
        String image = basicAuth.pushBusyboxBase("plugin/step-credentials", "1");

        StepOutcome<Map<String, Object>> inspection = onAgent(basicAuth, image, login(basicAuth.password()), null)
                .invoke(workspace.toFile(), null);

        String digest = basicAuth.manifest("plugin/step-credentials", "1").digest();
        assertThat(inspection.value()).containsEntry("reference", image).containsEntry("digest", digest);
        assertThat(platforms(inspection)).singleElement().satisfies(platform -> {
            assertThat(platform).containsEntry("platform", "linux/amd64");
            assertThat((long) platform.get("compressedBytes")).isPositive();
            assertThat(platform.get("layers")).asInstanceOf(InstanceOfAssertFactories.LIST).isNotEmpty();
        });
        assertThat(inspection.log()).singleElement().asString()
                .startsWith("inspectImage: " + image + " is " + digest + ", 1 platform: linux/amd64 ");
        assertThat(inspection.records()).singleElement()
                .satisfies(record -> assertThat(record.getOutcome()).isEqualTo(digest));
        assertThat(inspection.failure()).isNull();
        RunMetrics part = MetricsJson.read(inspection.metrics(), "the inspection's metrics part");
        assertThat(part.images()).containsOnlyKeys("step-credentials");
        assertThat(part.images().get("step-credentials")).satisfies(recorded -> {
            assertThat(recorded.digest()).hasToString(digest);
            assertThat(recorded.layers()).isPositive();
            assertThat(recorded.platforms()).containsExactly("linux/amd64");
        });
    }

    @Test
    void shouldFallBackToTheDockerConfigOfTheBuildEnvironment() throws IOException {
        String image = basicAuth.pushBusyboxBase("plugin/docker-config", "1");
        String auth = Base64.getEncoder().encodeToString(
                (basicAuth.username() + ":" + basicAuth.password()).getBytes(StandardCharsets.UTF_8));
        Files.writeString(dockerConfig.resolve("config.json"),
                "{\"auths\":{\"" + basicAuth.hostPort() + "\":{\"auth\":\"" + auth + "\"}}}");

        StepOutcome<Map<String, Object>> inspection = onAgent(basicAuth, image, null, dockerConfig.toString())
                .invoke(workspace.toFile(), null);

        assertThat(inspection.value()).containsEntry("reference", image);
    }

    @Test
    void shouldGoAnonymousWhenTheBuildsDockerConfigDirectoryHasNoConfig() throws IOException {
        String image = plain.pushBusyboxBase("plugin/anonymous", "1");

        StepOutcome<Map<String, Object>> inspection = onAgent(plain, image, null, dockerConfig.toString())
                .invoke(workspace.toFile(), null);

        assertThat(platforms(inspection)).extracting(platform -> platform.get("platform"))
                .containsExactly("linux/amd64");
    }

    @Test
    void shouldInspectEveryPlatformOfAnIndex() throws IOException {
        String image = plain.pushBusyboxIndex("plugin/index", "1");

        StepOutcome<Map<String, Object>> inspection = onAgent(plain, image, null, null)
                .invoke(workspace.toFile(), null);

        assertThat(platforms(inspection)).extracting(platform -> platform.get("platform"))
                .containsExactlyInAnyOrder("linux/amd64", "linux/arm64/v8");
    }

    @Test
    void shouldReportARefusedLoginWithTheStatusButNeverThePassword() {
        String image = basicAuth.pushBusyboxBase("plugin/refused", "1");
        String wrongPassword = "not-" + basicAuth.password();

        assertThatThrownBy(() -> onAgent(basicAuth, image, login(wrongPassword), null).read())
                .isInstanceOf(RegistryException.class)
                .hasMessageContaining("401")
                .hasMessageContaining(basicAuth.hostPort())
                .satisfies(e -> assertThat(e.getMessage())
                        .doesNotContain(wrongPassword)
                        .doesNotContain(basicAuth.password())
                        .doesNotContain("\n"));
    }

    @Test
    void shouldSurviveTheTripToTheAgent() throws IOException, ClassNotFoundException {
        String image = basicAuth.pushBusyboxBase("plugin/remoting", "1");

        InspectImageOnAgent sent = JavaSerialization.roundTrip(
                onAgent(basicAuth, image, login(basicAuth.password()), null));

        assertThat(sent.read().value()).containsEntry("reference", image);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> platforms(StepOutcome<Map<String, Object>> inspection) {
        return (List<Map<String, Object>>) inspection.value().get("platforms");
    }

    private static RegistryLogin login(String password) {
        return new RegistryLogin(basicAuth.username(), password);
    }

    private static InspectImageOnAgent onAgent(RegistryExtension registry, String image, RegistryLogin login,
            String dockerConfigDirectory) {
        assertThat(image).startsWith(registry.hostPort() + "/");
        return new InspectImageOnAgent(ImageReference.parse(image), RegistryOptions.defaults(), login,
                dockerConfigDirectory);
    }
}
