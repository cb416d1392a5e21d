package io.jenkins.plugins.optimizeddeploy.steps;

import io.jenkins.plugins.optimizeddeploy.action.StepSummary;
import io.jenkins.plugins.optimizeddeploy.engine.registry.ImageInspection;
import io.jenkins.plugins.optimizeddeploy.engine.registry.PlatformImage;
import io.jenkins.plugins.optimizeddeploy.engine.text.TerminalText;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The one line {@code inspectImage} writes to the build log. It holds nothing but what the registry returned, with
 * control characters escaped.
 */
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

    /** What the build keeps: the reference, its digest, and the platforms and compressed bytes of them all. */
    static StepSummary record(ImageInspection inspection) {
        Map<String, Long> figures = new LinkedHashMap<>();
        figures.put("platforms", (long) inspection.platforms().size());
        figures.put("compressedBytes", inspection.platforms().stream().mapToLong(PlatformImage::compressedSize).sum());
        return new StepSummary(InspectImageStep.FUNCTION_NAME, inspection.reference(), inspection.digest(), figures);
    }

    private static String platform(PlatformImage image) {
        return TerminalText.escape(image.platform()) + " " + image.compressedSize() + " bytes in "
                + image.layers().size() + (image.layers().size() == 1 ? " layer" : " layers")
                + ", user " + (image.user().isEmpty() ? "root (unset)" : TerminalText.escape(image.user()));
    }
}
