package io.jenkins.plugins.optimizeddeploy.engine.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import io.jenkins.plugins.optimizeddeploy.engine.findings.Severity;
import io.jenkins.plugins.optimizeddeploy.engine.image.Digest;
import io.jenkins.plugins.optimizeddeploy.engine.image.ImageReference;
import io.jenkins.plugins.optimizeddeploy.engine.metrics.Deployment;
import io.jenkins.plugins.optimizeddeploy.engine.metrics.ImageMetrics;
import io.jenkins.plugins.optimizeddeploy.engine.metrics.MetricsJson;
import io.jenkins.plugins.optimizeddeploy.engine.metrics.Phase;
import io.jenkins.plugins.optimizeddeploy.engine.metrics.RecordedFinding;
import io.jenkins.plugins.optimizeddeploy.engine.metrics.RunMetrics;
import io.jenkins.plugins.optimizeddeploy.engine.metrics.TargetCache;
import io.jenkins.plugins.optimizeddeploy.testsupport.BenchmarkSection;
import io.jenkins.plugins.optimizeddeploy.testsupport.SampleApp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Server time of the build page and the job trend with 1,000 recorded builds, as the plugin would do it: read the
 * last {@link TrendChart#MAX_BUILDS} records (JSON, as persisted), compare, render. Written to its section of
 * docs/BENCHMARKS.md by bench/report; measured, never asserted against a target.
 */
class ReportBenchmark {
    private static final int BUILDS = 1_000;
    private static final int WARM_UP = 300;
    private static final int MEASURED = 300;
    private static final List<String> IMAGES = List.of("web", "worker", "api", "cron");

    static List<String> recordedBuilds() {
        Random random = new Random(42);
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        List<String> records = new ArrayList<>();
        for (int build = 1; build <= BUILDS; build++) {
            Map<String, ImageMetrics> images = new LinkedHashMap<>();
            Map<String, TargetCache> cache = new LinkedHashMap<>();
            for (String image : IMAGES) {
                images.put(image, new ImageMetrics(ImageReference.parse("registry.example.com/shop/" + image + ":" + build),
                        Digest.parse("sha256:%064x".formatted(random.nextLong() & Long.MAX_VALUE)),
                        30_000_000 + random.nextInt(60_000_000), 6 + random.nextInt(8), List.of("linux/amd64")));
                cache.put(image, new TargetCache(random.nextInt(11), 10, "registry registry.example.com/shop/cache:"
                        + image, random.nextInt(3_000), random.nextInt(3_000)));
            }
            Map<Phase, Long> phases = new LinkedHashMap<>();
            for (Phase phase : List.of(Phase.HARDEN, Phase.BUILD, Phase.VERIFY, Phase.RETAG, Phase.DEPLOY)) {
                phases.put(phase, 500L + random.nextInt(phase == Phase.BUILD ? 600_000 : 60_000));
            }
            List<RecordedFinding> findings = List.of(new RecordedFinding(Phase.HARDEN, "DL3008", Severity.WARNING,
                    "Pin versions in apt-get install", "web/Dockerfile:" + build % 40, "RUN apt-get install -y curl"));
            List<Deployment> deploys = List.of(new Deployment("web", images.get("web").reference()
                    .withDigest(images.get("web").digest().toString()), false, true,
                    15_000 + random.nextInt(20_000), ""));
            records.add(MetricsJson.write(RunMetrics.builder("shop", "#" + build,
                    start.plus(Duration.ofHours(4L * build)).toString()).images(images).phaseMillis(phases)
                    .cache(cache).findings(findings).deploys(deploys).build()));
        }
        return records;
    }

    /** What the build page costs: read the records it needs, compare, render the card and the page. */
    static String page(List<String> records) {
        List<RunMetrics> history = records.subList(Math.max(0, records.size() - TrendChart.MAX_BUILDS), records.size())
                .stream().map(json -> MetricsJson.read(json, "record")).toList();
        RunMetrics current = history.get(history.size() - 1);
        Report report = Report.of(current, Optional.of(history.get(history.size() - 2)),
                Optional.of(MetricsJson.read(records.get(0), "baseline")), history);
        return HtmlReport.summaryCard(report) + HtmlReport.page(report);
    }

    /** What the job's trend costs: read the last records and draw them. */
    static String trend(List<String> records) {
        return TrendChart.svg(records.subList(Math.max(0, records.size() - TrendChart.MAX_BUILDS), records.size())
                .stream().map(json -> MetricsJson.read(json, "record")).toList());
    }

    private static double[] measure(Supplier<String> work) {
        for (int i = 0; i < WARM_UP; i++) {
            work.get();
        }
        double[] millis = new double[MEASURED];
        for (int i = 0; i < MEASURED; i++) {
            long start = System.nanoTime();
            work.get();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        return millis;
    }

    private static String row(String what, double[] sorted, int bytes) {
        return String.format(Locale.ROOT, "| %s | %.2f ms | %.2f ms | %.2f ms | %,d |", what, sorted[sorted.length / 2],
                sorted[(int) (sorted.length * 0.95)], sorted[sorted.length - 1], bytes);
    }

    @Test
    void measurePageAndTrendOfAThousandBuilds() throws IOException {
        List<String> records = recordedBuilds();
        List<String> hundred = records.subList(0, 100);
        String page = page(records);
        String trend = trend(records);
        List<Supplier<String>> work = List.of(() -> page(records), () -> page(hundred), () -> trend(records));
        work.forEach(ReportBenchmark::measure); // a first round only to load and compile everything
        double[] pageMillis = measure(work.get(0));
        double[] pageHundred = measure(work.get(1));
        double[] trendMillis = measure(work.get(2));
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        long heapAfter = runtime.totalMemory() - runtime.freeMemory();

        String body = "## Report: build page and job trend from 1,000 recorded builds\n\n"
                + "Generated by `bench/report` (engine `ReportBenchmark`) on " + Instant.now() + " with "
                + runtime.availableProcessors() + " CPUs, load average " + Files.readString(Path.of("/proc/loadavg"))
                .split(" ")[0] + " at the end. 1,000 builds of 4 images and 5 phases, each record a JSON string as"
                + " persisted (" + String.format(Locale.ROOT, "%,d", records.get(0).length()) + " bytes). Per request,"
                + " as the plugin would: parse the last " + TrendChart.MAX_BUILDS + " records and the baseline,"
                + " compare with the previous build and the baseline, compute the savings, render (page: summary"
                + " card and full page with the trend; trend: the SVG alone). " + WARM_UP + " warm-up runs, then "
                + MEASURED + " measured, after one such round of each to load and compile the code.\n\n"
                + "| what | median | p95 | max | HTML bytes |\n|---|---:|---:|---:|---:|\n"
                + row("build page, 1,000 builds recorded", pageMillis, page.length()) + "\n"
                + row("build page, 100 builds recorded", pageHundred, page(hundred).length()) + "\n"
                + row("job trend, 1,000 builds recorded", trendMillis, trend.length()) + "\n\n"
                + "Target: under 50 ms of server time. Only the last " + TrendChart.MAX_BUILDS + " records are read"
                + " and drawn, so time and output do not grow with the history (100 and 1,000 builds render as much but"
                + " for the longer build numbers); the medians differ by load and JIT, not by work; heap in use after the runs and a GC: " + heapAfter / 1_000_000 + " MB.\n";
        new BenchmarkSection("bench/report").writeInto(
                SampleApp.directory().getParent().getParent().resolve("docs/BENCHMARKS.md"), "Benchmarks", body);
        assertThat(page(hundred).length()).isCloseTo(page.length(), withinPercentage(2));
    }
}
