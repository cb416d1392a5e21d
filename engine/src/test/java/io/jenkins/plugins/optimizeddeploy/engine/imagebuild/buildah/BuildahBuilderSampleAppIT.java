package io.jenkins.plugins.optimizeddeploy.engine.imagebuild.buildah;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.BuildPlanner;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.BuildProgress;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.BuildRequest;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.BuildResult;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.RecordingRunner;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.SampleAppCopy;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.SampleAppRequest;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.TargetResult;
import io.jenkins.plugins.optimizeddeploy.engine.registry.RegistryClient;
import io.jenkins.plugins.optimizeddeploy.engine.registry.RegistryOptions;
import io.jenkins.plugins.optimizeddeploy.engine.registry.auth.CredentialsSource;
import io.jenkins.plugins.optimizeddeploy.testsupport.BuildahExtension;
import io.jenkins.plugins.optimizeddeploy.testsupport.RegistryExtension;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class BuildahBuilderSampleAppIT {
    @RegisterExtension
    static final RegistryExtension registry = RegistryExtension.plain();
    /** Its own registry: nobody has logged in to it, so cache pushes are refused. */
    @RegisterExtension
    static final RegistryExtension lockedRegistry = RegistryExtension.basicAuth().perTestClass();
    @RegisterExtension
    static final BuildahExtension agent = new BuildahExtension().perTestClass();
    @RegisterExtension
    static final BuildahExtension newAgent = new BuildahExtension().perTestClass();
    @RegisterExtension
    static final BuildahExtension localFolderAgent = new BuildahExtension().perTestClass();

    private static final RegistryClient REGISTRY_CLIENT = new RegistryClient(RegistryOptions.defaults(), CredentialsSource.anonymous());
    private static String baseImage;
    private final RecordingRunner runner = new RecordingRunner();

    @BeforeAll
    static void seedBaseImage() {
        baseImage = registry.pushBusyboxBase("base/busybox", "buildah-builder");
    }

    @AfterAll
    static void closeRegistryClient() {
        REGISTRY_CLIENT.close();
    }

    @Test
    void shouldBuildWarmAfterAWebChangeThenOnANewAgentFromTheRegistryCache(@TempDir Path directory) {
        Path app = SampleAppCopy.into(directory);
        String repository = registry.hostPort() + "/buildah";

        BuildResult cold = build(agent, app, repository);
        SampleAppCopy.change(app.resolve("web/index.html"), "<!-- changed -->\n");
        BuildResult warm = build(agent, app, repository);
        runner.clear();
        BuildResult fresh = build(newAgent, app, repository);

        assertThat(cold.targets()).extracting(TargetResult::target).containsExactly("web", "worker");
        assertThat(cold.targets()).allSatisfy(target -> assertThat(target.cacheExportMillis()).isPositive());
        assertThat(cold.backendReason()).contains("storage driver " + agent.storageDriver() + " (");
        assertThat(warm.targets().get(0).executedSteps()).as(runner.transcript()).singleElement()
                .matches(SampleAppRequest::isWebContentStep);
        assertThat(warm.targets().get(1).executedSteps()).isEmpty();
        assertThat(warm.steps().hitRate()).as(warm.steps().toString()).isGreaterThanOrEqualTo(SampleAppRequest.REQUIRED_HIT_RATE);
        assertThat(fresh.targets()).allSatisfy(target -> {
            assertThat(target.digest()).isEqualTo(REGISTRY_CLIENT.headManifest(target.image()).digest());
            assertThat(target.cacheExportFailures()).isEmpty();
            assertThat(target.executedSteps()).as(runner.transcript()).isEmpty();
            assertThat(target.provenance().summary()).isEqualTo("no provenance (backend buildah does not attach it)");
            assertThat(target.cacheImportMillis()).as("cache pulled from the registry").isPositive();
        });
        assertThat(runner.transcript()).contains("--> Cache pulled from remote " + repository + "/cache/web/main:");
        assertThat(fresh.steps().hitRate()).as(fresh.steps().toString()).isGreaterThanOrEqualTo(SampleAppRequest.REQUIRED_HIT_RATE);
    }

    @Test
    void shouldSucceedAndReportTheFailedExportWhenTheCacheCannotBeWritten(@TempDir Path directory) {
        Path app = SampleAppCopy.into(directory);
        String repository = registry.hostPort() + "/buildah-unwritable";
        String lockedCache = lockedRegistry.hostPort() + "/cache";
        BuildahBuilder builder = new BuildahBuilder(runner, REGISTRY_CLIENT,
                BuildahSettings.defaults(agent.globalArguments(), agent.environment()).withTlsVerify(false));

        BuildResult result = builder.build(BuildPlanner.plan(app.resolve("docker-bake.hcl"),
                SampleAppRequest.essential(repository, lockedCache, "main", baseImage)), BuildProgress.SILENT);

        assertThat(result.targets()).as(runner.transcript()).allSatisfy(target -> {
            assertThat(target.digest().algorithm()).isEqualTo("sha256");
            assertThat(target.cacheExportFailures()).anyMatch(failure -> failure.contains(lockedCache));
        });
    }

    @Test
    void shouldHitTheLocalCacheFolderInANewStorageWhoseRegistryCacheIsGone(@TempDir Path directory) {
        Path app = SampleAppCopy.into(directory.resolve("app"));
        Path folder = directory.resolve("local-cache");
        String repository = registry.hostPort() + "/buildah-local";
        build(agent, app, SampleAppRequest.withLocalCache(
                SampleAppRequest.essential(repository, repository + "/cache", "main", baseImage), folder));
        runner.clear();

        BuildResult fresh = build(localFolderAgent, app, SampleAppRequest.withLocalCache(
                SampleAppRequest.essential(repository, repository + "/cache-gone", "main", baseImage), folder));

        assertThat(fresh.steps().hitRate()).as(runner.transcript()).isGreaterThanOrEqualTo(SampleAppRequest.REQUIRED_HIT_RATE);
        assertThat(fresh.targets()).allSatisfy(target -> {
            assertThat(target.cacheSource()).startsWith("local " + folder.resolve(target.target()));
            assertThat(target.cacheImportMillis()).as("buildah pull of the folder's step images").isPositive();
            assertThat(target.cacheExportFailures()).isEmpty();
        });
        assertThat(runner.transcript()).doesNotContain("Cache pulled from remote");
    }

    private BuildResult build(BuildahExtension storage, Path app, String repository) {
        return build(storage, app, SampleAppRequest.essential(repository, repository + "/cache", "main", baseImage));
    }

    private BuildResult build(BuildahExtension storage, Path app, BuildRequest request) {
        BuildahBuilder builder = new BuildahBuilder(runner, REGISTRY_CLIENT,
                BuildahSettings.defaults(storage.globalArguments(), storage.environment()).withTlsVerify(false));
        return builder.build(BuildPlanner.plan(app.resolve("docker-bake.hcl"), request), BuildProgress.SILENT);
    }
}
