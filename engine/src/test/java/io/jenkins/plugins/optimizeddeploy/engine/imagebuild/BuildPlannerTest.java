package io.jenkins.plugins.optimizeddeploy.engine.imagebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.optimizeddeploy.engine.cache.CachePlan;
import io.jenkins.plugins.optimizeddeploy.engine.cache.CacheSettings;
import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Dockerfile;
import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.DockerfileParser;
import io.jenkins.plugins.optimizeddeploy.engine.errors.BadInputException;
import io.jenkins.plugins.optimizeddeploy.engine.image.ImageReference;
import io.jenkins.plugins.optimizeddeploy.testsupport.SampleApp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildPlannerTest {
    private static final SourceRevision REVISION = new SourceRevision("0123456789abcdef0123", "feature/x", "42",
            "https://git.example.com/app.git", Instant.parse("2026-11-26T20:00:00.123Z"));
    private static final CacheSettings CACHE = CacheSettings.of("reg.example.com/team/cache", "feature/x", "main");

    @Test
    void shouldPlanTheEssentialGroupOfTheSampleAppUnderTheRegistryWithRevisionTagsAndOciLabels() {
        BuildPlan plan = BuildPlanner.plan(SampleApp.directory().resolve("docker-bake.hcl"), request(List.of("essential"), List.of()));

        assertThat(plan.targets()).extracting(PlannedTarget::name).containsExactly("web", "worker");
        PlannedTarget web = plan.targets().get(0);
        assertThat(web.imagesAsText()).containsExactly("reg.example.com/team/web:0123456789ab",
                "reg.example.com/team/web:build-42", "reg.example.com/team/web:feature-x");
        assertThat(web.labels()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "org.opencontainers.image.source", "https://git.example.com/app.git",
                "org.opencontainers.image.revision", "0123456789abcdef0123",
                "org.opencontainers.image.created", "2026-11-26T20:00:00Z"));
        assertThat(web.context()).isEqualTo(SampleApp.directory().toAbsolutePath().normalize());
        assertThat(web.dockerfile()).isEqualTo(web.context().resolve("Dockerfile"));
        assertThat(web.stage()).isEqualTo("web");
        assertThat(web.intermediateStages()).as("web copies nothing from the builder").containsExactly("runtime");
        assertThat(plan.targets().get(1).intermediateStages()).containsExactly("builder", "runtime");
        assertThat(web.args()).containsEntry("BASE_IMAGE", "localhost:5000/base/busybox:latest");
        assertThat(web.platforms()).isEmpty();
        assertThat(web.cache().primary().location()).isEqualTo("reg.example.com/team/cache/web/feature-x");
    }

    @Test
    void shouldUseGivenTagsAndKeepTheBakeFileTagsWithoutARegistry() {
        BuildPlan tagged = BuildPlanner.plan(SampleApp.directory().resolve("docker-bake.json"),
                request(List.of("docs"), List.of("1.0", "stable")));
        BuildRequest noRegistry = new BuildRequest(List.of("docs"), "", List.of(), REVISION, "linux/amd64", CACHE,
                Map.of("REGISTRY", "127.0.0.1:5000", "TAG", "7"));
        BuildPlan fromBake = BuildPlanner.plan(SampleApp.directory().resolve("docker-bake.json"), noRegistry);

        assertThat(tagged.targets().get(0).imagesAsText()).containsExactly("reg.example.com/team/docs:1.0", "reg.example.com/team/docs:stable");
        assertThat(fromBake.targets().get(0).imagesAsText()).containsExactly("127.0.0.1:5000/sample-app/docs:7");
        assertThat(fromBake.targets().get(0).platforms()).containsExactly("linux/amd64");
    }

    @Test
    void shouldRefuseATagThatMakesNoImageReferenceNamingTheTargetAndTheTag() {
        Path hcl = SampleApp.directory().resolve("docker-bake.hcl").toAbsolutePath().normalize();
        Path json = SampleApp.directory().resolve("docker-bake.json").toAbsolutePath().normalize();
        BuildRequest badBakeTag = new BuildRequest(List.of("docs"), "", List.of(), REVISION, "", CACHE,
                Map.of("REGISTRY", "127.0.0.1:5000", "TAG", "v 1"));

        assertThatThrownBy(() -> BuildPlanner.plan(hcl, request(List.of("web"), List.of("1.0", "-rc"))))
                .isInstanceOf(BadInputException.class)
                .hasMessage("Target web of " + hcl + " cannot be tagged 'reg.example.com/team/web:-rc': tag '-rc' must"
                        + " be 1 to 128 letters, digits, '_', '.' or '-', not starting with '.' or '-'");
        assertThatThrownBy(() -> BuildPlanner.plan(json, badBakeTag))
                .isInstanceOf(BadInputException.class)
                .hasMessage("Target docs of " + json + " cannot be tagged '127.0.0.1:5000/sample-app/docs:v 1': tag 'v 1'"
                        + " must be 1 to 128 letters, digits, '_', '.' or '-', not starting with '.' or '-'");
        assertThatThrownBy(() -> BuildPlanner.plan(hcl, new BuildRequest(List.of("web"), "Reg.example.com/Team",
                List.of("1.0"), REVISION, "", CACHE, Map.of())))
                .isInstanceOf(BadInputException.class)
                .hasMessage("Target web of " + hcl + " cannot be tagged 'Reg.example.com/Team/web:1.0': repository"
                        + " 'Team/web' must be lowercase");
    }

    @Test
    void shouldPlanShortNamesPortsAndDigestsAsTheCanonicalReferencesBackendsAreGiven(@TempDir Path directory)
            throws IOException {
        Files.writeString(directory.resolve("Dockerfile"), "FROM scratch\n");
        Path bakeFile = directory.resolve("docker-bake.hcl");
        Files.writeString(bakeFile, """
                target "web" {
                  tags = ["web", "team/web:1", "localhost:5000/web", "reg.example.com:5000/team/web:2",
                          "index.docker.io/team/web:3", "web@sha256:%s"]
                }
                """.formatted("a".repeat(64)));

        PlannedTarget web = BuildPlanner.plan(bakeFile, new BuildRequest(List.of("web"), "", List.of(), REVISION, "",
                CACHE, Map.of())).targets().get(0);

        assertThat(web.imagesAsText()).as("docker stores docker.io/library/web:latest as web:latest; buildah would read a"
                + " short name as localhost/web").containsExactly("docker.io/library/web:latest",
                "docker.io/team/web:1", "localhost:5000/web:latest", "reg.example.com:5000/team/web:2",
                "docker.io/team/web:3", "docker.io/library/web@sha256:" + "a".repeat(64));
    }

    @Test
    void shouldDeriveLatestWhenNothingIsKnownAboutTheRevision() {
        assertThat(BuildPlanner.derivedTags(SourceRevision.unknown(Instant.EPOCH))).containsExactly("latest");
        assertThat(BuildPlanner.derivedTags(new SourceRevision("abc", "release/1.x", "", "", Instant.EPOCH)))
                .containsExactly("abc", "release-1.x");
    }

    @Test
    void shouldFindIntermediateStagesThroughFromAndCopyFromAndMounts() {
        Dockerfile dockerfile = DockerfileParser.parse("""
                # syntax=docker/dockerfile:1
                FROM base:1 AS deps
                RUN make deps
                FROM deps AS build
                RUN --mount=type=cache,target=/c \\
                    --mount=type=bind,from=tools,target=/t make
                FROM alpine AS tools
                FROM scratch AS unused
                FROM alpine AS final
                COPY --from=build /out /out
                """);

        assertThat(BuildPlanner.intermediateStages(dockerfile, "final")).as("BuildKit builds a stage named before it is defined")
                .containsExactly("deps", "build", "tools");
        assertThat(BuildPlanner.intermediateStages(dockerfile, "")).containsExactly("deps", "build", "tools");
        assertThat(BuildPlanner.intermediateStages(dockerfile, "deps")).isEmpty();
        assertThatThrownBy(() -> BuildPlanner.intermediateStages(dockerfile, "web"))
                .isInstanceOf(BadInputException.class)
                .hasMessage("Dockerfile has no stage 'web' (stages: [deps, build, tools, unused, final])");
    }

    @Test
    void shouldNotTakeAHeredocLineStartingWithFromForAStage() {
        Dockerfile dockerfile = DockerfileParser.parse("""
                # syntax=docker/dockerfile:1
                FROM alpine AS deps
                RUN touch /deps
                FROM alpine AS final
                COPY --from=deps /deps /deps
                RUN <<EOF
                FROM scratch AS notastage
                EOF
                """);

        assertThat(BuildPlanner.intermediateStages(dockerfile, "")).as("the last stage is final").containsExactly("deps");
        assertThatThrownBy(() -> BuildPlanner.intermediateStages(dockerfile, "notastage"))
                .hasMessage("Dockerfile has no stage 'notastage' (stages: [deps, final])");
    }

    @Test
    void shouldFindStagesMountedByRunWhereverFromIsAmongTheMountsFields() {
        Dockerfile dockerfile = DockerfileParser.parse("""
                FROM alpine AS deps
                FROM alpine AS tools
                FROM alpine AS final
                RUN --mount=type=cache,from=deps,target=/root/.m2 true
                RUN --mount=from=tools,target=/tools /tools/run
                """);

        assertThat(BuildPlanner.intermediateStages(dockerfile, "final")).containsExactly("deps", "tools");
    }

    @Test
    void shouldFindStagesCopiedFromByIndexOrByNameInAnyCase() {
        Dockerfile dockerfile = DockerfileParser.parse("""
                FROM alpine AS deps
                FROM alpine AS Tools
                FROM alpine
                FROM alpine AS final
                COPY --from=0 /deps /deps
                COPY --from=TOOLS /tools /tools
                COPY --from=2 /x /x
                COPY --from=busybox:1.36 /bin/busybox /busybox
                """);

        assertThat(BuildPlanner.intermediateStages(dockerfile, "final")).containsExactly("deps", "tools", "2");
    }

    @Test
    void shouldKeepTheRequestsValuesOfDeclaredVariablesOnlyForBackendsThatReadTheBakeFileAgain() {
        BuildPlan plan = BuildPlanner.plan(SampleApp.directory().resolve("docker-bake.hcl"), new BuildRequest(List.of("web"),
                "reg.example.com/team", List.of(), REVISION, "", CACHE,
                Map.of("BASE_IMAGE", "reg.example.com/base:2", "PATH", "/usr/bin", "REGISTRY_PASSWORD", "not for bake")));

        assertThat(plan.variableValues()).containsExactly(Map.entry("BASE_IMAGE", "reg.example.com/base:2"));
        BuildPlan dated = BuildPlanner.plan(SampleApp.directory().resolve("docker-bake.hcl"), new BuildRequest(List.of("web"),
                "reg.example.com/team", List.of(), REVISION, "", CACHE, Map.of("SOURCE_DATE_EPOCH", "1700000000")));
        assertThat(dated.variableValues()).as("buildx passes it on as a build argument, as the plan does")
                .containsExactly(Map.entry("SOURCE_DATE_EPOCH", "1700000000"));
        assertThat(plan.targets().get(0).args()).containsEntry("BASE_IMAGE", "reg.example.com/base:2");
    }

    @Test
    void shouldPlanEveryRequestedPlatformForBuildxAndRefuseSeveralForOnePlatformBackends() {
        Path bakeFile = SampleApp.directory().resolve("docker-bake.hcl");
        BuildPlan plan = BuildPlanner.plan(bakeFile, new BuildRequest(List.of("web"), "reg.example.com/team", List.of(),
                REVISION, "linux/amd64,linux/arm64", CACHE, Map.of()));
        PlannedTarget web = plan.targets().get(0);

        assertThat(web.platforms()).containsExactly("linux/amd64", "linux/arm64");
        assertThatThrownBy(() -> web.requireOnePlatform(plan.bakeFile(), "docker build 20.10"))
                .isInstanceOf(ImageBuildException.class)
                .hasMessage("Target web of " + plan.bakeFile() + " is for the platforms [linux/amd64, linux/arm64], but docker"
                        + " build 20.10 builds one platform per image: build it with the buildx backend, or ask for one platform");
    }

    @Test
    void shouldReadTheRequestedPlatformsAsAListAndNameTheArgumentWhenOneIsWrong() {
        assertThat(BuildPlanner.requestedPlatforms(" linux/amd64, linux/arm64/v8 ,")).containsExactly("linux/amd64", "linux/arm64/v8");
        assertThatThrownBy(() -> BuildPlanner.requestedPlatforms("linux/amd64,linux amd64"))
                .isInstanceOf(BadInputException.class)
                .hasMessage("The platform argument 'linux/amd64,linux amd64' has 'linux amd64', which is neither"
                        + " os/arch[/variant] nor a known operating system or architecture");
    }

    @Test
    void shouldMaskTheCredentialsOfContextUrlsOnly() {
        PlannedTarget target = PlannedTarget.builder("web", Path.of("/app"), Path.of("/app/Dockerfile"), "")
                .images(List.of(ImageReference.parse("reg/web:1")))
                .contexts(Map.of("src", "https://ci:t0ken@git.example.com/app.git",
                        "tokenOnly", "https://ghp_abc@git.example.com/x.git", "base", "docker-image://reg/base:1",
                        "local", "/app/extra"))
                .cache(CachePlan.forTarget("web", CACHE)).build();

        assertThat(target.contextCredentials()).containsExactlyInAnyOrder("ci:t0ken", "t0ken", "ghp_abc");
    }

    private static BuildRequest request(List<String> targets, List<String> tags) {
        return new BuildRequest(targets, "reg.example.com/team", tags, REVISION, "", CACHE, Map.of());
    }
}
