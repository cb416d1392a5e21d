package io.jenkins.plugins.optimizeddeploy.action;

import hudson.model.Api;
import hudson.model.Item;
import hudson.model.Job;
import hudson.model.Run;
import hudson.model.User;
import io.jenkins.plugins.optimizeddeploy.engine.image.ImageReference;
import io.jenkins.plugins.optimizeddeploy.engine.metrics.MetricsJson;
import io.jenkins.plugins.optimizeddeploy.engine.metrics.MetricsRecordException;
import io.jenkins.plugins.optimizeddeploy.engine.metrics.RunMetrics;
import io.jenkins.plugins.optimizeddeploy.engine.report.HtmlReport;
import io.jenkins.plugins.optimizeddeploy.engine.report.Report;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import jenkins.model.RunAction2;
import org.kohsuke.stapler.HttpResponse;
import org.kohsuke.stapler.HttpResponses;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;
import org.kohsuke.stapler.interceptor.RequirePOST;

/**
 * The build's record of what this plugin's steps did: one {@link StepSummary} per image inspected, retagged or
 * built and per Dockerfile check, in the order the steps ran, and the build's metrics record, which every step adds
 * its part to. It is saved with the build (build.xml) after every step; the build's page shows a summary card, and
 * {@code optimized-deploy} the full page and {@code optimized-deploy/api/json} the report.
 *
 * <p>The metrics are kept as the engine's versioned JSON document (a string): build.xml then holds nothing but this
 * plugin's classes and the JDK's, which core's class filter lets XStream read back.
 */
@ExportedBean
public final class OptimizedDeployAction implements RunAction2 {

    /** The URL of the action's page under the build's. */
    public static final String URL_NAME = "optimized-deploy";
    /** The query parameter naming the {@link RollbackOutcome} the page shows after "Roll back to this build". */
    static final String ROLLBACK_PARAMETER = "rollback";

    /**
     * Copy-on-write: XStream walks this list, without any lock of ours, whenever the build is saved, while steps in
     * parallel branches may be appending to it.
     */
    private List<StepSummary> summaries = new CopyOnWriteArrayList<>();
    /** The metrics record as JSON, null until a step recorded its part; replaced whole, never changed in place. */
    private volatile String metrics;
    /** The build this one is compared with as the baseline; 0 until the first part is recorded. */
    private volatile int baselineBuild;
    private transient Run<?, ?> run;

    /**
     * Appends {@code added} and the metrics {@code part} to the action of {@code run}, attaching one first if the
     * build has none, and saves the build so that the record survives a restart of the controller. Steps in parallel
     * branches append to the same action.
     *
     * @param part a phase's part of the metrics record as JSON, null when the step has none
     * @throws IOException when build.xml cannot be written
     */
    public static void record(Run<?, ?> run, List<StepSummary> added, String part) throws IOException {
        synchronized (run) {
            OptimizedDeployAction action = run.getAction(OptimizedDeployAction.class);
            if (action == null) {
                action = new OptimizedDeployAction();
                run.addOrReplaceAction(action);
            }
            action.append(added, part, () -> RunMetrics.of(run.getParent().getFullName(), run.getDisplayName(),
                    Instant.ofEpochMilli(run.getStartTimeInMillis())));
            if (action.baselineBuild == 0 && action.metrics != null) {
                action.baselineBuild = BuildHistory.baselineOfNewRecord(new RunBuild(run));
            }
        }
        run.save();
    }

    /**
     * Appends the summaries and merges the part into the metrics record, which {@code newRecord} starts when there
     * is none yet.
     *
     * @throws MetricsRecordException when the part is not a metrics record this version reads
     */
    synchronized void append(List<StepSummary> added, String part, Supplier<RunMetrics> newRecord) {
        summaries.addAll(added);
        if (part != null) {
            RunMetrics phase = MetricsJson.read(part, "a step's metrics part");
            RunMetrics recorded = metrics();
            metrics = MetricsJson.write((recorded == null ? newRecord.get() : recorded).mergedWith(phase));
        }
    }

    /**
     * A record written before the list was copy-on-write holds an {@code ArrayList} (or, from an empty element, no
     * list at all); either becomes the list appends and saves can share.
     */
    private Object readResolve() {
        summaries = summaries == null ? new CopyOnWriteArrayList<>() : new CopyOnWriteArrayList<>(summaries);
        return this;
    }

    /** Every summary, in the order recorded. */
    public List<StepSummary> getSummaries() {
        return List.copyOf(summaries);
    }

    /** The summaries of one step, e.g. {@code bakeImages}. */
    public List<StepSummary> getSummaries(String step) {
        return getSummaries().stream().filter(summary -> summary.getStep().equals(step)).toList();
    }

