package io.jenkins.plugins.optimizeddeploy.steps;

/** An optional text argument as a Pipeline script or the snippet generator's form gives it: blank means unset. */
public final class OptionalText {

    private OptionalText() {
    }

    /** {@code value} trimmed, or null when it is null or blank. */
    public static String of(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
