package io.jenkins.plugins.optimizeddeploy.engine.imagebuild.docker;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.optimizeddeploy.engine.exec.CommandResult;
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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class DockerBuilderSampleAppIT {
    @RegisterExtension
    static final RegistryExtension registry = RegistryExtension.plain();
    /** Its own registry, so no other test has logged the shared daemon in to it: pushes are refused. */
    @RegisterExtension
    static final RegistryExtension lockedRegistry = RegistryExtension.basicAuth().perTestClass();
    @RegisterExtension
    static final DockerdExtension dockerd = new DockerdExtension();

    private static String baseImage;
    private final RecordingRunner runner = new RecordingRunner();
    private final List<String> progress = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    static void seedBaseImage() {
        baseImage = registry.pushBusyboxBase("base/busybox", "docker-builder");
    }

    @Test
    void shouldBuildOnlyTheEssentialTargetsColdThenWarmWithOnlyTheWebContentStepRerun(@TempDir Path directory) {
        Path app = SampleAppCopy.into(directory);
        String repository = registry.hostPort() + "/warm";

        BuildResult cold = build(app, SampleAppRequest.essential(repository, repository + "/cache", "main", baseImage));
        SampleAppCopy.change(app.resolve("web/index.html"), "<!-- changed -->\n");
        runner.clear();
        BuildResult warm = build(app, SampleAppRequest.essential(repository, repository + "/cache", "main", baseImage));

        assertThat(cold.targets()).extracting(TargetResult::target).containsExactly("web", "worker");
        try (RegistryClient client = new RegistryClient(RegistryOptions.defaults(), CredentialsSource.anonymous())) {
            assertThat(warm.targets()).allSatisfy(target -> {
                assertThat(target.digest()).isEqualTo(client.headManifest(target.image())
                        .digest());
                assertThat(target.compressedBytes()).isPositive();
                assertThat(target.cacheExportFailures()).isEmpty();
                // on the containerd store the backend asks for mode=max provenance, which records the build args
                assertThat(target.provenance().buildType()).as(target.provenance().summary())
                        .isEqualTo("https://mobyproject.org/buildkit@v1");
                assertThat(target.provenance().buildArgs()).containsEntry("BASE_IMAGE", baseImage);
            });
        }
        assertThat(runner.results()).extracting(CommandResult::command)
                .noneMatch(command -> command.contains("--target docs") || command.contains("--target migrations")
                        || command.contains("/docs:") || command.contains("/migrations:"));
        List<String> rerun = warm.targets().stream().flatMap(target -> target.executedSteps().stream()).toList();
        assertThat(rerun).as(runner.transcript()).singleElement().matches(SampleAppRequest::isWebContentStep);
        assertThat(warm.steps().hitRate()).as(warm.steps().toString()).isGreaterThanOrEqualTo(SampleAppRequest.REQUIRED_HIT_RATE);
        assertThat(progress).anyMatch(line -> line.startsWith("web: building " + repository + "/web:t1 with docker"))
                .anyMatch(line -> line.matches("worker: built in [0-9.]+ s, \\d+ of 7 steps cached \\(\\d+ %\\), cache import [0-9.]+ s"
                        + " \\(.*\\), export [0-9.]+ s, sha256:.*"));
    }

    @Test
    void shouldSucceedAndReportTheFailedExportWhenTheCacheCannotBeWritten(@TempDir Path directory) {
        Path app = SampleAppCopy.into(directory);
        String repository = registry.hostPort() + "/unwritable";
        String lockedCache = lockedRegistry.hostPort() + "/cache";

        BuildResult result = build(app, SampleAppRequest.essential(repository, lockedCache, "main", baseImage));

        assertThat(result.targets()).allSatisfy(target -> {
            assertThat(target.digest().algorithm()).isEqualTo("sha256");
            assertThat(target.cacheExportFailures()).anyMatch(failure -> failure.startsWith(
                    lockedCache + "/" + target.target() + "/main:final (exit code 1"));
        });
        assertThat(progress).anyMatch(line -> line.contains("cache export failed: " + lockedCache));
    }

    private BuildResult build(Path app, BuildRequest request) {
        try (RegistryClient client = new RegistryClient(RegistryOptions.defaults(), CredentialsSource.anonymous())) {
            DockerBuilder builder = new DockerBuilder(runner, client, DockerSettings.defaults(dockerd.environment()));
            return builder.build(BuildPlanner.plan(app.resolve("docker-bake.hcl"), request), progress::add);
        }
    }
}
