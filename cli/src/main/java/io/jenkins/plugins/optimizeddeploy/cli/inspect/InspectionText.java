package io.jenkins.plugins.optimizeddeploy.cli.inspect;

import io.jenkins.plugins.optimizeddeploy.engine.inspect.ImageInspection;
import io.jenkins.plugins.optimizeddeploy.engine.inspect.PlatformImage;
import io.jenkins.plugins.optimizeddeploy.engine.inspect.Provenance;
import io.jenkins.plugins.optimizeddeploy.engine.text.TerminalText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The text form of {@code optimized-deploy inspect}: one block per platform, sizes for people. */
final class InspectionText {
    private InspectionText() {
    }

    /** What the registry sent is escaped ({@link TerminalText}): it cannot drive the terminal or forge lines. */
    static String render(ImageInspection inspection) {
        StringBuilder text = new StringBuilder()
                .append(inspection.reference()).append('\n')
                .append("  digest      ").append(inspection.digest()).append('\n')
                .append("  media type  ").append(escape(inspection.mediaType())).append('\n');
        for (PlatformImage image : inspection.platforms()) {
            text.append("  ").append(escape(image.platform())).append('\n')
                    .append("    size         ").append(humanSize(image.compressedBytes()))
                    .append(" compressed in ").append(image.layers().size()).append(" layer(s)\n")
                    .append("    user         ").append(image.user().isEmpty() ? "root (not set)" : escape(image.user()))
                    .append('\n')
                    .append("    healthcheck  ")
                    .append(image.healthcheck().isEmpty() ? "none" : escape(String.join(" ", image.healthcheck())))
                    .append('\n')
                    .append("    ports        ")
                    .append(image.exposedPorts().isEmpty() ? "none" : escape(String.join(", ", image.exposedPorts())))
                    .append('\n')
                    .append("    created      ").append(escape(image.created())).append('\n');
            if (!image.labels().isEmpty()) {
                text.append("    labels       ").append(image.labels().entrySet().stream()
                        .map(label -> escape(label.getKey() + "=" + label.getValue()))
                        .collect(Collectors.joining("\n                 "))).append('\n');
            }
            text.append(provenance(image.provenance()));
        }
        return text.toString();
    }

    /** Builder, source, build args and materials, one per line; or why the image has no provenance. */
    private static String provenance(Provenance provenance) {
        if (!provenance.attached()) {
            return "    provenance   none (" + escape(provenance.missing()) + ")\n";
        }
        List<String> lines = new ArrayList<>();
        lines.add("builder " + (provenance.builderId().isEmpty() ? "(unnamed)" : provenance.builderId()) + " "
                + provenance.buildType() + " " + provenance.frontend());
        lines.add("source " + provenance.source().describe());
        provenance.buildArgs().forEach((name, value) -> lines.add("arg " + name + "=" + value));
        provenance.materials().forEach(material -> lines.add("material " + material));
        return "    provenance   " + lines.stream().map(InspectionText::escape)
                .collect(Collectors.joining("\n                 ")) + "\n";
    }

    private static String escape(String fromRegistry) {
        return TerminalText.escape(fromRegistry);
    }

    static String humanSize(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
