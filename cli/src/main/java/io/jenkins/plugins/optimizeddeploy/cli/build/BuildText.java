package io.jenkins.plugins.optimizeddeploy.cli.build;

import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.BuildResult;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.StepStatistics;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.TargetResult;
import io.jenkins.plugins.optimizeddeploy.engine.text.TerminalText;
import java.util.Locale;

/** The text of {@code optimized-deploy build}: one line per target, then one for all of them. */
final class BuildText {

    private BuildText() {
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
