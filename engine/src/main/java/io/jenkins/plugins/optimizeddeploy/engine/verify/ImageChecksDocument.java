package io.jenkins.plugins.optimizeddeploy.engine.verify;

/**
 * docs/IMAGE_CHECKS.md, generated from {@link ImageCheck} so that it cannot drift from the code (a test compares the
 * committed file with this text).
 */
public final class ImageChecksDocument {

    private ImageChecksDocument() {
    }

    /** The Markdown text of docs/IMAGE_CHECKS.md. */
    public static String markdown() {
        StringBuilder text = new StringBuilder();
        text.append("# Image checks\n\n")
                .append("<!-- Generated from ImageCheck by ImageChecksDocumentTest; do not edit by hand. -->\n\n")
                .append("`optimized-deploy verify` and the `verifyImage` step check ").append(ImageCheck.values().length)
                .append(" things in a built image, every platform of it, reading its manifests and configs from the"
                        + " registry (no layer is pulled). Findings use the Dockerfile rules' output formats and"
                        + " failure thresholds, naming the image and platform where a Dockerfile finding names the file;"
                        + " the line is the history entry (1-based) for OD2006 and OD2007, else 1. Secret values are"
                        + " never printed. An image that leads to no platform image (an index listing only"
                        + " attestations, or nothing) fails verification instead of passing with nothing checked;"
                        + " indexes nested more than 4 deep, or leading to more than 128 manifests, are refused, and a"
                        + " manifest listed twice is read once.\n\n")
                .append("| id | default severity | message |\n|---|---|---|\n");
        for (ImageCheck check : ImageCheck.values()) {
            text.append("| ").append(check.id()).append(" | ").append(check.defaultSeverity().label()).append(" | ")
                    .append(check.message().replace("|", "\\|")).append(" |\n");
        }
        for (ImageCheck check : ImageCheck.values()) {
            text.append("\n### ").append(check.id()).append("\n\n")
                    .append("Default severity: ").append(check.defaultSeverity().label()).append(".\n\n")
                    .append(check.message()).append('\n');
        }
        return text.toString();
    }
}
