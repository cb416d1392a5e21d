package io.jenkins.plugins.optimizeddeploy.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import hudson.AbortException;
import io.jenkins.plugins.optimizeddeploy.jenkinsruntime.PipelineBuild;
import org.jenkinsci.plugins.workflow.steps.Step;

/**
 * How a step must fail a build: with an {@link AbortException}, whose message alone Jenkins prints, in one line, and
 * with no stack trace in the build log.
 */
public final class StepAbort {

    private StepAbort() {
    }

    /** The one line {@code step} fails {@code build} with. */
    public static String lineOf(PipelineBuild build, Step step) {
        Throwable thrown = catchThrowable(() -> build.run(step));

        assertThat(thrown).isExactlyInstanceOf(AbortException.class);
        assertThat(thrown.getMessage()).isNotBlank().doesNotContain("\n");
        assertThat(build.log()).doesNotContain("\tat ").doesNotContain("Exception:");
        return thrown.getMessage();
    }
}
