package io.jenkins.plugins.optimizeddeploy.action;

import hudson.Extension;
import hudson.model.Action;
import hudson.model.Job;
import hudson.model.Run;
import io.jenkins.plugins.optimizeddeploy.engine.report.TrendChart;
import java.util.Collection;
import java.util.List;
import jenkins.YesNoMaybe;
import jenkins.model.TransientActionFactory;

/**
 * The job's trend, drawn on the job's page by its floating box from the last {@link BuildHistory#MAX_BUILDS}
 * builds only: the walk starts at the last build and stops there, however long the history.
 */
public final class OptimizedDeployJobAction implements Action {

    private final Job<?, ?> job;

    OptimizedDeployJobAction(Job<?, ?> job) {
        this.job = job;
    }

    /** Both trend charts as inline SVG (the engine escapes every value). */
    public String getTrendHtml() {
        Run<?, ?> last = job.getLastBuild();
        return TrendChart.svg(last == null ? List.of() : BuildHistory.recent(new RunBuild(last),
                BuildHistory.MAX_BUILDS));
    }

    /** No link: the floating box on the job's page is all there is. */
    @Override
    public String getIconFileName() {
        return null;
    }

    @Override
    public String getDisplayName() {
        return "Optimized Deploy trend";
    }

    @Override
    public String getUrlName() {
        return null;
    }

    /** Gives the trend to a job whose last build, or the one before it, has a record of this plugin's steps. */
    @Extension(dynamicLoadable = YesNoMaybe.YES)
    @SuppressWarnings("rawtypes")
    public static final class Factory extends TransientActionFactory<Job> {

        @Override
        public Class<Job> type() {
            return Job.class;
        }

        @Override
        public Class<? extends Action> actionType() {
            return OptimizedDeployJobAction.class;
        }

        @Override
        public Collection<? extends Action> createFor(Job target) {
            Job<?, ?> job = target;
            Run<?, ?> last = job.getLastBuild();
            Run<?, ?> beforeLast = last == null ? null : last.getPreviousBuild();
            return recorded(last) || recorded(beforeLast) ? List.of(new OptimizedDeployJobAction(job)) : List.of();
        }

        private static boolean recorded(Run<?, ?> build) {
            return build != null && build.getAction(OptimizedDeployAction.class) != null;
        }
    }
}
