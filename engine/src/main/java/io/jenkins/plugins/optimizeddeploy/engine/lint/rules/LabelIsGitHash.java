package io.jenkins.plugins.optimizeddeploy.engine.lint.rules;

import io.jenkins.plugins.optimizeddeploy.engine.lint.LabelType;
import java.util.Map;
import java.util.regex.Pattern;

/** DL3055: a label of type {@code hash} holds no git commit hash (7 or 40 lower-case hex digits). */
final class LabelIsGitHash extends LabelValueRule {
    private static final Pattern GIT_HASH = Pattern.compile("[0-9a-f]{7}|[0-9a-f]{40}");

    LabelIsGitHash(Map<String, LabelType> schema) {
        super("DL3055", "Label is not a valid git hash.", schema, LabelType.HASH::equals,
                value -> GIT_HASH.matcher(value).matches());
    }
}
