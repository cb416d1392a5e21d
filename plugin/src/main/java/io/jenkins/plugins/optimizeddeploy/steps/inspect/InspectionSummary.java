package io.jenkins.plugins.optimizeddeploy.steps.inspect;

import io.jenkins.plugins.optimizeddeploy.action.StepSummary;
import io.jenkins.plugins.optimizeddeploy.engine.image.ImageReference;
import io.jenkins.plugins.optimizeddeploy.engine.inspect.ImageInspection;
import io.jenkins.plugins.optimizeddeploy.engine.inspect.PlatformImage;
import io.jenkins.plugins.optimizeddeploy.engine.text.TerminalText;
import io.jenkins.plugins.optimizeddeploy.steps.ImageSizeFigures;
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

    /**
     * What the build keeps: the reference, its digest, the number of platforms and the compressed bytes as
     * {@code bakeImages} records them (the first platform's, and each platform's of an image of several).
     */
    static StepSummary record(ImageInspection inspection) {
        Map<String, Long> figures = new LinkedHashMap<>();
        figures.put("platforms", (long) inspection.platforms().size());
        figures.putAll(ImageSizeFigures.of(inspection.platforms().isEmpty() ? 0
                : inspection.platforms().get(0).compressedBytes(), inspection.compressedSizes()));
        return new StepSummary(InspectImageStep.FUNCTION_NAME, inspection.reference().toString(),
                inspection.digest().toString(), figures);
    }

    /**
     * The name the build's metrics know the image by: the last part of its repository, as {@code bakeImages} pushes a
     * target ({@code web} for {@code registry.example.com/team/web:1.4}), so an inspection completes the target's entry.
     */
    static String imageName(ImageReference reference) {
        String repository = reference.repository();
        return repository.substring(repository.lastIndexOf('/') + 1);
    }

    private static String platform(PlatformImage image) {
        return TerminalText.escape(image.platform()) + " " + image.compressedBytes() + " bytes in "
                + image.layers().size() + (image.layers().size() == 1 ? " layer" : " layers")
                + ", user " + (image.user().isEmpty() ? "root (unset)" : TerminalText.escape(image.user()));
    }
}
