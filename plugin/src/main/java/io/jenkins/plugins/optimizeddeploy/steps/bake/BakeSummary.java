package io.jenkins.plugins.optimizeddeploy.steps.bake;

import io.jenkins.plugins.optimizeddeploy.action.StepSummary;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.BuildResult;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.StepStatistics;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.TargetResult;
import io.jenkins.plugins.optimizeddeploy.steps.ImageSizeFigures;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code bakeImages} writes to the build log and keeps on the build; the value it returns to the script is
 * {@link io.jenkins.plugins.optimizeddeploy.engine.imagebuild.BuildResultFields}'s, as the command line's JSON.
 */
final class BakeSummary {

    private BakeSummary() {
    }

    /** All targets together: how many, with which backend, how many steps came from cache. */
    static String line(BuildResult result) {
        StepStatistics steps = result.steps();
        return String.format(Locale.ROOT, "%s: %d target(s) with %s, %d of %d steps cached (%.0f %%)",
                BakeImagesStep.FUNCTION_NAME, result.targets().size(), result.backend(), steps.cached(), steps.total(),
                steps.hitRate() * 100);
    }

    /**
     * What the build keeps: per target its image, digest, compressed bytes (and, for an image of several platforms,
     * each platform's as {@code compressedBytes linux/arm64/v8}), wall time, steps total and cached, the cache hit
     * rate as a whole percent ({@code cacheHitPercent}: the figures are whole numbers; the returned value's
     * {@code cacheHitRate} is the same share from 0 to 1) and the time spent importing and exporting cache.
     */
    static List<StepSummary> records(BuildResult result) {
        List<StepSummary> records = new ArrayList<>();
        for (TargetResult target : result.targets()) {
            Map<String, Long> figures = ImageSizeFigures.of(target.compressedBytes(), target.platformSizes());
            figures.put("durationMillis", target.durationMillis());
            figures.put("steps", (long) target.steps().total());
            figures.put("cachedSteps", (long) target.steps().cached());
            figures.put("cacheHitPercent", Math.round(target.cacheHitRate() * 100));
            figures.put("cacheImportMillis", target.cacheImportMillis());
            figures.put("cacheExportMillis", target.cacheExportMillis());
            records.add(new StepSummary(BakeImagesStep.FUNCTION_NAME, target.image().toString(),
                    target.digest().toString(), figures));
        }
        return records;
    }
}
