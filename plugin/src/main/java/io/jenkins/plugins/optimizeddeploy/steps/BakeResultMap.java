package io.jenkins.plugins.optimizeddeploy.steps;

import io.jenkins.plugins.optimizeddeploy.action.StepSummary;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.BuildResult;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.StepStatistics;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.TargetResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The value {@code bakeImages} returns to the Pipeline script, and its closing line in the build log. */
final class BakeResultMap {

    private BakeResultMap() {
    }

    /**
     * {@code backend}, {@code backendReason}, {@code steps} of all targets and {@code targets}: per target in plan
     * order {@code target}, {@code image}, {@code images}, {@code digest}, {@code compressedBytes},
     * {@code durationMillis}, {@code steps} ({@code total}, {@code cached}, {@code executed}), {@code cacheHitRate}
     * (0 to 1), {@code cacheSource} (the cache read, or {@code none: } and why), {@code cacheImportMillis},
     * {@code cacheExportMillis} and {@code cacheExportFailures}.
     */
    static Map<String, Object> from(BuildResult result) {
        List<Map<String, Object>> targets = new ArrayList<>();
        for (TargetResult target : result.targets()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("target", target.target());
            entry.put("image", target.image());
            entry.put("images", new ArrayList<>(target.images()));
            entry.put("digest", target.digest());
            entry.put("compressedBytes", target.compressedBytes());
            entry.put("durationMillis", target.durationMillis());
            entry.put("steps", steps(target.steps()));
            entry.put("cacheHitRate", target.cacheHitRate());
            entry.put("cacheSource", target.cacheSource());
            entry.put("cacheImportMillis", target.cacheImportMillis());
            entry.put("cacheExportMillis", target.cacheExportMillis());
            entry.put("cacheExportFailures", new ArrayList<>(target.cacheExportFailures()));
            targets.add(entry);
        }
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("backend", result.backend());
        map.put("backendReason", result.backendReason());
        map.put("steps", steps(result.steps()));
        map.put("targets", targets);
        return map;
    }

    /** All targets together: how many, with which backend, how many steps came from cache. */
    static String line(BuildResult result) {
        StepStatistics steps = result.steps();
        return String.format(Locale.ROOT, "%s: %d target(s) with %s, %d of %d steps cached (%.0f %%)",
                BakeImagesStep.FUNCTION_NAME, result.targets().size(), result.backend(), steps.cached(), steps.total(),
                steps.hitRate() * 100);
    }

    /**
     * What the build keeps: per target its image, digest, compressed bytes, wall time, steps total and cached, the
     * cache hit rate in percent and the time spent importing and exporting cache.
     */
    static List<StepSummary> records(BuildResult result) {
        List<StepSummary> records = new ArrayList<>();
        for (TargetResult target : result.targets()) {
            Map<String, Long> figures = new LinkedHashMap<>();
            figures.put("compressedBytes", target.compressedBytes());
            figures.put("durationMillis", target.durationMillis());
            figures.put("steps", (long) target.steps().total());
            figures.put("cachedSteps", (long) target.steps().cached());
            figures.put("cacheHitPercent", Math.round(target.cacheHitRate() * 100));
            figures.put("cacheImportMillis", target.cacheImportMillis());
            figures.put("cacheExportMillis", target.cacheExportMillis());
            records.add(new StepSummary(BakeImagesStep.FUNCTION_NAME, target.image(), target.digest(), figures));
        }
        return records;
    }

    private static Map<String, Object> steps(StepStatistics steps) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("total", steps.total());
        map.put("cached", steps.cached());
        map.put("executed", steps.executed());
        return map;
    }
}
