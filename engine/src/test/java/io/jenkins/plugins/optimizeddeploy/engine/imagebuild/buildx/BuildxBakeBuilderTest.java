package io.jenkins.plugins.optimizeddeploy.engine.imagebuild.buildx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.optimizeddeploy.engine.bake.BakeDefinition;
import io.jenkins.plugins.optimizeddeploy.engine.bake.BakeFileReader;
import io.jenkins.plugins.optimizeddeploy.engine.bake.BakeTarget;
import io.jenkins.plugins.optimizeddeploy.engine.cache.CacheSettings;
import io.jenkins.plugins.optimizeddeploy.engine.exec.ProcessCommandRunner;
import io.jenkins.plugins.optimizeddeploy.engine.image.Digest;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.BuildKitProgressParser;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.BuildPlan;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.BuildPlanner;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.BuildRequest;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.BuildResources;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.BuildStep;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.CacheTimes;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.DockerSettings;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.ImageBuildException;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.PlannedTarget;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.SampleAppRequest;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.StepStatistics;
import io.jenkins.plugins.optimizeddeploy.engine.registry.RegistryClient;
import io.jenkins.plugins.optimizeddeploy.engine.registry.RegistryOptions;
import io.jenkins.plugins.optimizeddeploy.engine.registry.auth.CredentialsSource;
import io.jenkins.plugins.optimizeddeploy.testsupport.SampleApp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the backend generates, checked against expected files; BuildxBakeBuilderSampleAppTest runs it for real. */
class BuildxBakeBuilderTest {
    static final BuildRequest REQUEST = new BuildRequest(List.of("essential"), "reg.example.com/team",
            List.of("1.0"), SampleAppRequest.REVISION, "linux/amd64",
            CacheSettings.of("reg.example.com/team/cache", "feature/x", "main").withLocalDirectory(Path.of("/agent/cache")),
            Map.of());
    private final RegistryClient registryClient = new RegistryClient(RegistryOptions.defaults(),
            CredentialsSource.anonymous());
    private final BuildxBakeBuilder builder = new BuildxBakeBuilder(new ProcessCommandRunner(), registryClient,
            DockerSettings.defaults(Map.of()));

    @AfterEach
    void closeRegistryClient() {
        registryClient.close();
    }

    @Test
    void shouldGenerateTheOverrideFileWithTagsLabelsPlatformAndCache() throws Exception {
        BuildPlan plan = BuildPlanner.plan(SampleApp.directory().resolve("docker-bake.hcl"), REQUEST);

        assertThat(BuildxBakeBuilder.overrideFile(plan, true))
                .isEqualTo(Files.readString(BuildResources.resource("buildx-override-expected.json")));
    }

    @Test
    void shouldMakeBuildxBuildWhatThePlanSaysWhenItLayersTheOverrideFileOverTheUsersBakeFile() throws Exception {
        Path bakeFile = SampleApp.directory().resolve("docker-bake.hcl");
        BuildPlan plan = BuildPlanner.plan(bakeFile, REQUEST);

        BakeDefinition layered = BakeFileReader.read(
                List.of(bakeFile, BuildResources.resource("buildx-override-expected.json")), Map.of());

        assertThat(plan.targets()).allSatisfy(planned -> {
            BakeTarget built = layered.targets().get(planned.name());
            assertThat(built.tags()).isEqualTo(planned.imagesAsText());
            assertThat(built.labels()).containsAllEntriesOf(planned.labels());
            assertThat(built.platforms()).isEqualTo(planned.platforms());
            assertThat(fields(built.cacheFrom())).isEqualTo(fields(BuildxCacheEntries.cacheFrom(planned.cache())));
            assertThat(fields(built.cacheTo())).isEqualTo(fields(BuildxCacheEntries.cacheTo(planned.cache())));
            assertThat(built.stage()).isEqualTo(planned.stage());
        });
    }

    @Test
    void shouldWriteEveryRequestedPlatformIntoTheOverrideFile() {
        BuildPlan plan = BuildPlanner.plan(SampleApp.directory().resolve("docker-bake.hcl"), new BuildRequest(
                List.of("web"), "reg.example.com/team", List.of(), SampleAppRequest.REVISION, "linux/amd64,linux/arm64",
                REQUEST.cache(), Map.of()));

        assertThat(BuildxBakeBuilder.overrideFile(plan, false)).contains("\"platforms\" : [ \"linux/amd64\", \"linux/arm64\" ]");
    }

    @Test
    void shouldLayerTheOverrideOverTheUsersBakeFileAndPush() {
        BuildPlan plan = BuildPlanner.plan(SampleApp.directory().resolve("docker-bake.hcl"), REQUEST);

        assertThat(builder.arguments(plan, Path.of("/w/override.json"), Path.of("/w/metadata.json"))).containsExactly(
                "/usr/bin/docker", "buildx", "bake", "--file", plan.bakeFile().toString(), "--file", "/w/override.json",
                "--push", "--provenance=mode=max", "--metadata-file", "/w/metadata.json", "--progress", "plain", "--allow", "network.host",
                "web", "worker");
    }

