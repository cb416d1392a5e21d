package io.jenkins.plugins.optimizeddeploy.engine.report;

import io.jenkins.plugins.optimizeddeploy.engine.metrics.Phase;
import io.jenkins.plugins.optimizeddeploy.engine.metrics.RunMetrics;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.LongFunction;

/**
 * The job's trend as inline SVG drawn on the server: compressed size per image and wall time per phase over the last
 * {@link #MAX_BUILDS} builds. Colours come from classes ({@code od-series--0} to {@code od-series--7}) that the
 * stylesheet maps to the theme's variables; each point has a title naming the build and the value.
 */
public final class TrendChart {
    /** The most builds drawn: older ones are left out, so drawing costs the same however long the history is. */
    public static final int MAX_BUILDS = 50;

    private static final int WIDTH = 720;
    private static final int HEIGHT = 220;
    private static final int LEFT = 80;
    private static final int RIGHT = 16;
    private static final int TOP = 12;
    private static final int BOTTOM = 36;
    private static final int SERIES_CLASSES = 8;

    private TrendChart() {
    }

    /** Both charts, or a note when there are fewer than two builds to draw. */
    public static String svg(List<RunMetrics> history) {
        List<RunMetrics> builds = history.subList(Math.max(0, history.size() - MAX_BUILDS), history.size());
        if (builds.size() < 2) {
            return "<p class=\"od-trend__empty\">The trend needs two builds or more.</p>";
        }
        Map<String, long[]> sizes = new LinkedHashMap<>();
        Set<String> imageNames = new LinkedHashSet<>();
        builds.forEach(run -> imageNames.addAll(run.images().keySet()));
        for (String name : imageNames) {
            sizes.put(name, builds.stream().mapToLong(run -> run.images().containsKey(name)
                    ? run.images().get(name).compressedBytes() : -1).toArray());
        }
        Map<String, long[]> times = new LinkedHashMap<>();
        for (Phase phase : Phase.values()) {
            if (builds.stream().anyMatch(run -> run.phaseMillis().containsKey(phase))) {
                times.put(phase.label(), builds.stream()
                        .mapToLong(run -> run.phaseMillis().getOrDefault(phase, -1L)).toArray());
            }
        }
        List<String> labels = builds.stream().map(run -> run.build().isEmpty() ? "?" : run.build()).toList();
        return "<div class=\"od-trend\">"
                + chart("Image sizes (compressed)", labels, sizes, Format::size)
                + chart("Phase wall times", labels, times, Format::millis)
                + "</div>";
    }

    private static String chart(String title, List<String> builds, Map<String, long[]> series,
            LongFunction<String> format) {
        long max = Math.max(1, series.values().stream().flatMapToLong(Arrays::stream).max().orElse(1));
        double plotWidth = WIDTH - LEFT - RIGHT;
        double plotHeight = HEIGHT - TOP - BOTTOM;
        double step = plotWidth / (builds.size() - 1);
        StringBuilder svg = new StringBuilder(4096 + builds.size() * series.size() * 160);
        svg.append("<figure class=\"od-trend__chart\"><figcaption class=\"od-trend__title\">").append(Html.escape(title))
                .append("</figcaption><svg class=\"od-trend__svg\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
                .append(WIDTH).append(' ').append(HEIGHT).append("\" role=\"img\" aria-label=\"")
                .append(Html.escape(title)).append("\">");
        double bottom = TOP + plotHeight;
        svg.append("<line class=\"od-axis\" x1=\"").append(LEFT).append("\" y1=\"").append(fixed(bottom))
                .append("\" x2=\"").append(WIDTH - RIGHT).append("\" y2=\"").append(fixed(bottom)).append("\"/>");
        svg.append("<line class=\"od-axis\" x1=\"").append(LEFT).append("\" y1=\"").append(TOP).append("\" x2=\"")
                .append(LEFT).append("\" y2=\"").append(fixed(bottom)).append("\"/>");
        svg.append("<line class=\"od-grid\" x1=\"").append(LEFT).append("\" y1=\"").append(TOP).append("\" x2=\"")
                .append(WIDTH - RIGHT).append("\" y2=\"").append(TOP).append("\"/>");
        text(svg, "od-axis-label od-axis-label--y", LEFT - 6, TOP + 4, format.apply(max));
        text(svg, "od-axis-label od-axis-label--y", LEFT - 6, bottom, "0");
        text(svg, "od-axis-label od-axis-label--start", LEFT, HEIGHT - 12, shorten(builds.get(0)));
        text(svg, "od-axis-label od-axis-label--end", WIDTH - RIGHT, HEIGHT - 12,
                shorten(builds.get(builds.size() - 1)));
        int index = 0;
        List<String> legend = new ArrayList<>();
        for (Map.Entry<String, long[]> line : series.entrySet()) {
            String seriesClass = "od-series od-series--" + index % SERIES_CLASSES;
            svg.append("<g class=\"").append(seriesClass).append("\"><polyline class=\"od-series__line\" points=\"");
            long[] values = line.getValue();
            for (int build = 0; build < values.length; build++) {
                if (values[build] >= 0) {
                    svg.append(fixed(LEFT + build * step)).append(',')
                            .append(fixed(bottom - values[build] * plotHeight / max)).append(' ');
                }
            }
            svg.append("\"/>");
            for (int build = 0; build < values.length; build++) {
                if (values[build] >= 0) {
                    svg.append("<circle class=\"od-series__point\" r=\"3\" cx=\"").append(fixed(LEFT + build * step))
                            .append("\" cy=\"").append(fixed(bottom - values[build] * plotHeight / max))
                            .append("\"><title>").append(Html.escape(builds.get(build) + " " + line.getKey() + ": "
                                    + format.apply(values[build])))
                            .append("</title></circle>");
                }
            }
            svg.append("</g>");
            legend.add("<li class=\"od-legend__item\"><span class=\"od-legend__swatch " + seriesClass + "\"></span>"
                    + Html.escape(line.getKey()) + "</li>");
            index++;
        }
        svg.append("</svg><ul class=\"od-legend\">").append(String.join("", legend)).append("</ul></figure>");
        return svg.toString();
    }

    private static void text(StringBuilder svg, String classes, double x, double y, String text) {
        svg.append("<text class=\"").append(classes).append("\" x=\"").append(fixed(x)).append("\" y=\"")
                .append(fixed(y)).append("\">").append(Html.escape(text)).append("</text>");
    }

    private static String shorten(String label) {
        return label.length() <= 24 ? label : label.substring(0, 23) + "…";
    }

    private static String fixed(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
