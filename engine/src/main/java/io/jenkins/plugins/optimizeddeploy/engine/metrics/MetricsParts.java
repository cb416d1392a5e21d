package io.jenkins.plugins.optimizeddeploy.engine.metrics;

import io.jenkins.plugins.optimizeddeploy.engine.deploy.Action;
import io.jenkins.plugins.optimizeddeploy.engine.deploy.Outcome;
import io.jenkins.plugins.optimizeddeploy.engine.deploy.ReleaseResult;
import io.jenkins.plugins.optimizeddeploy.engine.findings.LintReport;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.BuildResult;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.TargetResult;
import io.jenkins.plugins.optimizeddeploy.engine.inspect.ImageInspection;
import io.jenkins.plugins.optimizeddeploy.engine.inspect.PlatformImage;
import io.jenkins.plugins.optimizeddeploy.engine.retag.RetagResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The part each phase adds to a run's {@link RunMetrics}, from the engine's own result of that phase; the plugin's
 * steps and the CLI's commands call these and {@link RunMetrics#mergedWith} (or {@link MetricsJson#addTo}).
 */
public final class MetricsParts {
    private MetricsParts() {
    }

    /** A build: per target its image, digest and size, and its cache use; the build's wall time. */
    public static RunMetrics build(BuildResult result, long wallMillis) {
        Map<String, ImageMetrics> images = new LinkedHashMap<>();
        Map<String, TargetCache> cache = new LinkedHashMap<>();
        for (TargetResult target : result.targets()) {
            images.put(target.target(),
                    new ImageMetrics(target.image(), target.digest(), target.compressedBytes(), 0, List.of(),
                            target.provenance()));
            cache.put(target.target(), new TargetCache(target.steps().cached(), target.steps().total(),
                    target.cacheSource(), target.cacheImportMillis(), target.cacheExportMillis()));
        }
        return RunMetrics.part().images(images).phaseMillis(Map.of(Phase.BUILD, wallMillis)).cache(cache).build();
    }

    /** A failed build: only its wall time. */
    public static RunMetrics failedPhase(Phase phase, long wallMillis) {
        return RunMetrics.part().failed(true).phaseMillis(Map.of(phase, wallMillis)).build();
    }

    /**
     * What the registry holds for the image of {@code name} (a target or service): its digest, and of its first
     * platform the compressed size and layer count; every platform's name.
     */
    public static RunMetrics inspection(String name, ImageInspection inspection) {
        List<PlatformImage> platforms = inspection.platforms();
        PlatformImage first = platforms.isEmpty() ? null : platforms.get(0);
        ImageMetrics image = new ImageMetrics(inspection.reference(), inspection.digest(),
                first == null ? 0 : first.compressedBytes(), first == null ? 0 : first.layers().size(),
                platforms.stream().map(PlatformImage::platform).toList(), inspection.firstProvenance());
        return RunMetrics.part().images(Map.of(name, image)).build();
    }

    /** A retag: its wall time, failed unless every tag moved. */
    public static RunMetrics retag(RetagResult result) {
        return RunMetrics.part().failed(!result.moved()).phaseMillis(Map.of(Phase.RETAG, result.durationMillis()))
                .build();
    }

    /**
     * A lint of Dockerfiles ({@link Phase#HARDEN}) or a check of images ({@link Phase#VERIFY}): every finding, the
     * wall time, failed when a finding reached the threshold.
     */
    public static RunMetrics findings(Phase phase, LintReport report, long wallMillis) {
        List<RecordedFinding> findings = report.findings().stream()
                .map(finding -> new RecordedFinding(phase, finding.rule(), finding.severity(), finding.message(),
                        finding.file() + ":" + finding.line(), finding.excerpt()))
                .toList();
        return RunMetrics.part().failed(report.failed()).phaseMillis(Map.of(phase, wallMillis)).findings(findings)
                .build();
    }

    /**
     * A release of several services: {@link Phase#DEPLOY} or {@link Phase#ROLLBACK} by its action, one deploy per
     * service with the digest it went to, a rollback for each service put back after another one failed.
     */
    public static RunMetrics release(Action action, ReleaseResult result, long wallMillis) {
        List<Deployment> deploys = result.services().stream()
                .map(service -> new Deployment(service.service(), service.to(),
                        action == Action.ROLLBACK || service.outcome() == Outcome.ROLLED_BACK,
                        service.outcome() == Outcome.HEALTHY,
                        service.timeToHealthyMillis() == null ? 0 : service.timeToHealthyMillis(), service.reason()))
                .toList();
        return deploys(action == Action.ROLLBACK ? Phase.ROLLBACK : Phase.DEPLOY, deploys, wallMillis);
    }

    /** Deploys ({@link Phase#DEPLOY}) or rollbacks ({@link Phase#ROLLBACK}): failed when one did not get healthy. */
    public static RunMetrics deploys(Phase phase, List<Deployment> deploys, long wallMillis) {
        boolean failed = deploys.stream().anyMatch(deploy -> !deploy.healthy());
        return RunMetrics.part().failed(failed).phaseMillis(Map.of(phase, wallMillis)).deploys(deploys).build();
    }
}
