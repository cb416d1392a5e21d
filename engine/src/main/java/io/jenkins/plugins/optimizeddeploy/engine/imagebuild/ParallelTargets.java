package io.jenkins.plugins.optimizeddeploy.engine.imagebuild;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/** Builds targets at most {@code parallelism} at a time; all are attempted, then every failure is reported at once. */
public final class ParallelTargets {
    private ParallelTargets() {
    }

    public static List<TargetResult> build(List<PlannedTarget> targets, int parallelism, Function<PlannedTarget, TargetResult> build) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("Parallelism must be at least 1, was " + parallelism);
        }
        ExecutorService executor = Executors.newFixedThreadPool(Math.min(parallelism, Math.max(1, targets.size())));
        try {
            List<Future<TargetResult>> futures = new ArrayList<>();
            targets.forEach(target -> futures.add(executor.submit(() -> build.apply(target))));
            List<TargetResult> results = new ArrayList<>();
            List<String> failures = new ArrayList<>();
            ImageBuildException firstFailure = null;
            for (int i = 0; i < futures.size(); i++) {
                try {
                    results.add(futures.get(i).get());
                } catch (ExecutionException e) {
                    failures.add(e.getCause().getMessage());
                    if (firstFailure == null) {
                        firstFailure = new ImageBuildException(targets.get(i).name() + ": " + e.getCause().getMessage(), e.getCause());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new ImageBuildException("Interrupted while building " + targets.get(i).name(), e);
                }
            }
            if (failures.size() == 1) {
                throw firstFailure;
            }
            if (!failures.isEmpty()) {
                throw new ImageBuildException(failures.size() + " targets failed:\n" + String.join("\n", failures), firstFailure);
            }
            return results;
        } finally {
            executor.shutdownNow();
        }
    }
}
