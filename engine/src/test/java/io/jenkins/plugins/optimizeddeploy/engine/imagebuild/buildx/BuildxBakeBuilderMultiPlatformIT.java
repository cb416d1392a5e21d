package io.jenkins.plugins.optimizeddeploy.engine.imagebuild.buildx;

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
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.TargetResult;
import io.jenkins.plugins.optimizeddeploy.engine.inspect.ImageInspection;
import io.jenkins.plugins.optimizeddeploy.engine.inspect.ImageInspector;
import io.jenkins.plugins.optimizeddeploy.engine.inspect.PlatformImage;
import io.jenkins.plugins.optimizeddeploy.engine.registry.ManifestMediaType;
import io.jenkins.plugins.optimizeddeploy.engine.registry.RegistryClient;
import io.jenkins.plugins.optimizeddeploy.engine.registry.RegistryOptions;
import io.jenkins.plugins.optimizeddeploy.engine.registry.auth.CredentialsSource;
import io.jenkins.plugins.optimizeddeploy.engine.retag.RetagOutcome;
import io.jenkins.plugins.optimizeddeploy.engine.retag.RetagRequest;
import io.jenkins.plugins.optimizeddeploy.engine.retag.RetagResult;
import io.jenkins.plugins.optimizeddeploy.engine.retag.Retagger;
import io.jenkins.plugins.optimizeddeploy.testsupport.DockerdExtension;
import io.jenkins.plugins.optimizeddeploy.testsupport.RegistryExtension;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample's essential group for linux/amd64 and linux/arm64 as one index per image, with buildx bake on the
 * {@code docker} driver of a containerd-store dockerd: the arm64 steps run through qemu-aarch64-static, registered
 * with binfmt_misc by test-support. The index is retagged intact, and every platform's size is in the inspection and
 * in the build result.
 */
class BuildxBakeBuilderMultiPlatformIT {
    @RegisterExtension
    static final RegistryExtension registry = RegistryExtension.plain();
    @RegisterExtension
    static final DockerdExtension dockerd = new DockerdExtension();

    private final RecordingRunner runner = new RecordingRunner();
    private final RegistryClient registryClient = new RegistryClient(RegistryOptions.defaults(), CredentialsSource.anonymous());

    @AfterEach
    void closeRegistryClient() {
        registryClient.close();
    }

    @Test
    void shouldBakeOneIndexForBothPlatformsShowEachSizeAndRetagItIntact(@TempDir Path directory) {
        String baseImage = registry.pushMultiPlatformBusyboxBase("base/busybox", "multi-platform");
        Path app = SampleAppCopy.into(directory);
        String repository = registry.hostPort() + "/multi";
        BuildRequest essential = SampleAppRequest.essential(repository, repository + "/cache", "main", baseImage);
        BuildRequest bothPlatforms = new BuildRequest(essential.targets(), essential.registry(), essential.tags(),
                essential.revision(), "linux/amd64,linux/arm64", essential.cache(), essential.environment());
        BuildxBakeBuilder builder = new BuildxBakeBuilder(runner, registryClient, DockerSettings.defaults(dockerd.environment()));

        BuildResult result = builder.build(BuildPlanner.plan(app.resolve("docker-bake.hcl"), bothPlatforms),
                BuildProgress.SILENT);
        TargetResult worker = result.targets().stream().filter(target -> target.target().equals("worker")).findFirst()
                .orElseThrow();
        ImageInspection built = inspect(worker.image().toString());
        RetagResult retag = new Retagger(registryClient).retag(RetagRequest.of(List.of(worker.image().toString()), List.of("release"),
                null), line -> { });
        ImageInspection released = inspect(repository + "/worker:release");
        String arm64Machine = dockerd.docker("run", "--rm", "--platform", "linux/arm64", "--network", "host",
                worker.image().toString(), "uname", "-m").requireSuccess().stdout().strip();

        assertThat(result.targets()).as(runner.transcript()).extracting(TargetResult::target).containsExactly("web", "worker");
        assertThat(result.targets()).allSatisfy(target -> assertThat(target.platformSizes())
                .containsOnlyKeys("linux/amd64", "linux/arm64").allSatisfy((platform, size) -> assertThat(size).isPositive()));
        assertThat(built.mediaType()).isEqualTo(ManifestMediaType.OCI_INDEX.value());
        assertThat(built.digest()).isEqualTo(worker.digest());
        assertThat(built.compressedSizes()).isEqualTo(worker.platformSizes());
        assertThat(retag.outcome()).isEqualTo(RetagOutcome.MOVED);
        assertThat(released.digest()).isEqualTo(worker.digest());
        assertThat(released.platforms()).extracting(PlatformImage::manifestDigest)
                .containsExactlyElementsOf(built.platforms().stream().map(PlatformImage::manifestDigest).toList());
        assertThat(arm64Machine).as("the arm64 image runs arm64 busybox, emulated").isEqualTo("aarch64");
    }

    private ImageInspection inspect(String image) {
        return new ImageInspector(registryClient).inspect(ImageReference.parse(image));
    }
}
