package io.jenkins.plugins.optimizeddeploy.engine.imagebuild.buildx;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.optimizeddeploy.engine.exec.Command;
import io.jenkins.plugins.optimizeddeploy.engine.exec.ProcessCommandRunner;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.BuildPlanner;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.BuildResult;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.DockerSettings;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.RecordingRunner;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.SampleAppCopy;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.SampleAppRequest;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.TargetResult;
import io.jenkins.plugins.optimizeddeploy.engine.inspect.ImageInspection;
import io.jenkins.plugins.optimizeddeploy.engine.inspect.ImageInspector;
import io.jenkins.plugins.optimizeddeploy.engine.inspect.Provenance;
import io.jenkins.plugins.optimizeddeploy.engine.registry.RegistryClient;
import io.jenkins.plugins.optimizeddeploy.engine.registry.RegistryOptions;
import io.jenkins.plugins.optimizeddeploy.engine.registry.auth.CredentialsSource;
import io.jenkins.plugins.optimizeddeploy.testsupport.DockerdExtension;
import io.jenkins.plugins.optimizeddeploy.testsupport.RegistryExtension;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The buildx backend attaches BuildKit's provenance to every image it pushes, and inspect reads it back: the builder,
 * the git remote and commit of the checkout the sample app was built from, and its build argument.
 */
class BuildxBakeProvenanceIT {
    private static final String REMOTE = "https://git.example.invalid/shop/sample-app.git";

    @RegisterExtension
    static final RegistryExtension registry = RegistryExtension.plain();
    @RegisterExtension
    static final DockerdExtension dockerd = new DockerdExtension();

    private final ProcessCommandRunner git = new ProcessCommandRunner();

    @Test
    void shouldAttachProvenanceWithTheCommitAndBuildArgsThatInspectReads(@TempDir Path directory) {
        String baseImage = registry.pushBusyboxBase("base/busybox", "provenance");
        Path app = SampleAppCopy.into(directory);
        String commit = commitAll(app);
        String repository = registry.hostPort() + "/provenance";

        try (RegistryClient client = new RegistryClient(RegistryOptions.defaults(), CredentialsSource.anonymous())) {
            BuildResult result = new BuildxBakeBuilder(new RecordingRunner(), client,
                    DockerSettings.defaults(dockerd.environment())).build(BuildPlanner.plan(
                            app.resolve("docker-bake.hcl"), SampleAppRequest.essential(repository,
                                    repository + "/cache", "main", baseImage)), target -> { });
            TargetResult web = result.targets().get(0);
            ImageInspection inspection = new ImageInspector(client).inspect(web.image());

            assertThat(web.backend()).isEqualTo("buildx");
            assertThat(inspection.compressedSizes()).as("the attestation manifest is no platform")
                    .containsOnlyKeys("linux/amd64");
            assertThat(inspection.platforms()).singleElement().satisfies(platform -> {
                Provenance provenance = platform.provenance();
                assertThat(provenance.attached()).as(provenance.summary()).isTrue();
                assertThat(provenance.buildType()).isEqualTo("https://mobyproject.org/buildkit@v1");
                assertThat(provenance.frontend()).isEqualTo("dockerfile.v0");
                assertThat(provenance.source()).isEqualTo(new Provenance.Source(REMOTE, commit));
                assertThat(provenance.buildArgs()).containsEntry("BASE_IMAGE", baseImage);
                assertThat(provenance.materials()).anySatisfy(material -> assertThat(material)
                        .contains("base/busybox").contains("@sha256:"));
            });
            assertThat(result.targets()).extracting(TargetResult::provenance)
                    .allSatisfy(provenance -> assertThat(provenance.source().commit()).isEqualTo(commit))
                    .first().isEqualTo(inspection.firstProvenance());
        }
    }

    /** Makes the copy a checkout of {@link #REMOTE} with everything committed; returns the commit. */
    private String commitAll(Path checkout) {
        run(checkout, "init", "-q");
        run(checkout, "remote", "add", "origin", REMOTE);
        run(checkout, "add", "-A");
        run(checkout, "-c", "user.name=ci", "-c", "user.email=ci@example.com", "commit", "-q", "-m", "sample app");
        return run(checkout, "rev-parse", "HEAD").get(0).strip();
    }

    private List<String> run(Path checkout, String... arguments) {
        return git.run(Command.of("git", arguments).withWorkingDirectory(checkout)
                .withEnvironment(Map.of("GIT_CONFIG_NOSYSTEM", "1", "HOME", checkout.toString())))
                .requireSuccess().stdout();
    }
}
