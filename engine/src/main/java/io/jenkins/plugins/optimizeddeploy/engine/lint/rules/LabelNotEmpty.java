package io.jenkins.plugins.optimizeddeploy.engine.lint.rules;

import io.jenkins.plugins.optimizeddeploy.engine.lint.LabelType;
import java.util.Map;

/** DL3051: a label the schema requires is set to nothing. */
final class LabelNotEmpty extends LabelValueRule {

    LabelNotEmpty(Map<String, LabelType> schema) {
        super("DL3051", "Label is empty.", schema, type -> true, value -> !value.isEmpty());
    }
}
