package io.jenkins.plugins.optimizeddeploy.steps.retag;

import io.jenkins.plugins.optimizeddeploy.action.StepSummary;
import io.jenkins.plugins.optimizeddeploy.engine.metrics.MetricsJson;
import io.jenkins.plugins.optimizeddeploy.engine.metrics.MetricsParts;
import io.jenkins.plugins.optimizeddeploy.engine.retag.RetagResult;
import io.jenkins.plugins.optimizeddeploy.engine.retag.RetagResultFields;
import io.jenkins.plugins.optimizeddeploy.engine.retag.RetaggedImage;
import io.jenkins.plugins.optimizeddeploy.steps.StepOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The value {@code retagImages} returns to the Pipeline script: plain lists, maps and strings. */
final class RetagResultMap {

    private RetagResultMap() {
    }

    /**
     * The value, the log lines (the retag's summary), the records, the metrics part and, when the tags were not moved,
     * the line the step fails with.
     */
    static StepOutcome<List<Map<String, Object>>> outcome(RetagResult result) {
        List<String> log = result.summary().stream().map(RetagImagesStep::logLine).toList();
        return new StepOutcome<>(RetagResultFields.images(result), log, records(result),
                MetricsJson.write(MetricsParts.retag(result)), result.moved() ? null : log.get(0));
    }

    /** What the build keeps: per source image, its digest (or the failure) and how many tags point at it now. */
    static List<StepSummary> records(RetagResult result) {
        List<StepSummary> records = new ArrayList<>();
        for (RetaggedImage image : result.images()) {
            records.add(new StepSummary(RetagImagesStep.FUNCTION_NAME, image.source().toString(),
                    result.moved() ? image.digest().toString() : "not moved: " + result.summary().get(0),
                    Map.of("tags", (long) image.tags().size())));
        }
        return records;
    }
}
