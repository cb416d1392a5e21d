package io.jenkins.plugins.optimizeddeploy.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.optimizeddeploy.engine.cache.CacheSettings;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.BuildPlan;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.BuildPlanner;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.BuildProgress;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.BuildRequest;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.BuildResult;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.DockerSettings;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.ImageBuildException;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.RecordingRunner;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.SampleAppRequest;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.TargetResult;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.buildah.BuildahBuilder;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.buildah.BuildahSettings;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.docker.DockerBuilder;
import io.jenkins.plugins.optimizeddeploy.engine.registry.RegistryClient;
import io.jenkins.plugins.optimizeddeploy.engine.registry.RegistryOptions;
import io.jenkins.plugins.optimizeddeploy.engine.registry.auth.CredentialsSource;
import io.jenkins.plugins.optimizeddeploy.testsupport.BuildahExtension;
import io.jenkins.plugins.optimizeddeploy.testsupport.RegistryExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A bake target's {@code contexts}: passed to buildah, refused by docker 20.10 before anything runs. */
class NamedContextsIT {
    @RegisterExtension
    static final RegistryExtension registry = RegistryExtension.plain();
    @RegisterExtension
    static final BuildahExtension agent = new BuildahExtension().perTestClass();

    private static final RegistryClient REGISTRY_CLIENT = new RegistryClient(RegistryOptions.defaults(), CredentialsSource.anonymous());
    private final RecordingRunner runner = new RecordingRunner();

    @TempDir
    Path app;

    @AfterAll
    static void closeRegistryClient() {
        REGISTRY_CLIENT.close();
    }

    @Test
    void shouldPassALocalFolderContextToBuildah() throws IOException {
        String baseImage = registry.pushBusyboxBase("base/busybox", "named-contexts");
        BuildPlan plan = plan("{ extra = \"./extra\" }", baseImage);

        BuildResult result = new BuildahBuilder(runner, REGISTRY_CLIENT,
                BuildahSettings.defaults(agent.globalArguments(), agent.environment()).withTlsVerify(false))
                .build(plan, BuildProgress.SILENT);

        assertThat(plan.targets().get(0).contexts()).containsExactly(Map.entry("extra", app.resolve("extra").toString()));
        assertThat(runner.transcript()).contains("--build-context extra=" + app.resolve("extra"));
        TargetResult target = result.targets().get(0);
        assertThat(target.executedSteps()).as(runner.transcript()).anyMatch(step -> step.endsWith("COPY --from=extra greeting.txt /greeting.txt"));
        assertThat(target.digest()).isEqualTo(REGISTRY_CLIENT.headManifest(target.image()).digest());
    }

    @Test
    void shouldRefuseNamedContextsWithDockerBeforeRunningAnything() throws IOException {
        BuildPlan plan = plan("{ extra = \"docker-image://" + registry.hostPort() + "/base/busybox:1\" }", "unused");

        assertThatThrownBy(() -> new DockerBuilder(runner, REGISTRY_CLIENT, DockerSettings.defaults(Map.of())).build(plan, BuildProgress.SILENT))
                .isInstanceOf(ImageBuildException.class)
                .hasMessage("Target app of " + app.resolve("docker-bake.hcl") + " uses named contexts [extra], which docker"
                        + " build 20.10 cannot pass (--build-context needs buildx): build it with the buildx or buildah backend");
        assertThat(runner.results()).isEmpty();
    }

    @Test
    void shouldRefuseALinkedTargetWithBuildahBeforeRunningAnything() throws IOException {
        BuildPlan plan = plan("{ extra = \"target:other\" }", "unused");

        assertThatThrownBy(() -> new BuildahBuilder(runner, REGISTRY_CLIENT,
                BuildahSettings.defaults(agent.globalArguments(), agent.environment())).build(plan, BuildProgress.SILENT))
                .isInstanceOf(ImageBuildException.class)
                .hasMessageContaining("Target app of " + app.resolve("docker-bake.hcl") + " takes its context extra from"
                        + " another bake target:other, which only buildx bake builds");
        assertThat(runner.results()).isEmpty();
    }

    private BuildPlan plan(String contexts, String baseImage) throws IOException {
        Files.createDirectories(app.resolve("extra"));
        Files.writeString(app.resolve("extra/greeting.txt"), "hello from a named context\n");
        Files.writeString(app.resolve("Dockerfile"), """
                ARG BASE_IMAGE
                FROM ${BASE_IMAGE}
                COPY --from=extra greeting.txt /greeting.txt
                """);
        Files.writeString(app.resolve("docker-bake.hcl"), """
                variable "BASE_IMAGE" {
                  default = ""
                }
                target "app" {
                  args = { BASE_IMAGE = "${BASE_IMAGE}" }
                  contexts = %s
                }
                target "other" {
                  args = { BASE_IMAGE = "${BASE_IMAGE}" }
                }
                """.formatted(contexts));
        String repository = registry.hostPort() + "/contexts";
        return BuildPlanner.plan(app.resolve("docker-bake.hcl"), new BuildRequest(List.of("app"), repository, List.of("t1"),
                SampleAppRequest.REVISION, "", CacheSettings.of(repository + "/cache", "main", "main"),
                Map.of("BASE_IMAGE", baseImage)));
    }
}
