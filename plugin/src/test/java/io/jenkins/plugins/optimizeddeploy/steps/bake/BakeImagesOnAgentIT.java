package io.jenkins.plugins.optimizeddeploy.steps.bake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.MissingNode;
import io.jenkins.plugins.optimizeddeploy.config.StepDefaults;
import io.jenkins.plugins.optimizeddeploy.engine.errors.BadInputException;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.BuildRequest;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.BuildResult;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.BuildResultFields;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.BuilderBackend;
import io.jenkins.plugins.optimizeddeploy.engine.metrics.MetricsJson;
import io.jenkins.plugins.optimizeddeploy.engine.metrics.Phase;
import io.jenkins.plugins.optimizeddeploy.engine.metrics.RunMetrics;
import io.jenkins.plugins.optimizeddeploy.steps.BuildLog;
import io.jenkins.plugins.optimizeddeploy.steps.BuilderAccess;
import io.jenkins.plugins.optimizeddeploy.steps.JavaSerialization;
import io.jenkins.plugins.optimizeddeploy.steps.LocalLauncherProcesses;
import io.jenkins.plugins.optimizeddeploy.steps.RegistryLogin;
import io.jenkins.plugins.optimizeddeploy.steps.StepOutcome;
import io.jenkins.plugins.optimizeddeploy.testsupport.DockerdExtension;
import io.jenkins.plugins.optimizeddeploy.testsupport.RegistryExtension;
import io.jenkins.plugins.optimizeddeploy.testsupport.SampleApp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent side of bakeImages on the sample app, with a private dockerd and a registry that wants a login for
 * every pull and push: the step's credentials must reach docker for the base image, the images and the cache.
 */
class BakeImagesOnAgentIT {

    /** Its own registry, so no other test has logged the shared daemon in to it. */
    @RegisterExtension
    static final RegistryExtension registry = RegistryExtension.basicAuth().perTestClass();
    @RegisterExtension
    static final DockerdExtension dockerd = new DockerdExtension();

    /** A fixed build time: the created label stays the same from build to build, as with a commit's time. */
    private static final Instant STARTED = Instant.parse("2026-11-26T12:00:00Z");
    private static String baseImage;

    private final BuildLog log = new BuildLog();
    /** The local cache folder: the workspace here is the sample app in the source tree, nothing may be written beside it. */
    @TempDir
    Path localCache;
    /** The workspace's temporary folder (WORKSPACE@tmp), where the step's login is written for docker. */
    @TempDir
    Path workspaceTemporary;

    @BeforeAll
    static void seedBaseImage() {
        baseImage = registry.pushBusyboxBase("base/busybox", "plugin-bake");
    }

    @Test
    void shouldBakeTheEssentialGroupColdThenWarmFromTheRegistryCacheWithTheStepsLogin() throws IOException {
        BuildResult cold = bake(login());
        BuildResult warm = bake(login());

        Map<String, Object> returned = BuildResultFields.of(warm);
        assertThat(returned).containsEntry("backend", "docker");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> targets = (List<Map<String, Object>>) returned.get("targets");
        assertThat(targets).extracting(target -> target.get("target")).containsExactly("web", "worker");
        assertThat(targets).allSatisfy(target -> {
            String name = (String) target.get("target");
            assertThat(target.get("image")).isEqualTo(registry.hostPort() + "/plugin/" + name + ":t1");
            assertThat(target.get("digest")).isEqualTo(registry.manifest("plugin/" + name, "t1").digest());
            assertThat((long) target.get("compressedBytes")).isPositive();
            assertThat((double) target.get("cacheHitRate")).isGreaterThanOrEqualTo(0.9);
            assertThat(target.get("cacheExportFailures")).isEqualTo(List.of());
            assertThat((long) target.get("cacheExportMillis")).as("cache images pushed").isPositive();
            assertThat(localCache.resolve(name).resolve("docker-cache.tar")).as("the local cache folder").isRegularFile();
        });
        assertThat(cold.steps().executed()).isPositive();
        assertThat(log.text()).contains("bakeImages: web: building " + registry.hostPort() + "/plugin/web:t1 with docker")
                .containsPattern("bakeImages: worker: built in [0-9.]+ s, \\d+ of \\d+ steps cached \\(\\d+ %\\),"
                        + " cache import [0-9.]+ s \\(branch .*/plugin/cache/worker/main\\), export [0-9.]+ s")
                .doesNotContain(registry.password());
        try (Stream<Path> left = Files.list(workspaceTemporary)) {
            assertThat(left).as("temporary docker configs left").isEmpty();
        }
    }

