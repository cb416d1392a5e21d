package io.jenkins.plugins.optimizeddeploy.action;

import hudson.model.Result;
import hudson.model.Run;
import io.jenkins.plugins.optimizeddeploy.engine.metrics.RunMetrics;

/** A Jenkins build as the history walk sees it; each step back loads one build (lazily, as core does). */
final class RunBuild implements RecordedBuild {

    private final Run<?, ?> run;

    RunBuild(Run<?, ?> run) {
        this.run = run;
    }

    @Override
    public int number() {
        return run.getNumber();
    }

    @Override
    public boolean successful() {
        Result result = run.getResult();
        return result != null && result.isBetterOrEqualTo(Result.UNSTABLE);
    }

    @Override
    public RunMetrics metrics() {
        OptimizedDeployAction action = run.getAction(OptimizedDeployAction.class);
        return action == null ? null : action.metrics();
    }

    @Override
    public int baseline() {
        OptimizedDeployAction action = run.getAction(OptimizedDeployAction.class);
        return action == null ? 0 : action.getBaselineBuild();
    }

    @Override
    public int pinnedBaseline() {
        BaselinePin pin = run.getParent().getAction(BaselinePin.class);
        return pin == null ? 0 : pin.getBuild();
    }

    @Override
    public RecordedBuild previous() {
        Run<?, ?> previous = run.getPreviousBuild();
        return previous == null ? null : new RunBuild(previous);
    }

    @Override
    public RecordedBuild build(int number) {
        Run<?, ?> other = run.getParent().getBuildByNumber(number);
        return other == null ? null : new RunBuild(other);
    }
}
