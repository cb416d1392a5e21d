package io.jenkins.plugins.optimizeddeploy.steps;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath.FileCallable;
import io.jenkins.plugins.optimizeddeploy.engine.errors.BadInputException;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.jenkinsci.plugins.workflow.steps.Step;

/**
 * How every step that works on the agent runs, for a Pipeline ({@link PipelineExecution}) and for a freestyle build
 * step alike. On the controller it reads the step's arguments, the global defaults, the credentials named by
 * {@code credentialsId} and the build's environment, and builds the agent callable (bad input ends the step with one
 * line naming it); the callable does the work on the agent that holds the workspace; back on the controller its answer
 * goes to the build log and record, and the step fails with one line or returns what the script gets. A step's
 * execution says only what varies: its callable, and how its answer ends when that is not the usual way.
 *
 * @param <S> the step
 * @param <A> what the agent sends back: JDK types or this plugin's classes only (JEP-200)
 * @param <R> what the Pipeline script gets back
 */
public abstract class AgentStepWork<S extends Step, A extends AgentAnswer<R>, R> {

    protected final S step;
    private final String functionName;

    /** @param functionName the step's name in a Pipeline script, which starts every line the user sees of it */
    protected AgentStepWork(S step, String functionName) {
        this.step = step;
        this.functionName = functionName;
    }

    /**
     * Runs the step in the build: what the step's {@code perform} and its Pipeline execution call.
     *
     * @throws AbortException with one line naming the step, for bad input or a failed step
     */
    public final R perform(BuildContext build) throws IOException, InterruptedException {
        FileCallable<A> onAgent;
        try {
            onAgent = onAgent(build);
        } catch (BadInputException e) {
            throw new AbortException(UserError.line(functionName, e));
        }
        return finish(build.workspace().act(onAgent), build);
    }

    /**
     * The work for the agent, made on the controller from the step's arguments and the build.
     *
     * @throws BadInputException for an argument the step cannot use
     * @throws AbortException    for credentials that cannot be found
     */
    protected abstract FileCallable<A> onAgent(BuildContext build) throws IOException, InterruptedException;

    /** Ends the step with the agent's answer: its log lines and summaries on the build, then a failure or a value. */
    protected R finish(A answer, BuildContext build) throws IOException {
        return answer.finish(build.run(), build.listener());
    }

    /** The registry login named by the step's {@code credentialsId} or the global default; null for none. */
    protected final RegistryLogin login(RegistryStep registryStep, BuildContext build) throws AbortException {
        return RegistryLogin.find(functionName, registryStep.credentialsId(build.defaults()), build.run());
    }

    /** The build's environment, as a map the agent can get; empty when the build has none. */
    protected static Map<String, String> environment(BuildContext build) {
        EnvVars environment = build.environment();
        return environment == null ? Map.of() : new HashMap<>(environment);
    }

    /** The build's {@code DOCKER_CONFIG}, where the agent's docker logins are; null for the default place. */
    protected static String dockerConfig(BuildContext build) {
        EnvVars environment = build.environment();
        return environment == null ? null : environment.get("DOCKER_CONFIG");
    }
}
