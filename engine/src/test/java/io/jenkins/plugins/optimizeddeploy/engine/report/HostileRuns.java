package io.jenkins.plugins.optimizeddeploy.engine.report;

import io.jenkins.plugins.optimizeddeploy.engine.findings.Severity;
import io.jenkins.plugins.optimizeddeploy.engine.image.Digest;
import io.jenkins.plugins.optimizeddeploy.engine.image.ImageReference;
import io.jenkins.plugins.optimizeddeploy.engine.inspect.Provenance;
import io.jenkins.plugins.optimizeddeploy.engine.metrics.Deployment;
import io.jenkins.plugins.optimizeddeploy.engine.metrics.ImageMetrics;
import io.jenkins.plugins.optimizeddeploy.engine.metrics.Phase;
import io.jenkins.plugins.optimizeddeploy.engine.metrics.RecordedFinding;
import io.jenkins.plugins.optimizeddeploy.engine.metrics.RunMetrics;
import io.jenkins.plugins.optimizeddeploy.engine.metrics.TargetCache;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs whose every user-supplied text (job, build display name, image and target names, references, digests,
 * platforms, cache sources, finding rules, messages, locations and Dockerfile lines, services, deploy messages) is
 * an XSS payload, but for one image whose valid reference and digest make a link to its registry. Each payload that ran would set {@code data-pwned} on the document element; each element it
 * injected carries {@code data-xss}.
 */
final class HostileRuns {
    private static final String PWN = "document.documentElement.setAttribute('data-pwned','%s')";

    static final List<String> PAYLOADS = List.of(
            "<script>" + PWN.formatted("script") + "</script>",
            "<img src=x onerror=\"" + PWN.formatted("img") + "\" data-xss>",
            "\"><svg onload=\"" + PWN.formatted("svg") + "\" data-xss><circle r=9 /></svg>",
            "'><iframe data-xss srcdoc=\"<script>parent." + PWN.formatted("iframe") + "</script>\"></iframe>",
            "</title></text></svg></td></table><b data-xss>out of the table</b>",
            "<style>*{display:none}</style><i data-xss>styled</i>",
            "<a data-xss href=\"javascript:" + PWN.formatted("link") + "\">click</a>",
            "<math><mtext></p><img data-xss src=x onerror=\"" + PWN.formatted("math") + "\"></mtext></math>",
            "<!--<p data-xss>comment</p>-->",
            "&lt;b data-xss&gt;entity&lt;/b&gt;<b data-xss>",
            "<details open ontoggle=\"" + PWN.formatted("details") + "\" data-xss>",
            "<input autofocus onfocus=\"" + PWN.formatted("focus") + "\" data-xss>",
            "<base href=\"//evil.example/\" data-xss><meta http-equiv=refresh content=\"0;url=//evil.example\" data-xss>",
            "{{constructor.constructor('" + PWN.formatted("template") + "')()}}<u data-xss>");

    static final String LINKED = " linked";
    static final String LINKED_REFERENCE = "127.0.0.1:5000/hostile/web:1";
    static final String LINKED_DIGEST = "sha256:" + "0f".repeat(32);

    private HostileRuns() {
    }

    private static String payload(int index) {
        return PAYLOADS.get(Math.floorMod(index, PAYLOADS.size()));
    }

    static RunMetrics run(String build, String started, int seed) {
        Map<String, ImageMetrics> images = new LinkedHashMap<>();
        Map<String, TargetCache> cache = new LinkedHashMap<>();
        List<RecordedFinding> findings = new ArrayList<>();
        List<Deployment> deploys = new ArrayList<>();
        for (int i = 0; i < PAYLOADS.size(); i++) {
            // a digest is a parsed value, no payload gets into it; with no reference known it links nowhere
            images.put(payload(i), new ImageMetrics(null,
                    Digest.sha256Of(payload(i + 2).getBytes(StandardCharsets.UTF_8)), 1_000_000L * (i + 1) + seed,
                    i + 1, List.of(payload(i + 3))));
            cache.put(payload(i + 4), new TargetCache(i, i + 1, payload(i + 5), 10, 20));
            findings.add(new RecordedFinding(i % 2 == 0 ? Phase.HARDEN : Phase.VERIFY, payload(i + 6),
                    Severity.values()[i % Severity.values().length], payload(i + 7), payload(i + 8), payload(i + 9)));
            // an image is a parsed value as well: by tag it shows as text, linking nowhere
            deploys.add(new Deployment(payload(i + 10), ImageReference.parse("hostile/web:" + i), i % 3 == 0, i % 2 == 0,
                    1_000, payload(i + 12)));
        }
        // under a hostile name, an image whose reference and digest are valid: its digest is a link
        images.put(payload(seed) + LINKED, new ImageMetrics(ImageReference.parse(LINKED_REFERENCE),
                Digest.parse(LINKED_DIGEST), 7_000_000, 3, List.of(),
                new Provenance("", payload(seed + 1), payload(seed + 2), payload(seed + 3),
                        new Provenance.Source(payload(seed + 4), payload(seed + 5)),
                        Map.of(payload(seed + 6), payload(seed + 7)), List.of(payload(seed)))));
        if (seed == 2) {
            images.put("<b data-xss>removed since</b>" + payload(seed), new ImageMetrics(null, null, 5, 1, List.of()));
        }
        return RunMetrics.builder(payload(seed), build, started).failed(seed % 2 == 0).images(images)
                .phaseMillis(Map.of(Phase.BUILD, 60_000L + seed, Phase.DEPLOY, 5_000L)).cache(cache)
                .findings(findings).deploys(deploys).build();
    }

    /** A hostile run against a hostile previous build and baseline, with a trend of three. */
    static Report report() {
        RunMetrics baseline = run(payload(0), "2026-12-01T00:00:00Z", 1);
        RunMetrics previous = run(payload(3), "2026-12-02T00:00:00Z", 2);
        RunMetrics current = run(payload(7), "2026-12-03T00:00:00Z", 3);
        return Report.of(current, Optional.of(previous), Optional.of(baseline), List.of(baseline, previous, current));
    }
}
