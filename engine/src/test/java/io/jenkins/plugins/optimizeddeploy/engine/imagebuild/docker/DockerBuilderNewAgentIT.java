package io.jenkins.plugins.optimizeddeploy.engine.imagebuild.docker;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.optimizeddeploy.engine.image.ImageReference;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.BuildPlanner;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.BuildProgress;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.BuildRequest;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.BuildResult;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.DockerSettings;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.RecordingRunner;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.SampleAppCopy;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.SampleAppRequest;
import io.jenkins.plugins.optimizeddeploy.engine.registry.RegistryClient;
import io.jenkins.plugins.optimizeddeploy.engine.registry.RegistryOptions;
import io.jenkins.plugins.optimizeddeploy.engine.registry.auth.CredentialsSource;
import io.jenkins.plugins.optimizeddeploy.testsupport.DockerdExtension;
import io.jenkins.plugins.optimizeddeploy.testsupport.RegistryExtension;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Agents that have never built the app: each gets a brand-new dockerd whose only cache is the registry's. */
class DockerBuilderNewAgentIT {
    @RegisterExtension
    static final RegistryExtension registry = RegistryExtension.plain();
    @RegisterExtension
    static final DockerdExtension firstAgent = new DockerdExtension().perTestClass();
    @RegisterExtension
    static final DockerdExtension newAgent = new DockerdExtension().perTestClass();
    @RegisterExtension
    static final DockerdExtension newBranchAgent = new DockerdExtension().perTestClass();
    /** A new daemon on an agent that keeps a local cache folder (a volume that outlives agents, say). */
    @RegisterExtension
    static final DockerdExtension localFolderAgent = new DockerdExtension().perTestClass();

    private static final RegistryClient REGISTRY_CLIENT = new RegistryClient(RegistryOptions.defaults(), CredentialsSource.anonymous());
    @TempDir
    static Path appDirectory;
    private static String baseImage;
    private static Path app;
    private static String repository;
    private final RecordingRunner runner = new RecordingRunner();

    @BeforeAll
    static void buildMainOnTheFirstAgent() {
        baseImage = registry.pushBusyboxBase("base/busybox", "docker-new-agent");
        app = SampleAppCopy.into(appDirectory);
        repository = registry.hostPort() + "/new-agent";
        build(new RecordingRunner(), firstAgent, "main");
    }

    @AfterAll
    static void closeRegistryClient() {
        REGISTRY_CLIENT.close();
    }

    @Test
    void shouldHitTheRegistryCacheOnABrandNewDaemon() {
        BuildResult result = build(runner, newAgent, "main");

        assertThat(result.steps().hitRate()).as(runner.transcript()).isGreaterThanOrEqualTo(SampleAppRequest.REQUIRED_HIT_RATE);
        assertThat(result.targets()).as(runner.transcript()).allSatisfy(target -> {
            assertThat(target.executedSteps()).isEmpty();
            assertThat(target.cacheExportMillis()).as("cache images pushed").isPositive();
        });
    }

    @Test
    void shouldStartANewBranchWithoutCacheOfItsOwnFromTheDefaultBranchCache() {
        BuildResult result = build(runner, newBranchAgent, "feature/Login");

        assertThat(result.steps().hitRate()).as(runner.transcript()).isGreaterThanOrEqualTo(SampleAppRequest.REQUIRED_HIT_RATE);
        assertThat(runner.transcript()).contains("importing cache manifest from " + repository + "/cache/web/main:final");
        assertThat(REGISTRY_CLIENT.headManifest(ImageReference.parse(repository + "/cache/web/feature-login:final")).digest())
                .as("the branch's own cache is written for its next build").isNotNull();
    }

    @Test
    void shouldHitTheLocalCacheFolderOnABrandNewDaemonWhoseRegistryCacheIsGone(@TempDir Path folder) {
        BuildRequest saving = SampleAppRequest.withLocalCache(
                SampleAppRequest.essential(repository, repository + "/cache", "main", baseImage), folder);
        build(new RecordingRunner(), firstAgent, saving);
        BuildRequest goneFromRegistry = SampleAppRequest.withLocalCache(
                SampleAppRequest.essential(repository, repository + "/cache-gone", "main", baseImage), folder);

        BuildResult result = build(runner, localFolderAgent, goneFromRegistry);

        assertThat(folder.resolve("web").resolve(DockerLocalCache.ARCHIVE)).isRegularFile();
        assertThat(result.steps().hitRate()).as(runner.transcript()).isGreaterThanOrEqualTo(SampleAppRequest.REQUIRED_HIT_RATE);
        assertThat(result.targets()).allSatisfy(target -> {
            assertThat(target.cacheSource()).startsWith("local " + folder.resolve(target.target()));
            assertThat(target.cacheImportMillis()).as("docker load of the folder's cache images").isPositive();
            assertThat(target.cacheExportFailures()).isEmpty();
        });
    }

    private static BuildResult build(RecordingRunner runner, DockerdExtension agent, String branch) {
        return build(runner, agent, SampleAppRequest.essential(repository, repository + "/cache", branch, baseImage));
    }

    private static BuildResult build(RecordingRunner runner, DockerdExtension agent, BuildRequest request) {
        DockerBuilder builder = new DockerBuilder(runner, REGISTRY_CLIENT, DockerSettings.defaults(agent.environment()));
        return builder.build(BuildPlanner.plan(app.resolve("docker-bake.hcl"), request), BuildProgress.SILENT);
    }
}
