package io.jenkins.plugins.optimizeddeploy.steps;

import io.jenkins.plugins.optimizeddeploy.engine.registry.ImageInspection;
import io.jenkins.plugins.optimizeddeploy.engine.registry.PlatformImage;
import java.util.stream.Collectors;

/** The one line {@code inspectImage} writes to the build log. It holds nothing but what the registry returned. */
final class InspectionSummary {

    private InspectionSummary() {
    }

    static String line(ImageInspection inspection) {
        String platforms = inspection.platforms().stream()
                .map(InspectionSummary::platform)
                .collect(Collectors.joining(", "));
        int count = inspection.platforms().size();
        return InspectImageStep.FUNCTION_NAME + ": " + inspection.reference() + " is " + inspection.digest() + ", "
                + count + (count == 1 ? " platform: " : " platforms: ") + platforms;
    }

    private static String platform(PlatformImage image) {
        return image.platform() + " " + image.compressedSize() + " bytes in " + image.layers().size()
                + (image.layers().size() == 1 ? " layer" : " layers")
                + ", user " + (image.user().isEmpty() ? "root (unset)" : image.user());
    }
}
