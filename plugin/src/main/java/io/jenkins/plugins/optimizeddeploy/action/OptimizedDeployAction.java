package io.jenkins.plugins.optimizeddeploy.action;

import hudson.model.Run;
import java.util.ArrayList;
import java.util.List;
import jenkins.model.RunAction2;

/**
 * The build's record of what this plugin's steps did: one {@link StepSummary} per image inspected, retagged or
 * built and per Dockerfile check, in the order the steps ran. It is saved with the build (build.xml) and shown
 * on the build's page by its summary view; it has no page of its own yet.
 */
public final class OptimizedDeployAction implements RunAction2 {

    private final List<StepSummary> summaries = new ArrayList<>();
    private transient Run<?, ?> run;

    /**
     * Appends {@code added} to the action of {@code run}, attaching one first if the build has none. Steps in
     * parallel branches append to the same action, one at a time.
     */
    public static void record(Run<?, ?> run, List<StepSummary> added) {
        synchronized (OptimizedDeployAction.class) {
            OptimizedDeployAction action = run.getAction(OptimizedDeployAction.class);
            if (action == null) {
                action = new OptimizedDeployAction();
                run.addOrReplaceAction(action);
            }
            action.append(added);
        }
    }

    void append(List<StepSummary> added) {
        synchronized (summaries) {
            summaries.addAll(added);
        }
    }

    /** Every summary, in the order recorded. */
    public List<StepSummary> getSummaries() {
        synchronized (summaries) {
            return List.copyOf(summaries);
        }
    }

    /** The summaries of one step, e.g. {@code bakeImages}. */
    public List<StepSummary> getSummaries(String step) {
        return getSummaries().stream().filter(summary -> summary.getStep().equals(step)).toList();
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

    /** No link in the build's side panel: the summary view on the build's page is all there is for now. */
    @Override
    public String getIconFileName() {
        return null;
    }

    @Override
    public String getDisplayName() {
        return "Optimized deploy";
    }

    @Override
    public String getUrlName() {
        return null;
    }
}
