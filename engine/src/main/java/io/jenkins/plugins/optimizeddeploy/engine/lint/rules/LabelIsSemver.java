package io.jenkins.plugins.optimizeddeploy.engine.lint.rules;

import io.jenkins.plugins.optimizeddeploy.engine.lint.LabelType;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * DL3056: a label of type {@code semver} holds no semantic version: MAJOR.MINOR.PATCH without leading zeros, then
 * optionally a pre-release after {@code -} and build metadata after {@code +}.
 */
final class LabelIsSemver extends LabelValueRule {
    private static final String NUMBER = "(0|[1-9][0-9]*)";
    private static final String PRE_RELEASE_PART = "(0|[1-9][0-9]*|[0-9]*[A-Za-z-][0-9A-Za-z-]*)";
    private static final Pattern SEMANTIC_VERSION = Pattern.compile(NUMBER + "\\." + NUMBER + "\\." + NUMBER
            + "(-" + PRE_RELEASE_PART + "(\\." + PRE_RELEASE_PART + ")*)?"
            + "(\\+[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?");

    LabelIsSemver(Map<String, LabelType> schema) {
        super("DL3056", "Label does not conform to semantic versioning.", schema, LabelType.SEMVER::equals,
                value -> SEMANTIC_VERSION.matcher(value).matches());
    }
}