    @Test
    void shouldReadDigestsFromTheMetadataFile() {
        String metadata = """
                {
                  "web": {"containerimage.digest": "sha256:%s", "image.name": "reg.example.com/team/web:1.0"},
                  "worker": {"containerimage.digest": "sha256:%s"},
                  "buildx.build.warnings": []
                }
                """.formatted("a".repeat(64), "b".repeat(64));

        assertThat(BuildxBakeBuilder.digests("bake.hcl", metadata)).containsExactly(
                Map.entry("web", Digest.parse("sha256:" + "a".repeat(64))),
                Map.entry("worker", Digest.parse("sha256:" + "b".repeat(64))));
        assertThatThrownBy(() -> BuildxBakeBuilder.digests("bake.hcl", "{"))
                .isInstanceOf(ImageBuildException.class).hasMessageStartingWith("The bake metadata file of bake.hcl is not JSON");
    }

    @Test
    void shouldFailTheBuildWhenTheMetadataFileGivesNoValidDigest() {
        assertThatThrownBy(() -> BuildxBakeBuilder.digests("bake.hcl", "{\"web\": {\"containerimage.digest\": \"sha256:aaa\"}}"))
                .isInstanceOf(ImageBuildException.class)
                .hasMessageStartingWith("the bake metadata file of bake.hcl for target web gives no valid digest: Invalid digest");
    }

    @Test
    void shouldSplitBakeProgressByTheTargetPrefixOfEachVertex() {
        BuildPlan plan = BuildPlanner.plan(SampleApp.directory().resolve("docker-bake.hcl"), REQUEST);

        Map<String, List<String>> lines = BuildxBakeBuilder.linesByTarget(plan, List.of(
                "#4 [web builder 2/7] WORKDIR /src", "#4 CACHED",
                "#5 [worker builder 2/7] WORKDIR /src", "#5 CACHED",
                "#6 [web web 1/1] COPY --from=builder /out/web/ /srv/www/", "#6 DONE 0.1s"));

        List<BuildStep> web = BuildKitProgressParser.parse(lines.get("web"));
        assertThat(StepStatistics.of(web)).isEqualTo(new StepStatistics(2, 1, 1));
        assertThat(StepStatistics.executedNames(web)).containsExactly("[web 1/1] COPY --from=builder /out/web/ /srv/www/");
        assertThat(StepStatistics.of(BuildKitProgressParser.parse(lines.get("worker")))).isEqualTo(new StepStatistics(1, 1, 0));
    }

    @Test
    void shouldGiveEachTargetTheCacheWorkAndExportErrorsOfItsOwnPrefixedVertices() {
        BuildPlan plan = BuildPlanner.plan(SampleApp.directory().resolve("docker-bake.hcl"), REQUEST);

        Map<String, List<String>> lines = BuildxBakeBuilder.linesByTarget(plan, List.of(
                "#3 [web] importing cache manifest from reg/cache/web/main:buildx", "#3 DONE 0.4s",
                "#4 [worker] importing cache manifest from reg/cache/worker/main:buildx", "#4 DONE 0.2s",
                "#5 [web builder 2/7] WORKDIR /src", "#5 pulling sha256:aa 0.3s done", "#5 CACHED",
                "#8 [web] exporting cache", "#8 writing layer sha256:bb 0.2s done", "#8 DONE 1.1s",
                "#9 [worker] exporting content cache", "#9 ERROR: error writing layer blob: denied", "#9 DONE 0.6s"));

        assertThat(BuildKitProgressParser.cacheTimes(lines.get("web"))).isEqualTo(new CacheTimes(700, 1100));
        assertThat(BuildKitProgressParser.cacheTimes(lines.get("worker"))).isEqualTo(new CacheTimes(200, 600));
        assertThat(BuildKitProgressParser.cacheExportErrors(lines.get("web"))).isEmpty();
        assertThat(BuildKitProgressParser.cacheExportErrors(lines.get("worker")))
                .containsExactly("exporting content cache: error writing layer blob: denied");
    }

    @Test
    void shouldReplaceTheLocalCacheFolderWithThisBuildsExportSoItDoesNotGrow(@TempDir Path cache) throws IOException {
        BuildRequest request = SampleAppRequest.withLocalCache(REQUEST, cache);
        PlannedTarget web = BuildPlanner.plan(SampleApp.directory().resolve("docker-bake.hcl"), request).targets().get(0);
        Path folder = cache.resolve("web");
        Files.createDirectories(folder.resolve("blobs"));
        Files.writeString(folder.resolve("blobs/unused-since-last-build"), "old");
        Path export = BuildxCacheEntries.localExport(web.cache()).orElseThrow();
        Files.createDirectories(export.resolve("blobs"));
        Files.writeString(export.resolve("index.json"), "{}");

        assertThat(BuildxBakeBuilder.replaceLocalCacheFolder(web)).isEmpty();

        assertThat(folder.resolve("index.json")).hasContent("{}");
        assertThat(folder.resolve("blobs/unused-since-last-build")).doesNotExist();
        assertThat(export).doesNotExist();
    }

    /** Each cache entry's key=value fields, in any order: the bake reader holds them in name order. */
    private static List<Set<String>> fields(List<String> entries) {
        return entries.stream().map(entry -> Set.of(entry.split(","))).toList();
    }
}
