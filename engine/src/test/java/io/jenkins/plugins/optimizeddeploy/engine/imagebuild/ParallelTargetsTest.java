package io.jenkins.plugins.optimizeddeploy.engine.imagebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.optimizeddeploy.engine.cache.CachePlan;
import io.jenkins.plugins.optimizeddeploy.engine.cache.CacheSettings;
import io.jenkins.plugins.optimizeddeploy.engine.image.Digest;
import io.jenkins.plugins.optimizeddeploy.engine.image.ImageReference;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ParallelTargetsTest {
    @Test
    void shouldBuildAtMostTheBoundAtOnceAndKeepPlanOrder() {
        AtomicInteger running = new AtomicInteger();
        List<Integer> concurrency = Collections.synchronizedList(new ArrayList<>());

        List<TargetResult> results = ParallelTargets.build(targets("a", "b", "c", "d"), 2, target -> {
            concurrency.add(running.incrementAndGet());
            sleep();
            running.decrementAndGet();
            return result(target.name());
        });

        assertThat(results).extracting(TargetResult::target).containsExactly("a", "b", "c", "d");
        assertThat(concurrency).allMatch(count -> count <= 2);
    }

    @Test
    void shouldAttemptEveryTargetAndReportEveryFailure() {
        List<String> attempted = Collections.synchronizedList(new ArrayList<>());

        assertThatThrownBy(() -> ParallelTargets.build(targets("a", "b", "c"), 1, target -> {
            attempted.add(target.name());
            if (!target.name().equals("b")) {
                throw new ImageBuildException("could not push reg/" + target.name() + ":1");
            }
            return result(target.name());
        })).isInstanceOf(ImageBuildException.class)
                .hasMessage("2 targets failed:\ncould not push reg/a:1\ncould not push reg/c:1");
        assertThat(attempted).containsExactly("a", "b", "c");
        assertThatThrownBy(() -> ParallelTargets.build(targets("a"), 1, target -> {
            throw new ImageBuildException("could not push reg/a:1");
        })).hasMessage("a: could not push reg/a:1");
    }

    @Test
    void shouldWriteOneProgressLineAsATargetStartsAndOneAsItFinishes() {
        List<String> lines = new ArrayList<>();
        BuildProgress progress = lines::add;
        TargetResult failedExport = TargetResult.builder("web", "docker")
                .pushed(List.of(ImageReference.parse("reg.example.com/web:1")), Digest.parse("sha256:" + "a".repeat(64)), 1).platformSizes(Map.of("linux/amd64", 1L))
                .durationMillis(12_345)
                .steps(new StepStatistics(10, 9, 1), List.of("[web 1/1] COPY"))
                .cache("local /agent/cache/web (2 cache images loaded)", new CacheTimes(1_250, 340),
                        List.of("reg/cache/web/main:final (denied)")).build();

        progress.started(targets("web").get(0), "docker (BuildKit)");
        progress.finished(failedExport);

        assertThat(lines).containsExactly("web: building reg.example.com/web:1 with docker (BuildKit)",
                "web: built in 12.3 s, 9 of 10 steps cached (90 %), cache import 1.3 s"
                        + " (local /agent/cache/web (2 cache images loaded)), export 0.3 s, sha256:" + "a".repeat(64) + ";"
                        + " cache export failed: reg/cache/web/main:final (denied)");
    }

    private static List<PlannedTarget> targets(String... names) {
        List<PlannedTarget> targets = new ArrayList<>();
        for (String name : names) {
            targets.add(PlannedTarget.builder(name, Path.of("/app"), Path.of("/app/Dockerfile"), name)
                    .images(List.of(ImageReference.parse("reg.example.com/" + name + ":1")))
                    .cache(CachePlan.forTarget(name, CacheSettings.of("reg/cache", "main", "main"))).build());
        }
        return targets;
    }

    private static TargetResult result(String name) {
        return TargetResult.builder(name, "test")
                .pushed(List.of(ImageReference.parse("reg.example.com/" + name + ":1")), Digest.parse("sha256:" + "a".repeat(64)), 0)
                .steps(new StepStatistics(0, 0, 0), List.of()).cache("none: test", CacheTimes.NONE, List.of()).build();
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
