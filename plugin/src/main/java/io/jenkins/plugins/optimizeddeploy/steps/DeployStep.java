package io.jenkins.plugins.optimizeddeploy.steps;

import hudson.model.Run;
import io.jenkins.plugins.optimizeddeploy.engine.deploy.Action;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * What {@code deployImages} and {@code rollbackDeploy} share: the target platform, its docker engine, the health
 * gate, how long a service may take, and the history the release is recorded in. A deploy and a rollback are one
 * kind of release, run on the agent by {@link ReleaseOnAgent}.
 */
public abstract class DeployStep extends RegistryStep implements StepInBuild {

    static final int DEFAULT_TIMEOUT_SECONDS = 120;

    private final String target;
    private LinkedHashMap<String, String> health = new LinkedHashMap<>();
    private int timeout = DEFAULT_TIMEOUT_SECONDS;
    private String dockerHost;
    private String history;

    protected DeployStep(String target) {
        this.target = OptionalText.of(target);
    }

    /** {@code swarm} (docker service update) or {@code docker} (replace the container on one engine). */
    public String getTarget() {
        return target;
    }

    /**
     * Per service, besides the platform's own health, an HTTP check as {@link HealthCheckArgument} writes it: a URL
     * that must answer 200 three times in a row, asked every second, unless its options say otherwise.
     */
    public Map<String, String> getHealth() {
        return new LinkedHashMap<>(health);
    }

    /**
     * A map in a Pipeline, of URLs ({@code [web: 'http://...']}) or of checks ({@code [web: [url: 'http://...',
     * status: 200, body: 'ok', successes: 3, interval: 1]]}); {@code NAME=URL [OPTION=VALUE...]} lines in the form.
     */
    @DataBoundSetter
    public void setHealth(Object health) {
        this.health = NamedValues.parse("health", HealthCheckArgument.texts(health));
    }

    /** The health URLs as the form shows them. */
    public String getHealthText() {
        return NamedValues.text(health);
    }

    /** Seconds each service may take to be healthy, and again to be put back; 120 by default. */
    public int getTimeout() {
        return timeout;
    }

    @DataBoundSetter
    public void setTimeout(int timeout) {
        this.timeout = timeout <= 0 ? DEFAULT_TIMEOUT_SECONDS : timeout;
    }

    /** The docker engine ({@code unix://}, {@code tcp://}, {@code ssh://}); unset: the build's {@code DOCKER_HOST}. */
    public String getDockerHost() {
        return dockerHost;
    }

    @DataBoundSetter
    public void setDockerHost(String dockerHost) {
        this.dockerHost = OptionalText.of(dockerHost);
    }

    /**
     * The deploy history on the agent (JSON lines, target locks beside it); unset: the agent user's state folder,
     * {@code $XDG_STATE_HOME/optimized-deploy/deploys.jsonl}, else {@code ~/.local/state/optimized-deploy/deploys.jsonl},
     * the file the command line uses too.
     */
    public String getHistory() {
        return history;
    }

    @DataBoundSetter
    public void setHistory(String history) {
        this.history = OptionalText.of(history);
    }

    abstract String functionName();

    abstract Action action();

    /** Per service, where it goes: an image for a deploy; {@code previous}, a digest or an image for a rollback. */
    abstract Map<String, String> destinations();

    /**
     * The destinations as the release takes them, read on the controller, where other builds of the job are.
     *
     * @throws IllegalArgumentException in one line, when what they name cannot be found
     */
    Map<String, String> destinations(Run<?, ?> run) {
        return destinations();
    }

    /**
     * The arguments every release needs.
     *
     * @throws IllegalArgumentException naming the argument that is missing or wrong
     */
    void requireValid() {
        if (target == null || !List.of("swarm", "docker").contains(target)) {
            throw new IllegalArgumentException("'target' must be swarm or docker, was " + (target == null ? "missing"
                    : "'" + target + "'"));
        }
        if (destinations().isEmpty()) {
            throw new IllegalArgumentException("'services' names no service");
        }
        health.forEach((service, check) -> {
            if (!destinations().containsKey(service)) {
                throw new IllegalArgumentException("'health' names " + service + ", which is not one of the services "
                        + destinations().keySet());
            }
            HealthCheckArgument.check(service, check);
        });
    }

    @Override
    public StepExecution start(StepContext context) {
        return new DeployExecution(this, context);
    }

    @Override
    public Map<String, Object> perform(BuildContext build) throws IOException, InterruptedException {
        return DeployExecution.perform(this, build);
    }
}
