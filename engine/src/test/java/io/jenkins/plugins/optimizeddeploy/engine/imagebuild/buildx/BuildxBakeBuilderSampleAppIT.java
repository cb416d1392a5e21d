package io.jenkins.plugins.optimizeddeploy.engine.imagebuild.buildx;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.BuildPlanner;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.BuildRequest;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.BuildResult;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.DockerSettings;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.RecordingRunner;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.SampleAppCopy;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.SampleAppRequest;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.TargetResult;
import io.jenkins.plugins.optimizeddeploy.engine.registry.RegistryClient;
import io.jenkins.plugins.optimizeddeploy.engine.registry.RegistryOptions;
import io.jenkins.plugins.optimizeddeploy.engine.registry.auth.CredentialsSource;
import io.jenkins.plugins.optimizeddeploy.testsupport.DockerdExtension;
import io.jenkins.plugins.optimizeddeploy.testsupport.RegistryExtension;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The buildx backend for real: {@code docker buildx bake} with our override file on buildx's default {@code docker}
 * driver of a dockerd with the containerd image store, pushing and exporting a {@code mode=max} registry cache that
 * a brand-new daemon (fresh data root) builds from.
 */
class BuildxBakeBuilderSampleAppIT {
    @RegisterExtension
    static final RegistryExtension registry = RegistryExtension.plain();
    @RegisterExtension
    static final DockerdExtension firstAgent = new DockerdExtension().perTestClass();
    @RegisterExtension
    static final DockerdExtension newAgent = new DockerdExtension().perTestClass();

    private static String baseImage;
    private final RecordingRunner runner = new RecordingRunner();
    private final List<String> progress = Collections.synchronizedList(new ArrayList<>());
    private final RegistryClient registryClient = new RegistryClient(RegistryOptions.defaults(), CredentialsSource.anonymous());

    @BeforeAll
    static void seedBaseImage() {
        baseImage = registry.pushBusyboxBase("base/busybox", "buildx");
    }

    @AfterEach
    void closeRegistryClient() {
        registryClient.close();
    }

    @Test
    void shouldBakeTheEssentialGroupAndLetABrandNewDaemonRerunOnlyTheChangedStepFromTheRegistryCache(
            @TempDir Path directory) {
        Path app = SampleAppCopy.into(directory);
        String repository = registry.hostPort() + "/buildx";
        BuildRequest request = SampleAppRequest.essential(repository, repository + "/cache", "main", baseImage);

        BuildResult cold = build(app, request, firstAgent);
        SampleAppCopy.change(app.resolve("web/index.html"), "<!-- changed -->\n");
        runner.clear();
        BuildResult warm = build(app, request, newAgent);

        assertThat(cold.targets()).extracting(TargetResult::target).containsExactly("web", "worker");
        assertThat(warm.targets()).allSatisfy(target -> {
            assertThat(target.backend()).isEqualTo("buildx");
            assertThat(target.digest()).isEqualTo(registryClient.headManifest(target.image())
                    .digest());
            assertThat(target.compressedBytes()).isPositive();
        });
        assertThat(registry.manifest("buildx/cache/web/main", BuildxCacheEntries.TAG).digest()).startsWith("sha256:");
        assertThat(registry.manifest("buildx/cache/worker/main", BuildxCacheEntries.TAG).digest()).startsWith("sha256:");
        List<String> rerun = warm.targets().stream().flatMap(target -> target.executedSteps().stream()).toList();
        assertThat(rerun).as(runner.transcript()).singleElement().matches(SampleAppRequest::isWebContentStep);
        assertThat(warm.steps().hitRate()).as(warm.steps().toString())
                .isGreaterThanOrEqualTo(SampleAppRequest.REQUIRED_HIT_RATE);
        assertThat(runner.results()).singleElement().satisfies(bake -> assertThat(bake.command())
                .contains(" --push ").doesNotContain(" docs", " migrations").endsWith(" web worker"));
    }

    private BuildResult build(Path app, BuildRequest request, DockerdExtension agent) {
        BuildxBakeBuilder builder = new BuildxBakeBuilder(runner, registryClient, DockerSettings.defaults(agent.environment()));
        return builder.build(BuildPlanner.plan(app.resolve("docker-bake.hcl"), request), progress::add);
    }
}
