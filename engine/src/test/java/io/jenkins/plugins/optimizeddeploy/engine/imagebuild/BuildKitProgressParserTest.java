package io.jenkins.plugins.optimizeddeploy.engine.imagebuild;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

class BuildKitProgressParserTest {
    @Test
    void shouldCountTheStepsOfARealWarmBuildSkippingFromInternalCacheImportAndExport() throws Exception {
        List<String> output = Files.readAllLines(BuildResources.resource("buildkit-web-warm.txt"));

        List<BuildStep> steps = BuildKitProgressParser.parse(output);

        assertThat(steps).hasSize(10);
        assertThat(steps).filteredOn(step -> step.status() == BuildStep.Status.EXECUTED).extracting(BuildStep::name)
                .containsExactly("[web 1/1] COPY --from=builder --chown=app:app /out/web/ /srv/www/");
        assertThat(steps).extracting(BuildStep::name).noneMatch(name -> name.contains("FROM") || name.contains("internal"));
        assertThat(StepStatistics.of(steps)).isEqualTo(new StepStatistics(10, 9, 1));
    }

    @Test
    void shouldCountAStepThatOnlyExtractedCachedLayersAsCachedAsABrandNewBuildxBuilderPrintsIt() throws Exception {
        List<String> output = Files.readAllLines(BuildResources.resource("buildx-bake-new-agent.txt"));

        List<BuildStep> steps = BuildKitProgressParser.parse(output);

        assertThat(steps).filteredOn(step -> step.status() == BuildStep.Status.EXECUTED).extracting(BuildStep::name)
                .containsExactly("[web web 1/1] COPY --chown=app:app web/ /srv/www/");
        assertThat(steps).filteredOn(step -> step.name().equals("[worker runtime 4/4] WORKDIR /home/app"))
                .extracting(BuildStep::status).containsExactly(BuildStep.Status.CACHED);
        assertThat(StepStatistics.of(steps)).isEqualTo(new StepStatistics(10, 9, 1));
    }

    @Test
    void shouldCountAStepThatPrintedMoreThanLayerTransfersAsExecutedAndOneWithoutStatusByWhatItPrinted() {
        List<BuildStep> steps = BuildKitProgressParser.parse(List.of(
                "#7 [build 2/3] RUN make",
                "#7 extracting sha256:" + "a".repeat(64) + " 0.1s done",
                "#7 0.210 compiling",
                "#7 DONE 1.2s",
                "#8 [build 3/3] COPY . .",
                "#8 DONE 0.0s",
                "#9 [runtime 2/2] WORKDIR /home/app",
                "#9 sha256:" + "b".repeat(64) + " 944B / 944B 0.0s done",
                "#9 ..."));

        assertThat(steps).extracting(BuildStep::status).containsExactly(BuildStep.Status.EXECUTED,
                BuildStep.Status.EXECUTED, BuildStep.Status.CACHED);
    }

    @Test
    void shouldLetTheLastStatusOfARepeatedHeaderWin() {
        List<BuildStep> steps = BuildKitProgressParser.parse(List.of(
                "#5 [build 2/3] RUN make",
                "#5 0.120 compiling",
                "#6 [build 3/3] COPY . .",
                "#6 CACHED",
                "#5 [build 2/3] RUN make",
                "#5 DONE 3.2s"));

        assertThat(steps).containsExactly(
                new BuildStep("[build 2/3] RUN make", BuildStep.Status.EXECUTED),
                new BuildStep("[build 3/3] COPY . .", BuildStep.Status.CACHED));
    }

    @Test
    void shouldReadErrorsCancellationsAndStagelessSteps() {
        List<BuildStep> steps = BuildKitProgressParser.parse(List.of(
                "#1 [internal] load build definition from Dockerfile",
                "#1 DONE 0.0s",
                "#2 [auth] library/alpine:pull token for registry-1.docker.io",
                "#2 DONE 0.0s",
                "#3 [1/3] FROM docker.io/library/alpine:3",
                "#3 DONE 0.1s",
                "#4 [2/3] RUN false",
                "#4 ERROR: process \"/bin/sh -c false\" did not complete successfully: exit code: 1",
                "#5 [3/3] COPY a b",
                "#5 CANCELED",
                "#6 importing cache manifest from reg/cache:final",
                "#6 ERROR: reg/cache:final: not found",
                "#7 exporting to image",
                "#7 DONE 0.0s"));

        assertThat(steps).containsExactly(
                new BuildStep("[2/3] RUN false", BuildStep.Status.FAILED),
                new BuildStep("[3/3] COPY a b", BuildStep.Status.FAILED));
        assertThat(StepStatistics.of(steps)).isEqualTo(new StepStatistics(2, 0, 2));
    }

    @Test
    void shouldCountEachStepOnceByItsFirstReportAcrossRuns() {
        BuildStep runByStageBuild = new BuildStep("[builder 2/2] RUN make", BuildStep.Status.EXECUTED);
        BuildStep cachedInFinalBuild = new BuildStep("[builder 2/2] RUN make", BuildStep.Status.CACHED);
        BuildStep finalStep = new BuildStep("[app 1/1] COPY --from=builder /out /", BuildStep.Status.EXECUTED);

        List<BuildStep> steps = StepStatistics.firstReportOfEach(List.of(List.of(runByStageBuild), List.of(cachedInFinalBuild, finalStep)));

        assertThat(steps).containsExactly(runByStageBuild, finalStep);
        assertThat(StepStatistics.of(List.of()).hitRate()).isZero();
        assertThat(new StepStatistics(10, 9, 1).hitRate()).isEqualTo(0.9);
    }

    @Test
    void shouldReadTheCacheImportOfARealNewAgentBuildFromManifestsAndLayersPulledForCachedSteps() throws Exception {
        List<String> output = Files.readAllLines(BuildResources.resource("buildkit-web-new-agent.txt"));

        // two manifests at 0.0 s, then #10 (CACHED) pulls four layers: 0.0 + 0.1 + 0.1 + 0.0 s
        assertThat(BuildKitProgressParser.cacheTimes(output)).isEqualTo(new CacheTimes(200, 0));
    }

    @Test
    void shouldReadNoCacheImportFromARealColdBuild() throws Exception {
        List<String> output = Files.readAllLines(BuildResources.resource("buildkit-web-cold.txt"));

        assertThat(BuildKitProgressParser.cacheTimes(output)).isEqualTo(CacheTimes.NONE);
    }

    @Test
    void shouldCountExportVerticesAndInlineCacheButNotLayersPulledForExecutedStepsOrTheBaseImage() {
        List<String> output = List.of(
                "#3 importing cache manifest from reg/cache/web/main:buildx",
                "#3 DONE 0.4s",
                "#4 [1/3] FROM reg/base:1",
                "#4 pulling sha256:aa 2.0s done",
                "#4 DONE 2.1s",
                "#5 [2/3] RUN make",
                "#5 pulling sha256:bb 1.0s done",
                "#5 DONE 3.0s",
                "#6 [3/3] COPY . .",
                "#6 pulling sha256:cc 0.3s done",
                "#6 CACHED",
                "#7 exporting to image",
                "#7 preparing layers for inline cache 0.2s done",
                "#7 DONE 0.5s",
                "#8 exporting cache",
                "#8 preparing build cache for export 0.3s done",
                "#8 writing layer sha256:dd 0.1s done",
                "#8 DONE 1.2s");

        assertThat(BuildKitProgressParser.cacheTimes(output)).isEqualTo(new CacheTimes(700, 1400));
    }
}
