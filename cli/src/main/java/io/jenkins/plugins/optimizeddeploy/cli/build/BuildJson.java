package io.jenkins.plugins.optimizeddeploy.cli.build;

import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.BuildResult;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.StepStatistics;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.TargetResult;
import io.jenkins.plugins.optimizeddeploy.engine.inspect.Provenance;
import io.jenkins.plugins.optimizeddeploy.engine.text.TerminalText;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The JSON and text of {@code optimized-deploy build}: {@code {"targets": [...]}}, one entry per target. */
record BuildJson(String backend, String backendReason, List<Target> targets) {
    record Target(String target, String image, String digest, long compressedBytes, Map<String, Long> platformSizes,
            long durationMillis,
            StepStatistics steps, double cacheHitRate, String cacheSource, long cacheImportMillis,
            long cacheExportMillis, List<String> cacheExportFailures, Provenance provenance) {
    }

    static BuildJson of(BuildResult result) {
        return new BuildJson(result.backend(), result.backendReason(), result.targets().stream().map(BuildJson::target).toList());
    }

    private static Target target(TargetResult result) {
        return new Target(result.target(), result.image(), result.digest(), result.compressedBytes(), result.platformSizes(),
                result.durationMillis(),
                result.steps(), result.cacheHitRate(), result.cacheSource(), result.cacheImportMillis(), result.cacheExportMillis(),
                result.cacheExportFailures(), result.provenance());
    }

    static String text(BuildResult result) {
        StringBuilder text = new StringBuilder();
        for (TargetResult target : result.targets()) {
            text.append(String.format(Locale.ROOT, "%s %s@%s %d/%d steps cached (%.0f %%) in %.1f s, cache import %.1f s,"
                    + " export %.1f s%n", target.target(), target.image(), target.digest(), target.steps().cached(),
                    target.steps().total(), target.cacheHitRate() * 100, target.durationMillis() / 1000.0,
                    target.cacheImportMillis() / 1000.0, target.cacheExportMillis() / 1000.0));
            text.append("  ").append(TerminalText.escape(target.provenance().summary())).append('\n');
        }
        StepStatistics all = result.steps();
        text.append(String.format(Locale.ROOT, "%d target(s) with %s: %d/%d steps cached (%.0f %%)%n",
                result.targets().size(), result.backend(), all.cached(), all.total(), all.hitRate() * 100));
        return text.toString();
    }
}