    @Test
    void shouldStartEveryProcessThroughTheStepsLauncherWithTheBuildsPathAndEnvironment(@TempDir Path tools)
            throws IOException {
        Path calls = tools.resolve("calls.log");
        Path dockerOnPath = script(tools.resolve("bin/docker"), "echo \"wrapper: $*\" >> " + calls,
                "exec /usr/bin/docker \"$@\"");
        Path decorator = script(tools.resolve("container"), "echo \"decorated with $SET_BY_WITH_ENV: $1\" >> " + calls,
                "exec \"$@\"");
        Map<String, String> environment = new HashMap<>(buildEnvironment());
        environment.put("PATH", dockerOnPath.getParent() + ":" + System.getenv("PATH"));
        environment.put("SET_BY_WITH_ENV", "withEnv-value");
        LocalLauncherProcesses launcher = new LocalLauncherProcesses(List.of(decorator.toString()), environment);
        BakeImagesStep step = step();
        step.setGroup(null);
        step.setTargets(List.of("web"));

        BuildResult result = new BakeImagesOnAgent("docker-bake.hcl", step.request(environment, STARTED, StepDefaults.NONE),
                BuilderBackend.DOCKER, new BuilderAccess(login(), environment, false, workspaceTemporary.toString()),
                launcher, log).bake(SampleApp.directory());

        assertThat(result.targets()).singleElement().satisfies(target -> assertThat(target.digest())
                .hasToString(registry.manifest("plugin/web", "t1").digest()));
        List<String> lines = Files.readAllLines(calls);
        assertThat(launcher.started()).isNotEmpty().allSatisfy(arguments -> assertThat(lines)
                .contains("decorated with withEnv-value: " + arguments.get(0)));
        assertThat(lines).filteredOn(line -> line.startsWith("decorated with"))
                .hasSameSizeAs(launcher.started());
        assertThat(launcher.started()).filteredOn(arguments -> arguments.get(0).endsWith("docker"))
                .isNotEmpty().allSatisfy(arguments -> assertThat(arguments.get(0)).isEqualTo(dockerOnPath.toString()));
        assertThat(lines).anyMatch(line -> line.startsWith("wrapper: build "))
                .anyMatch(line -> line.startsWith("wrapper: push " + registry.hostPort() + "/plugin/web:t1"));
    }

    @Test
    void shouldFailNamingTheTargetAndRecordNoImageWhenTheRegistryRefusesTheAgentsOwnLogin() throws IOException {
        StepOutcome<Map<String, Object>> failed = new BakeImagesOnAgent("docker-bake.hcl", request(),
                BuilderBackend.DOCKER, access(null), launcher(), log).invoke(SampleApp.directory().toFile(), null);

        assertThat(failed.failure()).startsWith("bakeImages: ").contains("web").doesNotContain(registry.password());
        assertThat(failed.records()).isEmpty();
        RunMetrics part = MetricsJson.read(failed.metrics(), "the failed bake's part");
        assertThat(part.failed()).isTrue();
        assertThat(part.images()).isEmpty();
        assertThat(part.cache()).isEmpty();
        assertThat(part.phaseMillis()).containsOnlyKeys(Phase.BUILD);
    }

    @Test
    void shouldRefuseABakeFileOutsideTheWorkspace() {
        BakeImagesOnAgent outside = new BakeImagesOnAgent("../docker-bake.hcl", request(),
                BuilderBackend.DOCKER, access(login()), launcher(), log);

        assertThatThrownBy(() -> outside.bake(SampleApp.directory()))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("the file '../docker-bake.hcl' is outside the workspace");
    }

    @Test
    void shouldRefuseABakeFileLinkedOutOfTheWorkspace(@TempDir Path workspace, @TempDir Path outside)
            throws IOException {
        Path elsewhere = Files.writeString(outside.resolve("docker-bake.hcl"), "group \"essential\" {}\n");
        Files.createSymbolicLink(workspace.resolve("docker-bake.hcl"), elsewhere);
        BakeImagesOnAgent linked = new BakeImagesOnAgent("docker-bake.hcl", request(), BuilderBackend.DOCKER,
                access(login()), launcher(), log);

        assertThatThrownBy(() -> linked.bake(workspace))
                .isInstanceOf(BadInputException.class)
                .hasMessage("the file 'docker-bake.hcl' is outside the workspace " + workspace.toRealPath()
                        + ": a link leads out of it");
    }

    @Test
    void shouldSurviveTheTripToTheAgentWithoutShowingThePassword() throws IOException, ClassNotFoundException {
        BuilderAccess sent = JavaSerialization.roundTrip(access(login()));
        BakeImagesOnAgent callable = JavaSerialization.roundTrip(new BakeImagesOnAgent("docker-bake.hcl", request(),
                BuilderBackend.DOCKER, sent, launcher(), log));

        assertThat(callable).isInstanceOf(BakeImagesOnAgent.class);
        assertThat(sent.dockerConfig(List.of(registry.hostPort() + "/plugin"), MissingNode.getInstance()))
                .contains(registry.hostPort());
        assertThat(sent.toString()).doesNotContain(registry.password());
    }

    private BuildResult bake(RegistryLogin login) {
        return new BakeImagesOnAgent("docker-bake.hcl", request(), BuilderBackend.DOCKER, access(login), launcher(),
                log).bake(SampleApp.directory());
    }

    private BuilderAccess access(RegistryLogin login) {
        return new BuilderAccess(login, buildEnvironment(), false, workspaceTemporary.toString());
    }

    /** The step's Launcher on a plain agent: no decorator. */
    private static LocalLauncherProcesses launcher() {
        return new LocalLauncherProcesses(List.of(), buildEnvironment());
    }

    private BuildRequest request() {
        return step().request(buildEnvironment(), STARTED, StepDefaults.NONE);
    }

    private BakeImagesStep step() {
        BakeImagesStep step = new BakeImagesStep(registry.hostPort() + "/plugin");
        step.setGroup("essential");
        step.setTags(List.of("t1"));
        step.setBackend("docker");
        BakeCache cache = new BakeCache();
        cache.setDirectory(localCache.toString());
        step.setCache(cache);
        return step;
    }

    private static Map<String, String> buildEnvironment() {
        Map<String, String> environment = new HashMap<>(dockerd.environment());
        environment.putAll(Map.of("BASE_IMAGE", baseImage, "BRANCH_NAME", "main", "GIT_COMMIT", "0123456789abcdef",
                "BUILD_NUMBER", "1"));
        return environment;
    }

    private RegistryLogin login() {
        return new RegistryLogin(registry.username(), registry.password());
    }

    /** An executable shell script with {@code lines} after its {@code #!/bin/sh}. */
    static Path script(Path file, String... lines) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "#!/bin/sh\n" + String.join("\n", lines) + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }
}
