package io.jenkins.plugins.optimizeddeploy.engine.lint.rules;

import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Instruction;
import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.KeyValuePair;
import io.jenkins.plugins.optimizeddeploy.engine.lint.AnalyzedDockerfile;
import io.jenkins.plugins.optimizeddeploy.engine.lint.LabelType;
import io.jenkins.plugins.optimizeddeploy.engine.findings.Severity;
import io.jenkins.plugins.optimizeddeploy.engine.lint.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** DL3050: with {@code strict-labels}, a LABEL sets labels the {@code label-schema} does not name. */
final class SuperfluousLabels extends DockerfileRule {
    private final Set<String> known;
    private final boolean strict;

    SuperfluousLabels(Map<String, LabelType> schema, boolean strict) {
        super("DL3050", Severity.INFO, "Superfluous label(s) present.");
        this.known = Set.copyOf(schema.keySet());
        this.strict = strict;
    }

    @Override
    public List<Violation> check(AnalyzedDockerfile analyzed) {
        List<Violation> violations = new ArrayList<>();
        if (!strict) {
            return violations;
        }
        for (Instruction label : analyzed.instructions("label")) {
            List<String> extra = label.arguments().pairs().stream().map(KeyValuePair::key)
                    .filter(key -> !known.contains(key)).toList();
            if (!extra.isEmpty()) {
                violations.add(new Violation(label, String.join(", ", extra)));
            }
        }
        return violations;
    }
}
