package io.jenkins.plugins.optimizeddeploy.engine.lint.rules;

import io.jenkins.plugins.optimizeddeploy.engine.lint.LabelType;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;

/** DL3052: a label of type {@code url} holds no absolute URL. */
final class LabelIsUrl extends LabelValueRule {

    LabelIsUrl(Map<String, LabelType> schema) {
        super("DL3052", "Label is not a valid URL.", schema, LabelType.URL::equals, LabelIsUrl::isAbsoluteUri);
    }

    private static boolean isAbsoluteUri(String value) {
        try {
            return new URI(value).isAbsolute();
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
