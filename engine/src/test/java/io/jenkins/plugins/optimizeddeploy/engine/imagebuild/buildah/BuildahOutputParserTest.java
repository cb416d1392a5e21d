package io.jenkins.plugins.optimizeddeploy.engine.imagebuild.buildah;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.BuildResources;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.BuildStep;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.CacheTimes;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.StepStatistics;
import java.nio.file.Files;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class BuildahOutputParserTest {
    @Test
    void shouldCountRemoteHitsOfARealNewAgentBuildAndTheStepsItRan() throws Exception {
        List<String> output = Files.readAllLines(BuildResources.resource("buildah-web-new-agent.txt"));

        List<BuildStep> steps = BuildahOutputParser.parse(output);

        assertThat(steps).extracting(BuildStep::name).noneMatch(name -> name.contains("FROM"));
        assertThat(steps).filteredOn(step -> step.status() == BuildStep.Status.EXECUTED).extracting(BuildStep::name)
                .allMatch(name -> name.startsWith("[1 ") || name.contains("LABEL"));
        assertThat(steps).filteredOn(step -> step.status() == BuildStep.Status.CACHED).extracting(BuildStep::name)
                .contains("[2 2] RUN echo 'app:x:10001:10001:sample app:/home/app:/bin/sh' >> /etc/passwd  && echo"
                        + " 'app:x:10001:' >> /etc/group  && mkdir -p /home/app  && chown app:app /home/app",
                        "[6 2] COPY --from=builder --chown=app:app /out/web/ /srv/www/");
        assertThat(StepStatistics.of(steps)).isEqualTo(new StepStatistics(18, 10, 8));
    }

    @Test
    void shouldCountLocalHitsAndTheLastStepThatRunsAfterCommit() throws Exception {
        List<String> output = Files.readAllLines(BuildResources.resource("buildah-worker-local-hits.txt"));

        List<BuildStep> steps = BuildahOutputParser.parse(output);

        assertThat(steps).filteredOn(step -> step.status() == BuildStep.Status.EXECUTED).extracting(BuildStep::name)
                .containsExactly("[3 2] ENV WORKER_INTERVAL=5", "[3 3] CMD [\"worker\"]");
        assertThat(StepStatistics.of(steps)).isEqualTo(new StepStatistics(14, 12, 2));
    }

    @Test
    void shouldReadAStagelessBuildWhoseLastStepRunsAfterCommit() {
        List<BuildStep> steps = BuildahOutputParser.parse(List.of(
                "STEP 1/3: FROM reg/base:1",
                "STEP 2/3: RUN make",
                "--> Cache pulled from remote reg/cache:abc",
                "--> Using cache 1234",
                "--> 1234",
                "STEP 3/3: COPY out /out",
                "COMMIT reg/app:1",
                "--> 5678",
                "Successfully tagged reg/app:1"));

        assertThat(steps).containsExactly(
                new BuildStep("[1 2] RUN make", BuildStep.Status.CACHED),
                new BuildStep("[1 3] COPY out /out", BuildStep.Status.EXECUTED));
    }

    @Test
    void shouldLeaveOutOnlyTheTrailingLabelStepsOfTheEnginesOwnLabels() {
        List<BuildStep> steps = List.of(
                new BuildStep("[6 7] LABEL \"team\"=\"web\"", BuildStep.Status.CACHED),
                new BuildStep("[6 8] COPY --chown=app:app web/ /srv/www/", BuildStep.Status.EXECUTED),
                new BuildStep("[6 9] LABEL \"org.opencontainers.image.created\"=\"2026-11-26T12:00:00Z\"", BuildStep.Status.EXECUTED),
                new BuildStep("[6 10] LABEL \"org.opencontainers.image.revision\"=\"0123\"", BuildStep.Status.EXECUTED));

        List<BuildStep> dockerfileSteps = BuildahOutputParser.withoutLabelSteps(steps,
                List.of("org.opencontainers.image.created", "org.opencontainers.image.revision", "team"));

        assertThat(dockerfileSteps).as("a LABEL of the Dockerfile before the last other step stays").containsExactly(
                steps.get(0), steps.get(1));
        assertThat(BuildahOutputParser.withoutLabelSteps(steps, List.of("org.opencontainers.image.revision")))
                .as("no more steps than labels").containsExactlyElementsOf(steps.subList(0, 3));
        assertThat(BuildahOutputParser.withoutLabelSteps(steps, List.of())).isEqualTo(steps);
    }

    @Test
    void shouldTimeEachRemoteCachePullOfARealNewAgentBuildFromTheLineBeforeIt() throws Exception {
        List<TimedLine> output = timed("buildah-web-new-agent-timed.txt");

        // ten pulls, each from its step's header (e.g. 821 ms) to "Cache pulled from remote" (967 ms)
        assertThat(BuildahOutputParser.cacheTimes(output)).isEqualTo(new CacheTimes(2322, 0));
    }

    @Test
    void shouldTimeEachCachePushOfARealColdBuildToTheLineAfterIt() throws Exception {
        List<TimedLine> output = timed("buildah-web-cold-timed.txt");

        // ten pushes, each from "Pushing cache" (e.g. 1403 ms) to the image id printed once it is done (1518 ms)
        assertThat(BuildahOutputParser.cacheTimes(output)).isEqualTo(new CacheTimes(0, 967));
    }

    /** A fixture of lines stamped when they arrived: milliseconds since the first, a tab, the line. */
    private static List<TimedLine> timed(String fixture) throws Exception {
        Pattern tab = Pattern.compile("\t");
        return Files.readAllLines(BuildResources.resource(fixture)).stream()
                .map(line -> tab.split(line, 2))
                .map(parts -> new TimedLine(Long.parseLong(parts[0]), parts[1]))
                .toList();
    }
}
