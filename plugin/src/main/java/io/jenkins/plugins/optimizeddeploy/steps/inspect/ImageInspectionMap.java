package io.jenkins.plugins.optimizeddeploy.steps.inspect;

import io.jenkins.plugins.optimizeddeploy.engine.inspect.ImageInspection;
import io.jenkins.plugins.optimizeddeploy.engine.inspect.InspectionFields;
import java.util.Map;

/**
 * The value {@code inspectImage} returns to the Pipeline script: plain maps, lists, strings and numbers, which the
 * script can read without approval and which Pipeline can persist between steps.
 */
final class ImageInspectionMap {

    private ImageInspectionMap() {
    }

    /** The inspection's fields, as the command line's JSON has them. */
    static Map<String, Object> from(ImageInspection inspection) {
        return InspectionFields.of(inspection);
    }
}
