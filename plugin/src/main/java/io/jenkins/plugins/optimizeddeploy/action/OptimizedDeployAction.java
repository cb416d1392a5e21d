package io.jenkins.plugins.optimizeddeploy.action;

import hudson.model.Run;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import jenkins.model.RunAction2;

/**
 * The build's record of what this plugin's steps did: one {@link StepSummary} per image inspected, retagged or
 * built and per Dockerfile check, in the order the steps ran. It is saved with the build (build.xml) after every
 * step and shown on the build's page by its summary view; it has no page of its own yet.
 */
public final class OptimizedDeployAction implements RunAction2 {

    /**
     * Copy-on-write: XStream walks this list, without any lock of ours, whenever the build is saved, while steps in
     * parallel branches may be appending to it.
     */
    private List<StepSummary> summaries = new CopyOnWriteArrayList<>();
    private transient Run<?, ?> run;

    /**
     * Appends {@code added} to the action of {@code run}, attaching one first if the build has none, and saves the
     * build so that the record survives a restart of the controller. Steps in parallel branches append to the same
     * action.
     *
     * @throws IOException when build.xml cannot be written
     */
    public static void record(Run<?, ?> run, List<StepSummary> added) throws IOException {
        synchronized (run) {
            OptimizedDeployAction action = run.getAction(OptimizedDeployAction.class);
            if (action == null) {
                action = new OptimizedDeployAction();
                run.addOrReplaceAction(action);
            }
            action.append(added);
        }
        run.save();
    }

    void append(List<StepSummary> added) {
        summaries.addAll(added);
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
