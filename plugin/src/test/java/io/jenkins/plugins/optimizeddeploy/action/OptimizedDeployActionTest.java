package io.jenkins.plugins.optimizeddeploy.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.optimizeddeploy.engine.image.Digest;
import io.jenkins.plugins.optimizeddeploy.engine.image.ImageReference;
import io.jenkins.plugins.optimizeddeploy.engine.metrics.ImageMetrics;
import io.jenkins.plugins.optimizeddeploy.engine.metrics.MetricsJson;
import io.jenkins.plugins.optimizeddeploy.engine.metrics.Phase;
import io.jenkins.plugins.optimizeddeploy.engine.metrics.RunMetrics;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.kohsuke.stapler.interceptor.RequirePOST;

class OptimizedDeployActionTest {

    private static final StepSummary BAKED_WEB = new StepSummary("bakeImages", "reg.example.com/team/web:1",
            "sha256:" + "a".repeat(64), Map.of("cacheHitPercent", 90L));
    private static final Instant STARTED = Instant.parse("2026-12-07T09:00:00Z");
    private static final ImageReference WEB = ImageReference.parse("reg.example.com/team/web:1");
    private static final Digest WEB_DIGEST = Digest.parse("sha256:" + "a".repeat(64));
    private static final StepSummary HARDENED = new StepSummary("hardenDockerfile", "Dockerfile", "passed error",
            Map.of("total", 2L));

    @Test
    void shouldKeepTheSummariesInTheOrderTheStepsRecordedThem() {
        OptimizedDeployAction action = new OptimizedDeployAction();

        action.append(List.of(HARDENED), null, OptimizedDeployActionTest::noNewRecord);
        action.append(List.of(BAKED_WEB), null, OptimizedDeployActionTest::noNewRecord);

        assertThat(action.getSummaries()).containsExactly(HARDENED, BAKED_WEB);
        assertThat(action.getSummaries("bakeImages")).containsExactly(BAKED_WEB);
        assertThat(action.getSummaries("retagImages")).isEmpty();
    }

    @Test
    void shouldLetTheRecordBeWalkedAsItIsSavedWhileParallelBranchesAppend() throws Exception {
        OptimizedDeployAction action = new OptimizedDeployAction();
        int appends = 20_000;
        Thread branch = new Thread(() -> {
            for (int i = 0; i < appends; i++) {
                action.append(List.of(BAKED_WEB), null, OptimizedDeployActionTest::noNewRecord);
            }
        });

        branch.start();
        List<Integer> walked = new ArrayList<>();
        while (branch.isAlive()) {
            walked.add(walkLikeXStream(action));
        }
        branch.join();

        assertThat(walked).isSorted();
        assertThat(action.getSummaries()).hasSize(appends);
    }

    @Test
    void shouldTurnTheListOfAnOldRecordIntoOneThatAppendsAndSavesCanShare() throws Exception {
        OptimizedDeployAction loaded = new OptimizedDeployAction();
        summariesField().set(loaded, new ArrayList<>(List.of(HARDENED, BAKED_WEB)));
        OptimizedDeployAction withoutList = new OptimizedDeployAction();
        summariesField().set(withoutList, null);

        assertThat(readResolve(loaded)).isSameAs(loaded);
        readResolve(withoutList);
        loaded.append(List.of(HARDENED), null, OptimizedDeployActionTest::noNewRecord);

        assertThat(summariesField().get(loaded)).isInstanceOf(CopyOnWriteArrayList.class);
        assertThat(loaded.getSummaries()).containsExactly(HARDENED, BAKED_WEB, HARDENED);
        assertThat(summariesField().get(withoutList)).isInstanceOf(CopyOnWriteArrayList.class);
        assertThat(withoutList.getSummaries()).isEmpty();
    }

    @Test
    void shouldLinkItsPageFromTheBuild() {
        OptimizedDeployAction action = new OptimizedDeployAction();

        assertThat(action.getIconFileName()).isEqualTo("symbol-cube");
        assertThat(action.getUrlName()).isEqualTo("optimized-deploy");
        assertThat(action.getDisplayName()).isEqualTo("Optimized Deploy");
    }

    @Test
    void shouldChangeTheBaselineOnlyThroughAPostCheckedByCore() throws NoSuchMethodException {
        Method useAsBaseline = OptimizedDeployAction.class.getMethod("doUseAsBaseline");

        assertThat(useAsBaseline.isAnnotationPresent(RequirePOST.class)).isTrue();
        assertThat(Arrays.stream(OptimizedDeployAction.class.getMethods()).map(Method::getName)
                .filter(name -> name.startsWith("do"))).containsExactlyInAnyOrder("doRollBack", "doUseAsBaseline");
    }

