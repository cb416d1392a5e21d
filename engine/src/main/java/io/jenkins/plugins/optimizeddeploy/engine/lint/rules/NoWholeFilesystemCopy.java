package io.jenkins.plugins.optimizeddeploy.engine.lint.rules;

import io.jenkins.plugins.optimizeddeploy.engine.findings.Severity;
import io.jenkins.plugins.optimizeddeploy.engine.lint.AnalyzedDockerfile;
import io.jenkins.plugins.optimizeddeploy.engine.lint.Violation;
import java.util.List;

/** DL3067: COPY --from=stage / / drags a whole filesystem, with everything the build left in it, into the image. */
final class NoWholeFilesystemCopy extends DockerfileRule {

    NoWholeFilesystemCopy() {
        super("DL3067", Severity.WARNING, "Do not copy an entire filesystem from another stage.");
    }

    @Override
    public List<Violation> check(AnalyzedDockerfile analyzed) {
        return analyzed.instructions("copy").stream()
                .filter(copy -> copy.flags().has("from") && CopySources.destination(copy).equals("/")
                        && CopySources.of(copy).contains("/"))
                .map(Violation::at)
                .toList();
    }
}
