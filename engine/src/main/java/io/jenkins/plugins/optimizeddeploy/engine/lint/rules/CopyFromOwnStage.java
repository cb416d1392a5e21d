package io.jenkins.plugins.optimizeddeploy.engine.lint.rules;

import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Dockerfile;
import io.jenkins.plugins.optimizeddeploy.engine.findings.Severity;
import io.jenkins.plugins.optimizeddeploy.engine.lint.AnalyzedDockerfile;
import io.jenkins.plugins.optimizeddeploy.engine.lint.Violation;
import java.util.List;
import java.util.Locale;

/** DL3023: a stage cannot copy from itself. */
final class CopyFromOwnStage extends DockerfileRule {

    CopyFromOwnStage() {
        super("DL3023", Severity.ERROR, "COPY --from cannot reference its own FROM alias.");
    }

    @Override
    public List<Violation> check(AnalyzedDockerfile analyzed) {
        Dockerfile dockerfile = analyzed.dockerfile();
        return analyzed.instructions("copy").stream()
                .filter(copy -> StageScope.stageOf(dockerfile, copy)
                        .filter(stage -> !stage.name().isEmpty())
                        .flatMap(stage -> copy.flags().resolvedValue("from")
                                .filter(from -> from.toLowerCase(Locale.ROOT).equals(stage.name())))
                        .isPresent())
                .map(Violation::at)
                .toList();
    }
}
