package io.jenkins.plugins.optimizeddeploy.action;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What one step did to one subject, as the build keeps it: the step ({@code bakeImages}), the subject (an image,
 * the Dockerfiles linted), the outcome in a few words (a digest, {@code failed on error}) and named figures
 * ({@code compressedBytes}, {@code cachedSteps}, {@code error}...). Plain strings and numbers only, so that build.xml
 * holds nothing but this plugin's own classes and the JDK's.
 */
public final class StepSummary implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String step;
    private final String subject;
    private final String outcome;
    private final LinkedHashMap<String, Long> figures;

    public StepSummary(String step, String subject, String outcome, Map<String, Long> figures) {
        this.step = Objects.requireNonNull(step, "the step of a summary is required");
        this.subject = Objects.requireNonNull(subject, "the subject of a " + step + " summary is required");
        this.outcome = Objects.requireNonNullElse(outcome, "");
        this.figures = new LinkedHashMap<>(Objects.requireNonNull(figures, "the figures of " + step + " " + subject));
    }

    public String getStep() {
        return step;
    }

    public String getSubject() {
        return subject;
    }

    public String getOutcome() {
        return outcome;
    }

    /** The figures in the order the step gave them. */
    public Map<String, Long> getFigures() {
        return Collections.unmodifiableMap(figures);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StepSummary summary && step.equals(summary.step) && subject.equals(summary.subject)
                && outcome.equals(summary.outcome) && figures.equals(summary.figures);
    }

    @Override
    public int hashCode() {
        return Objects.hash(step, subject, outcome, figures);
    }

    @Override
    public String toString() {
        return step + " " + subject + ": " + outcome + " " + figures;
    }
}
