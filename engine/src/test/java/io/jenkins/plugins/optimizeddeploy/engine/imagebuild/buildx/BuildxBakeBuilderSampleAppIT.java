package io.jenkins.plugins.optimizeddeploy.engine.imagebuild.buildx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.jenkins.plugins.optimizeddeploy.engine.cache.CachePlan;
import io.jenkins.plugins.optimizeddeploy.engine.image.ImageReference;
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
import io.jenkins.plugins.optimizeddeploy.testsupport.Buildkitd;
import io.jenkins.plugins.optimizeddeploy.testsupport.DockerBuildx;
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
 * The buildx backend for real: {@code docker buildx bake} with our override file, pushing and exporting a
 * {@code mode=max} registry cache through a remote builder on a private buildkitd (buildx's docker driver cannot
 * export cache). Runs where docker buildx and buildkitd are installed (neither has a bookworm package).
 */
class BuildxBakeBuilderSampleAppIT {
    @RegisterExtension
    static final RegistryExtension registry = RegistryExtension.plain();

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
    void shouldBakeTheEssentialGroupAndLetABrandNewBuilderRerunOnlyTheChangedStepFromTheRegistryCache(
            @TempDir Path directory) {
        assumeThat(DockerBuildx.version()).as("/usr/bin/docker has no buildx plugin (bookworm has no package; see"
                + " build/bake-print/README.md): the override file and arguments are checked by BuildxBakeBuilderTest")
                .isPresent();
        assumeThat(Buildkitd.binary()).as("no buildkitd in /usr/local/bin or /usr/bin (bookworm has no package; see"
                + " build/bake-print/README.md): the override file and arguments are checked by BuildxBakeBuilderTest")
                .isPresent();
        Path app = SampleAppCopy.into(directory);
        String repository = registry.hostPort() + "/buildx";
        BuildRequest request = SampleAppRequest.essential(repository, repository + "/cache", "main", baseImage);

        BuildResult cold;
        try (Buildkitd buildkitd = Buildkitd.start(registry.hostPort())) {
            cold = build(app, request, buildkitd);
        }
        SampleAppCopy.change(app.resolve("web/index.html"), "<!-- changed -->\n");
        runner.clear();
        BuildResult newAgent;
        try (Buildkitd brandNew = Buildkitd.start(registry.hostPort())) {
            newAgent = build(app, request, brandNew);
        }

        assertThat(cold.targets()).extracting(TargetResult::target).containsExactly("web", "worker");
        assertThat(newAgent.targets()).allSatisfy(target -> {
            assertThat(target.backend()).isEqualTo("buildx");
            assertThat(target.digest()).isEqualTo(registryClient.headManifest(ImageReference.parse(target.image()))
                    .digest().toString());
            assertThat(target.compressedBytes()).isPositive();
        });
        assertThat(registry.manifest("buildx/cache/web/main", CachePlan.BUILDX_TAG).digest()).startsWith("sha256:");
        assertThat(registry.manifest("buildx/cache/worker/main", CachePlan.BUILDX_TAG).digest()).startsWith("sha256:");
        List<String> rerun = newAgent.targets().stream().flatMap(target -> target.executedSteps().stream()).toList();
        assertThat(rerun).as(runner.transcript()).singleElement().matches(SampleAppRequest::isWebContentStep);
        assertThat(newAgent.steps().hitRate()).as(newAgent.steps().toString())
                .isGreaterThanOrEqualTo(SampleAppRequest.REQUIRED_HIT_RATE);
        assertThat(runner.results()).singleElement().satisfies(bake -> assertThat(bake.command())
                .contains(" --push ").doesNotContain(" docs", " migrations").endsWith(" web worker"));
    }

    private BuildResult build(Path app, BuildRequest request, Buildkitd buildkitd) {
        BuildxBakeBuilder builder = new BuildxBakeBuilder(runner, registryClient,
                DockerSettings.defaults(buildkitd.clientEnvironment()));
        return builder.build(BuildPlanner.plan(app.resolve("docker-bake.hcl"), request), progress::add);
    }
}
