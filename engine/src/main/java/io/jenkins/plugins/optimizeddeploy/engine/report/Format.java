package io.jenkins.plugins.optimizeddeploy.engine.report;

import io.jenkins.plugins.optimizeddeploy.engine.metrics.Delta;
import java.util.Locale;

/** Numbers as the reports print them: sizes in decimal units, times in seconds or minutes, signed deltas. */
final class Format {
    private static final String[] SIZE_UNITS = {"B", "kB", "MB", "GB", "TB"};

    private Format() {
    }

    /** A build's display name, or that it has none (a record written outside a CI job). */
    static String build(String displayName) {
        return displayName.isEmpty() ? "(unnamed)" : displayName;
    }

    /** A recorded value's text, {@code ""} when it is not known (null). */
    static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    static String size(long bytes) {
        double value = Math.abs(bytes);
        int unit = 0;
        while (value >= 1000 && unit < SIZE_UNITS.length - 1) {
            value /= 1000;
            unit++;
        }
        String number = unit == 0 ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value);
        return (bytes < 0 ? "-" : "") + number + " " + SIZE_UNITS[unit];
    }

    static String millis(long millis) {
        long absolute = Math.abs(millis);
        String sign = millis < 0 ? "-" : "";
        if (absolute < 60_000) {
            return sign + String.format(Locale.ROOT, "%.1f s", absolute / 1000.0);
        }
        if (absolute < 3_600_000) {
            return sign + absolute / 60_000 + " min " + absolute % 60_000 / 1000 + " s";
        }
        return sign + absolute / 3_600_000 + " h " + absolute % 3_600_000 / 60_000 + " min";
    }

    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.0f %%", fraction * 100);
    }

    /** {@code +250 kB (+25.0 %)}, {@code ±0 B}, or {@code +2.0 MB (new)} when there was nothing before. */
    static String delta(Delta delta, boolean isSize) {
        if (delta.change() == 0) {
            return "±0";
        }
        String change = (delta.change() > 0 ? "+" : "") + (isSize ? size(delta.change()) : millis(delta.change()));
        return delta.relative() == null ? change + " (new)"
                : change + String.format(Locale.ROOT, " (%+.1f %%)", delta.relative() * 100);
    }
}
