package io.jenkins.plugins.optimizeddeploy.engine.lint.rules;

import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Dockerfile;
import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Instruction;
import io.jenkins.plugins.optimizeddeploy.engine.findings.Severity;
import io.jenkins.plugins.optimizeddeploy.engine.lint.AnalyzedDockerfile;
import io.jenkins.plugins.optimizeddeploy.engine.lint.Violation;
import java.util.List;
import java.util.Set;

/**
 * OD1009: {@code COPY . .} in the final stage ships everything in the build context (sources, .git, .env files the
 * .dockerignore forgot) in the image; copy the build output from a builder stage instead.
 */
final class FinalStageCopiesWholeContext extends DockerfileRule {
    private static final Set<String> WHOLE_CONTEXT = Set.of(".", "./", "*", "./*", "/");

    FinalStageCopiesWholeContext() {
        super("OD1009", Severity.WARNING, "The final stage copies the whole build context into the image;"
                + " copy only what the image runs, e.g. the build output of a builder stage.");
    }

    @Override
    public List<Violation> check(AnalyzedDockerfile analyzed) {
        Dockerfile dockerfile = analyzed.dockerfile();
        return dockerfile.finalStage().map(stage -> stage.instructions().stream()
                        .filter(instruction -> instruction.keyword().equals("copy")
                                || instruction.keyword().equals("add"))
                        .filter(copy -> !copy.flags().has("from"))
                        .filter(copy -> CopySources.of(copy).stream().anyMatch(WHOLE_CONTEXT::contains))
                        .map(Violation::at)
                        .toList())
                .orElse(List.of());
    }
}
