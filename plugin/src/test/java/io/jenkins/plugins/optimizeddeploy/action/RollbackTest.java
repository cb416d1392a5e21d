package io.jenkins.plugins.optimizeddeploy.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import hudson.EnvVars;
import hudson.model.Action;
import hudson.model.CauseAction;
import hudson.model.Item;
import hudson.model.Run;
import io.jenkins.plugins.optimizeddeploy.engine.image.ImageReference;
import io.jenkins.plugins.optimizeddeploy.engine.metrics.Deployment;
import io.jenkins.plugins.optimizeddeploy.engine.metrics.MetricsJson;
import io.jenkins.plugins.optimizeddeploy.engine.metrics.RunMetrics;
import java.lang.reflect.Method;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jenkins.model.ParameterizedJobMixIn;
import org.junit.jupiter.api.Test;
import org.kohsuke.stapler.interceptor.RequirePOST;

/**
 * "Roll back to this build": the checks and what it queues, with a queue of the test's own standing in for the job's
 * (core's scheduling needs a running Jenkins).
 */
class RollbackTest {

    private static final ImageReference WEB = ImageReference.parse("reg.example.com/web@sha256:" + "a".repeat(64));
    private static final ImageReference WORKER =
            ImageReference.parse("reg.example.com/worker@sha256:" + "b".repeat(64));

    private final Queue queue = new Queue();

    @Test
    void shouldRefuseAUserWhoMayNotBuildTheJobAndQueueNothing() {
        queue.mayBuild = false;

        assertThatThrownBy(() -> released().rollBack(queue, 7, "Mallory")).hasMessage("Mallory may not build");
        assertThat(queue.scheduled).isEmpty();
    }

    @Test
    void shouldRollBackOnlyThroughAPostCheckedByCore() throws NoSuchMethodException {
        Method rollBack = OptimizedDeployAction.class.getMethod("doRollBack");

        assertThat(rollBack.isAnnotationPresent(RequirePOST.class)).isTrue();
    }

    @Test
    void shouldQueueARunMarkedWithTheBuildToRollBackToAndWhoAskedForIt() {
        assertThat(released().rollBack(queue, 7, "Alice")).isEqualTo(RollbackOutcome.SCHEDULED);

        assertThat(queue.scheduled).singleElement().satisfies(actions -> {
            assertThat(actions.rollback().getBuild()).isEqualTo(7);
            assertThat(actions.cause().getBuild()).isEqualTo(7);
            assertThat(actions.cause().getShortDescription()).isEqualTo("Rollback to #7 requested by Alice");
        });
        assertThat(RollbackOutcome.messageOf("scheduled"))
                .isEqualTo("A run of this job that rolls back to this build is in the build queue.");
    }

    @Test
    void shouldSayWhenJenkinsRefusedOrTheBuildReleasedNothing() {
        queue.accepts = false;

        assertThat(released().rollBack(queue, 7, "Alice")).isEqualTo(RollbackOutcome.REFUSED);
        assertThat(recorded(new Deployment("web", WEB, false, false, 1_000, "no health")).rollBack(queue, 8, "Alice"))
                .isEqualTo(RollbackOutcome.NOTHING_RELEASED);
        assertThat(new OptimizedDeployAction().rollBack(queue, 9, "Alice")).isEqualTo(RollbackOutcome.NOTHING_RELEASED);
        assertThat(queue.scheduled).hasSize(1);
        assertThat(RollbackOutcome.messageOf("nothing_released"))
                .isEqualTo("This build released nothing healthy to roll back to.");
        assertThat(RollbackOutcome.messageOf("<b>made up</b>")).isNull();
        assertThat(RollbackOutcome.messageOf(null)).isNull();
    }

    @Test
    void shouldNameTheImagesTheBuildReleasedForTheRollbackStep() {
        assertThat(released().getReleasedImages()).containsExactly(Map.entry("web", WEB), Map.entry("worker", WORKER));
        assertThat(new OptimizedDeployAction().getReleasedImages()).isEmpty();
    }

