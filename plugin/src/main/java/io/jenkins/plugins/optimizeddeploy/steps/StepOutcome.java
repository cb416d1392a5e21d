package io.jenkins.plugins.optimizeddeploy.steps;

import hudson.AbortException;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.optimizeddeploy.action.OptimizedDeployAction;
import io.jenkins.plugins.optimizeddeploy.action.StepSummary;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * What a step's agent callable brings back to the controller: the value the step returns to the Pipeline script
 * (plain maps, lists, strings and numbers), the lines for the build log, the summaries the build keeps, the step's part
 * of the build's metrics record and, when the step fails after recording what it did, the one line it fails with. It
 * holds only JDK types and this plugin's: core's class filter (JEP-200) refuses the engine's records on the controller,
 * so they are converted on the agent (the metrics part into the record's own JSON document).
 *
 * @param metrics the phase's part as {@link io.jenkins.plugins.optimizeddeploy.engine.metrics.MetricsJson} writes it
 * @param failure null when the step succeeded
 */
public record StepOutcome<T>(T value, List<String> log, List<StepSummary> records, String metrics, String failure)
        implements AgentAnswer<T>, Serializable {

    public StepOutcome {
        log = new ArrayList<>(log);
        records = new ArrayList<>(records);
    }

    /**
     * Writes the lines to the build log and the summaries to the build record, then fails or returns the value.
     *
     * @throws AbortException with the failure line, when there is one
     * @throws IOException    when the build record cannot be saved
     */
    @Override
    public T finish(Run<?, ?> run, TaskListener listener) throws IOException {
        PrintStream logger = listener.getLogger();
        log.forEach(logger::println);
        OptimizedDeployAction.record(run, records, metrics);
        if (failure != null) {
            throw new AbortException(failure);
        }
        return value;
    }

    /**
     * The same outcome with its failure line written to the build log instead, so that finishing it returns the value:
     * what a step with {@code propagate: false} hands the script.
     */
    public StepOutcome<T> withFailureLogged() {
        if (failure == null) {
            return this;
        }
        List<String> logged = new ArrayList<>(log);
        logged.add(failure);
        return new StepOutcome<>(value, logged, records, metrics, null);
    }

    /** The wall time since {@code startNanos} (a {@link System#nanoTime()}), in milliseconds. */
    public static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
