package io.jenkins.plugins.optimizeddeploy.engine.lint.rules;

import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Dockerfile;
import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Instruction;
import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Stage;
import io.jenkins.plugins.optimizeddeploy.engine.findings.Severity;
import io.jenkins.plugins.optimizeddeploy.engine.lint.AnalyzedDockerfile;
import io.jenkins.plugins.optimizeddeploy.engine.lint.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** DL3022: a COPY --from that names no earlier stage is a typo or an untagged image. */
final class CopyFromKnownStage extends DockerfileRule {
    private static final Pattern STAGE_INDEX = Pattern.compile("[0-9]{1,9}");

    CopyFromKnownStage() {
        super("DL3022", Severity.WARNING, "COPY --from should reference a previously defined FROM alias.");
    }

    @Override
    public List<Violation> check(AnalyzedDockerfile analyzed) {
        Dockerfile dockerfile = analyzed.dockerfile();
        List<Violation> violations = new ArrayList<>();
        for (Instruction copy : analyzed.instructions("copy")) {
            copy.flags().resolvedValue("from")
                    .filter(from -> !from.contains(":") && !from.contains("$") && !from.isEmpty())
                    .filter(from -> !namesStageUpTo(dockerfile, from, copy.stage()))
                    .ifPresent(from -> violations.add(new Violation(copy, from)));
        }
        return violations;
    }

    private static boolean namesStageUpTo(Dockerfile dockerfile, String from, int lastIndex) {
        if (STAGE_INDEX.matcher(from).matches()) {
            return Integer.parseInt(from) <= lastIndex;
        }
        String name = from.toLowerCase(Locale.ROOT);
        return dockerfile.stages().stream().filter(stage -> stage.index() <= lastIndex).map(Stage::name)
                .anyMatch(name::equals);
    }
}
