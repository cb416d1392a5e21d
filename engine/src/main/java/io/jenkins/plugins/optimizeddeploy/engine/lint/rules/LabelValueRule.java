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
import java.util.function.Predicate;

/**
 * A LABEL whose value does not fit the type the {@code label-schema} gives its name: one violation per such label,
 * naming it. Without a schema there is nothing to check.
 */
abstract class LabelValueRule extends DockerfileRule {
    private final Map<String, LabelType> schema;
    private final Predicate<LabelType> checkedTypes;
    private final Predicate<String> valid;

    LabelValueRule(String id, String message, Map<String, LabelType> schema, Predicate<LabelType> checkedTypes,
            Predicate<String> valid) {
        super(id, Severity.WARNING, message);
        this.schema = Map.copyOf(schema);
        this.checkedTypes = checkedTypes;
        this.valid = valid;
    }

    @Override
    public final List<Violation> check(AnalyzedDockerfile analyzed) {
        List<Violation> violations = new ArrayList<>();
        if (schema.isEmpty()) {
            return violations;
        }
        for (Instruction label : analyzed.instructions("label")) {
            for (KeyValuePair pair : label.arguments().pairs()) {
                LabelType type = schema.get(pair.key());
                if (type != null && checkedTypes.test(type) && !valid.test(pair.value())) {
                    violations.add(new Violation(label, pair.key()));
                }
            }
        }
        return violations;
    }
}