    /**
     * The metrics record, null when no step recorded a part or the record cannot be read (written by a newer
     * version of the plugin, which was then downgraded).
     */
    RunMetrics metrics() {
        String json = metrics;
        if (json == null) {
            return null;
        }
        try {
            return MetricsJson.read(json, "the metrics record of " + (run == null ? "a build" : run.getDisplayName()));
        } catch (MetricsRecordException e) {
            return null;
        }
    }

    /** The build number of the baseline its record names (the first build recorded), 0 when it has no record. */
    public int getBaselineBuild() {
        return baselineBuild;
    }

    /** The build number of the baseline the page compares with: the one chosen for the job, else the record's. */
    @Exported
    public int getBaseline() {
        return BuildHistory.baselineNumber(new RunBuild(run));
    }

    /** Whether the user may choose this build as the job's baseline. */
    public boolean isBaselineConfigurable() {
        return run.getParent().hasPermission(Item.CONFIGURE);
    }

    /**
     * "Use as baseline": every build of the job is then compared with this one. POST only (with the crumb, which
     * core checks), by a user who may configure the job.
     */
    @RequirePOST
    public HttpResponse doUseAsBaseline() throws IOException {
        Job<?, ?> job = run.getParent();
        job.checkPermission(Item.CONFIGURE);
        job.addOrReplaceAction(new BaselinePin(run.getNumber()));
        job.save();
        return HttpResponses.redirectToDot();
    }

    /**
     * The image by digest each service went live with in this build, by service: what rolling back to it deploys
     * again; empty when its record has no release whose every service became healthy.
     */
    public Map<String, ImageReference> getReleasedImages() {
        RunMetrics current = metrics();
        return current == null ? Map.of() : current.releasedImages();
    }

    /** Whether the page offers "Roll back to this build": the build released its services and the user may build. */
    public boolean isRollbackOffered() {
        return !getReleasedImages().isEmpty() && run.getParent().hasPermission(Item.BUILD);
    }

    /**
     * "Roll back to this build": queues a run of the job that deploys this build's release again, then shows this page
     * with what happened. POST only (with the crumb, which core checks), by a user who may build the job.
     */
    @RequirePOST
    public HttpResponse doRollBack() {
        User user = User.current();
        RollbackOutcome outcome = rollBack(new JobRollbackQueue(run.getParent()), run.getNumber(),
                user == null ? "anonymous" : user.getDisplayName());
        return HttpResponses.redirectTo(".?" + ROLLBACK_PARAMETER + "=" + outcome.parameter());
    }

    /** Queues the rollback to {@code build}, this action's, when the user may build the job and it released anything. */
    RollbackOutcome rollBack(RollbackQueue queue, int build, String requestedBy) {
        queue.checkMayBuild();
        if (getReleasedImages().isEmpty()) {
            return RollbackOutcome.NOTHING_RELEASED;
        }
        return queue.schedule(new RollbackToBuild(build), new RollbackCause(build, requestedBy))
                ? RollbackOutcome.SCHEDULED : RollbackOutcome.REFUSED;
    }

    /** The line the page shows after "Roll back to this build", from the redirect's parameter; null for none. */
    public String rollbackMessage(String parameter) {
        return RollbackOutcome.messageOf(parameter);
    }

    /**
     * The report as plain JSON values: this build's metrics record ({@code current}), its comparisons with the
     * previous successful build ({@code previous}) and with the baseline ({@code baseline}), and the savings against
     * the baseline ({@code savings}); empty when there is no record.
     */
    @Exported
    @SuppressWarnings("unchecked")
    public Map<String, Object> getReport() {
        Report report = report();
        return report == null ? Map.of() : MetricsJson.MAPPER.convertValue(report, Map.class);
    }

    /** The card on the build's main page, as HTML (the engine escapes every value), empty without a record. */
    public String getSummaryHtml() {
        RunMetrics current = metrics();
        return current == null ? "" : HtmlReport.summaryCard(BuildHistory.summary(new RunBuild(run)));
    }

    /** The full page, as HTML (the engine escapes every value), empty without a record. */
    public String getPageHtml() {
        Report report = report();
        return report == null ? "" : HtmlReport.page(report);
    }

    private Report report() {
        return metrics() == null ? null : BuildHistory.report(new RunBuild(run));
    }

    /** {@code optimized-deploy/api/json} and {@code /api/xml}. */
    public Api getApi() {
        return new Api(this);
    }

    public Run<?, ?> getRun() {
        return run;
    }

    @Override
    public void onAttached(Run<?, ?> attachedTo) {
        this.run = attachedTo;
    }

    @Override
    public void onLoad(Run<?, ?> loadedWith) {
        this.run = loadedWith;
    }

    @Override
    public String getIconFileName() {
        return "symbol-cube";
    }

    @Override
    public String getDisplayName() {
        return "Optimized Deploy";
    }

    @Override
    public String getUrlName() {
        return URL_NAME;
    }
}