    @Test
    void shouldNeverBeMergedIntoAnotherQueuedRunNorLetOneBeMergedIntoIt() {
        RollbackToBuild rollback = new RollbackToBuild(7);

        assertThat(rollback.shouldSchedule(List.of())).isTrue();
        assertThat(rollback.shouldSchedule(List.<Action>of(new RollbackToBuild(7)))).isTrue();
        assertThat(rollback.shouldSchedule(List.<Action>of(new RollbackToBuild(3), new BaselinePin(1)))).isTrue();
        assertThat(rollback.getIconFileName()).as("not a link of the run").isNull();
        assertThatThrownBy(() -> new RollbackToBuild(0))
                .hasMessage("The build to roll back to must be a build number, was 0");
    }

    @Test
    void shouldGiveTheRunTheNumberOfTheBuildToRollBackToThroughTheMethodCoreCalls() throws NoSuchMethodException {
        Map<String, String> environment = new HashMap<>(Map.of("BUILD_NUMBER", "12"));

        new RollbackToBuild(7).contributeTo(environment);

        assertThat(environment).containsOnly(Map.entry("BUILD_NUMBER", "12"),
                Map.entry("OPTIMIZED_DEPLOY_ROLLBACK_BUILD", "7"));
        assertThat(RollbackToBuild.class.getDeclaredMethod("buildEnvironment", Run.class, EnvVars.class)
                .getDeclaringClass()).isEqualTo(RollbackToBuild.class);
    }

    /**
     * What the job's own queue does, read from its bytecode (it runs only inside Jenkins): the permission it checks,
     * and that it queues through core's scheduling with the run's cause.
     */
    @Test
    void shouldCheckItemBuildAndQueueThroughCoresSchedulingForAnyJob() {
        JavaClass jobQueue = new ClassFileImporter().importClass(JobRollbackQueue.class);

        JavaMethod check = jobQueue.getMethod("checkMayBuild");
        assertThat(check.getFieldAccesses()).extracting(access -> access.getTarget().getFullName())
                .contains(Item.class.getName() + ".BUILD");
        assertThat(check.getMethodCallsFromSelf()).extracting(call -> call.getTarget().getName())
                .containsExactly("checkPermission");
        JavaMethod schedule = jobQueue.getMethod("schedule", RollbackToBuild.class, RollbackCause.class);
        assertThat(schedule.getMethodCallsFromSelf())
                .extracting(call -> call.getTargetOwner().getName() + "." + call.getName())
                .containsExactly(ParameterizedJobMixIn.class.getName() + ".scheduleBuild2");
        assertThat(schedule.getConstructorCallsFromSelf()).extracting(call -> call.getTargetOwner().getName())
                .contains(CauseAction.class.getName());
        JavaMethod offered = new ClassFileImporter().importClass(OptimizedDeployAction.class)
                .getMethod("isRollbackOffered");
        assertThat(offered.getFieldAccesses()).extracting(access -> access.getTarget().getFullName())
                .contains(Item.class.getName() + ".BUILD");
    }

    private static OptimizedDeployAction released() {
        return recorded(new Deployment("web", WEB, false, true, 2_000, ""),
                new Deployment("worker", WORKER, false, true, 3_000, ""));
    }

    private static OptimizedDeployAction recorded(Deployment... deploys) {
        OptimizedDeployAction action = new OptimizedDeployAction();
        RunMetrics release = RunMetrics.builder("", "", "").deploys(List.of(deploys)).build();
        action.append(List.of(), MetricsJson.write(release),
                () -> RunMetrics.of("shop", "#7", Instant.parse("2026-12-07T09:00:00Z")));
        return action;
    }

    private record Scheduled(RollbackToBuild rollback, RollbackCause cause) {
    }

    /** The job's queue as the action sees it: whether the user may build, whether Jenkins accepts the run. */
    private static final class Queue implements RollbackQueue {
        boolean mayBuild = true;
        boolean accepts = true;
        final List<Scheduled> scheduled = new ArrayList<>();

        @Override
        public void checkMayBuild() {
            if (!mayBuild) {
                throw new IllegalStateException("Mallory may not build");
            }
        }

        @Override
        public boolean schedule(RollbackToBuild rollback, RollbackCause cause) {
            scheduled.add(new Scheduled(rollback, cause));
            return accepts;
        }
    }
}