    @Test
    void shouldMergeEveryStepsPartIntoOneRecordStartedWithTheBuildsNameAndStart() {
        OptimizedDeployAction action = new OptimizedDeployAction();
        RunMetrics built = part(Map.of("web", new ImageMetrics(WEB, WEB_DIGEST, 1_000, 0, List.of())), Map.of(Phase.BUILD, 60_000L));
        RunMetrics inspected = part(Map.of("web", new ImageMetrics(null, null, 0, 4, List.of("linux/amd64"))), Map.of());
        RunMetrics builtAgain = part(Map.of(), Map.of(Phase.BUILD, 5_000L));

        action.append(List.of(BAKED_WEB), MetricsJson.write(built), () -> RunMetrics.of("team/app", "#7", STARTED));
        action.append(List.of(), MetricsJson.write(inspected), OptimizedDeployActionTest::noNewRecord);
        action.append(List.of(), MetricsJson.write(builtAgain), OptimizedDeployActionTest::noNewRecord);

        RunMetrics record = action.metrics();
        assertThat(record.job()).isEqualTo("team/app");
        assertThat(record.build()).isEqualTo("#7");
        assertThat(record.started()).isEqualTo(STARTED.toString());
        assertThat(record.images().get("web")).isEqualTo(new ImageMetrics(WEB, WEB_DIGEST, 1_000, 4, List.of("linux/amd64")));
        assertThat(record.phaseMillis()).containsExactly(Map.entry(Phase.BUILD, 65_000L));
        assertThat(action.getSummaries()).containsExactly(BAKED_WEB);
    }

    @Test
    void shouldKeepTheRecordAsTheEnginesJsonDocumentSoBuildXmlHoldsOnlyJdkTypes() throws Exception {
        OptimizedDeployAction action = new OptimizedDeployAction();
        action.append(List.of(), MetricsJson.write(part(Map.of(), Map.of(Phase.HARDEN, 300L))),
                () -> RunMetrics.of("team/app", "#7", STARTED));

        Field metrics = OptimizedDeployAction.class.getDeclaredField("metrics");
        metrics.setAccessible(true);

        assertThat(metrics.getType()).isEqualTo(String.class);
        assertThat(MetricsJson.read((String) metrics.get(action), "build.xml").phaseMillis())
                .containsEntry(Phase.HARDEN, 300L);
    }

    @Test
    void shouldHaveNoRecordUntilAStepAddsAPart() {
        OptimizedDeployAction action = new OptimizedDeployAction();

        action.append(List.of(HARDENED), null, OptimizedDeployActionTest::noNewRecord);

        assertThat(action.metrics()).isNull();
        assertThat(action.getPageHtml()).isEmpty();
        assertThat(action.getSummaryHtml()).isEmpty();
        assertThat(action.getReport()).isEmpty();
    }

    private static RunMetrics part(Map<String, ImageMetrics> images, Map<Phase, Long> phases) {
        return RunMetrics.builder("", "", "").images(images).phaseMillis(phases).build();
    }

    private static RunMetrics noNewRecord() {
        throw new AssertionError("the record exists already or no part is added: no new record is started");
    }

    @Test
    void shouldCopyTheFiguresAndRefuseToChangeThem() {
        Map<String, Long> figures = new HashMap<>(Map.of("total", 2L));
        StepSummary summary = new StepSummary("hardenDockerfile", "Dockerfile", "passed error", figures);

        figures.put("error", 1L);

        assertThat(summary.getFigures()).containsOnlyKeys("total");
        assertThatThrownBy(() -> summary.getFigures().put("error", 1L)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void shouldBeEqualByValueAndNameTheStepWhenASubjectIsMissing() {
        assertThat(new StepSummary("hardenDockerfile", "Dockerfile", "passed error", Map.of("total", 2L)))
                .isEqualTo(HARDENED).hasSameHashCodeAs(HARDENED).isNotEqualTo(BAKED_WEB);
        assertThatThrownBy(() -> new StepSummary("bakeImages", null, "", Map.of()))
                .hasMessage("the subject of a bakeImages summary is required");
    }

    /** What XStream does to the field when the build is saved: reads it reflectively and iterates it, unlocked. */
    private static int walkLikeXStream(OptimizedDeployAction action) throws ReflectiveOperationException {
        int count = 0;
        for (Object summary : (Iterable<?>) summariesField().get(action)) {
            assertThat(summary).isNotNull();
            count++;
        }
        return count;
    }

    private static Field summariesField() throws NoSuchFieldException {
        Field field = OptimizedDeployAction.class.getDeclaredField("summaries");
        field.setAccessible(true);
        return field;
    }

    private static Object readResolve(OptimizedDeployAction action) throws ReflectiveOperationException {
        Method readResolve = OptimizedDeployAction.class.getDeclaredMethod("readResolve");
        readResolve.setAccessible(true);
        return readResolve.invoke(action);
    }

    @Test
    void shouldSurviveSerialization() throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(BAKED_WEB);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertThat(in.readObject()).isEqualTo(BAKED_WEB);
        }
    }
}
