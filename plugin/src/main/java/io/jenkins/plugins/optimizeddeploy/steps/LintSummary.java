package io.jenkins.plugins.optimizeddeploy.steps;

import hudson.AbortException;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.optimizeddeploy.action.OptimizedDeployAction;
import io.jenkins.plugins.optimizeddeploy.action.StepSummary;
import io.jenkins.plugins.optimizeddeploy.engine.findings.LintOutputFormat;
import io.jenkins.plugins.optimizeddeploy.engine.findings.LintReport;
import io.jenkins.plugins.optimizeddeploy.engine.findings.Severity;
import io.jenkins.plugins.optimizeddeploy.engine.metrics.MetricsJson;
import io.jenkins.plugins.optimizeddeploy.engine.metrics.MetricsParts;
import io.jenkins.plugins.optimizeddeploy.engine.metrics.Phase;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code hardenDockerfile} and {@code verifyImage} bring back from the agent: the step, the findings counted by
 * severity (every severity, in order from {@code error} down), whether they reach the failure threshold, the
 * threshold, the files linted or images verified, the SARIF file written (null when none), the report as the
 * build log shows it and the phase's part of the build's metrics record (its JSON document). Plain data only: the
 * engine's report holds the rules, which need not cross the channel.
 */
public record LintSummary(String step, Map<String, Integer> counts, boolean failed, String failureThreshold,
        List<String> files, String sarif, String report, List<String> fixed, String metrics)
        implements AgentAnswer<Map<String, Object>>, Serializable {

    public LintSummary {
        counts = new LinkedHashMap<>(counts);
        files = List.copyOf(files);
        fixed = List.copyOf(fixed);
    }

    /** @param startNanos when the phase started ({@link System#nanoTime()}), for its wall time */
    public static LintSummary of(String step, Phase phase, LintReport report, List<String> files, String sarif,
            long startNanos) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        report.countsBySeverity().forEach((severity, count) -> counts.put(severity.label(), count));
        return new LintSummary(step, counts, report.failed(), report.failureThreshold().label(), files, sarif,
                LintOutputFormat.TTY.render(report), List.of(),
                MetricsJson.write(MetricsParts.findings(phase, report, StepOutcome.millisSince(startNanos))));
    }

    /** The same summary, saying which files were fixed in place before they were linted. */
    public LintSummary withFixed(List<String> fixedFiles) {
        return new LintSummary(step, counts, failed, failureThreshold, files, sarif, report, fixedFiles, metrics);
    }

    int total() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    /**
     * Writes the report and its line to the build log and the findings to the build record, then fails the step with
     * that line when the findings reach the threshold, or returns {@link #toMap()}.
     */
    @Override
    public Map<String, Object> finish(Run<?, ?> run, TaskListener listener) throws IOException {
        PrintStream log = listener.getLogger();
        log.print(report);
        log.println(line());
        OptimizedDeployAction.record(run, List.of(record()), metrics);
        if (failed) {
            throw new AbortException(line());
        }
        return toMap();
    }

    /**
     * {@code error}, {@code warning}, {@code info}, {@code style}, {@code total} and {@code failed}; {@code fixed}, the
     * files fixed in place, when there are any.
     */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>(counts);
        for (Severity severity : Severity.values()) {
            map.putIfAbsent(severity.label(), 0);
        }
        map.put("total", total());
        map.put("failed", failed);
        if (!fixed.isEmpty()) {
            map.put("fixed", fixed);
        }
        return map;
    }

    /** What the build keeps: the files, passed or failed on the threshold, and the findings by severity and in all. */
    public StepSummary record() {
        Map<String, Long> figures = new LinkedHashMap<>();
        counts.forEach((severity, count) -> figures.put(severity, (long) count));
        figures.put("total", (long) total());
        return new StepSummary(step, String.join(", ", files),
                (failed ? "failed on " : "passed ") + failureThreshold, figures);
    }

    /**
     * The line closing the report in the build log, and the one ending the step when the findings reach the
     * threshold: how many findings of each severity, in which files, what fails the step and where the SARIF is.
     */
    public String line() {
        StringBuilder line = new StringBuilder(step).append(": ").append(total())
                .append(" finding(s) in ").append(String.join(", ", files)).append(" (");
        counts.forEach((severity, count) -> line.append(count).append(' ').append(severity).append(", "));
        line.setLength(line.length() - 2);
        line.append("), ").append(failed ? "failing on " : "not failing on ").append(failureThreshold);
        if (!fixed.isEmpty()) {
            line.append("; fixed in place first: ").append(String.join(", ", fixed));
        }
        if (sarif != null) {
            line.append("; SARIF in ").append(sarif);
        }
        return line.toString();
    }
}
