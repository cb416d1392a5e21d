package io.jenkins.plugins.optimizeddeploy.engine.lint.rules;

import io.jenkins.plugins.optimizeddeploy.engine.lint.LabelType;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * DL3058: a label of type {@code email} holds no RFC 5322 address: a local part (dot-separated atoms or a quoted
 * string), {@code @}, and a domain (dot-separated atoms or a bracketed literal).
 */
final class LabelIsEmail extends LabelValueRule {
    private static final String ATOM = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";
    private static final String DOT_ATOM = ATOM + "(\\." + ATOM + ")*";
    private static final String QUOTED = "\"([^\"\\\\\\r\\n]|\\\\.)*\"";
    private static final String DOMAIN_LITERAL = "\\[[^\\[\\]\\\\\\s]*\\]";
    private static final Pattern ADDRESS =
            Pattern.compile("(" + DOT_ATOM + "|" + QUOTED + ")@(" + DOT_ATOM + "|" + DOMAIN_LITERAL + ")");

    LabelIsEmail(Map<String, LabelType> schema) {
        super("DL3058", "Label is not a valid email format - must conform to RFC5322.", schema,
                LabelType.EMAIL::equals, value -> ADDRESS.matcher(value).matches());
    }
}
