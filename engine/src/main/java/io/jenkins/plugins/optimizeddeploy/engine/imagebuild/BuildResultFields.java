package io.jenkins.plugins.optimizeddeploy.engine.imagebuild;

import io.jenkins.plugins.optimizeddeploy.engine.image.ImageReference;
import io.jenkins.plugins.optimizeddeploy.engine.inspect.InspectionFields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A build's result as plain ordered maps, lists, strings and numbers: the one shape the command line's JSON and the
 * Pipeline step's returned value share, so a field has one name in both.
 */
public final class BuildResultFields {

    private BuildResultFields() {
    }

    /**
     * {@code backend}, {@code backendReason}, {@code steps} of all targets and {@code targets}: per target in plan
     * order {@code target}, {@code image}, {@code images}, {@code digest}, {@code compressedBytes} (of the first
     * platform), {@code platformSizes} (each platform's compressed bytes), {@code durationMillis}, {@code steps}
     * ({@code total}, {@code cached}, {@code executed}), {@code cacheHitRate} (0 to 1), {@code cacheSource} (the
     * cache read, or {@code none: } and why), {@code cacheImportMillis}, {@code cacheExportMillis} and
     * {@code cacheExportFailures}, {@code provenance} (as {@link InspectionFields#provenance}).
     */
    public static Map<String, Object> of(BuildResult result) {
        List<Map<String, Object>> targets = new ArrayList<>();
        for (TargetResult target : result.targets()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("target", target.target());
            entry.put("image", target.image().toString());
            entry.put("images", new ArrayList<>(target.images().stream().map(ImageReference::toString).toList()));
            entry.put("digest", target.digest().toString());
            entry.put("compressedBytes", target.compressedBytes());
            entry.put("platformSizes", new LinkedHashMap<>(target.platformSizes()));
            entry.put("durationMillis", target.durationMillis());
            entry.put("steps", steps(target.steps()));
            entry.put("cacheHitRate", target.cacheHitRate());
            entry.put("cacheSource", target.cacheSource());
            entry.put("cacheImportMillis", target.cacheImportMillis());
            entry.put("cacheExportMillis", target.cacheExportMillis());
            entry.put("cacheExportFailures", new ArrayList<>(target.cacheExportFailures()));
            entry.put("provenance", InspectionFields.provenance(target.provenance()));
            targets.add(entry);
        }
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("backend", result.backend());
        map.put("backendReason", result.backendReason());
        map.put("steps", steps(result.steps()));
        map.put("targets", targets);
        return map;
    }

    private static Map<String, Object> steps(StepStatistics steps) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("total", steps.total());
        map.put("cached", steps.cached());
        map.put("executed", steps.executed());
        return map;
    }
}
