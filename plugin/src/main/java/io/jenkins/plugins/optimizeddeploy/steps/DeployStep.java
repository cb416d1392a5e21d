package io.jenkins.plugins.optimizeddeploy.steps;

import io.jenkins.plugins.optimizeddeploy.engine.deploy.Action;
import io.jenkins.plugins.optimizeddeploy.engine.deploy.KubernetesTarget;
import java.io.IOException;
import java.util.Arrays;
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
    private String kubeconfig;
    private String context;
    private String namespace;
    private String kind = KubernetesPlan.DEFAULT_KIND;
    private String container;

    protected DeployStep(String target) {
        this.target = OptionalText.of(target);
    }

    /**
     * {@code swarm} (docker service update), {@code docker} (replace the container on one engine) or
     * {@code kubernetes} (a Deployment's or StatefulSet's image).
     */
    public String getTarget() {
        return target;
    }

    /** Per service, a URL that must answer 200 three times in a row, besides the platform's own health. */
    public Map<String, String> getHealth() {
        return new LinkedHashMap<>(health);
    }

    /** A map {@code [web: 'http://...']} in a Pipeline, {@code NAME=URL} lines in the form. */
    @DataBoundSetter
    public void setHealth(Object health) {
        this.health = NamedValues.parse("health", health);
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

    /** kubernetes: the kubeconfig file on the agent (relative: to the workspace); unset: fabric8's defaults. */
    public String getKubeconfig() {
        return kubeconfig;
    }

    @DataBoundSetter
    public void setKubeconfig(String kubeconfig) {
        this.kubeconfig = OptionalText.of(kubeconfig);
    }

    /** kubernetes: the kubeconfig context; unset: its current one. */
    public String getContext() {
        return context;
    }

    @DataBoundSetter
    public void setContext(String context) {
        this.context = OptionalText.of(context);
    }

    /** kubernetes: the workloads' namespace; unset: the context's, else {@code default}. */
    public String getNamespace() {
        return namespace;
    }

    @DataBoundSetter
    public void setNamespace(String namespace) {
        this.namespace = OptionalText.of(namespace);
    }

    /** kubernetes: {@code deployment} (default) or {@code statefulset}. */
    public String getKind() {
        return kind;
    }

    @DataBoundSetter
    public void setKind(String kind) {
        this.kind = OptionalText.of(kind) == null ? KubernetesPlan.DEFAULT_KIND : kind.trim();
    }

    /** kubernetes: the container whose image is set; unset: the pod's only one. */
    public String getContainer() {
        return container;
    }

    @DataBoundSetter
    public void setContainer(String container) {
        this.container = OptionalText.of(container);
    }

    KubernetesPlan kubernetesPlan() {
        return new KubernetesPlan(kubeconfig, context, namespace, kind, container);
    }

    abstract String functionName();

    abstract Action action();

    /** Per service, where it goes: an image for a deploy; {@code previous}, a digest or an image for a rollback. */
    abstract Map<String, String> destinations();

    /**
     * The arguments every release needs.
     *
     * @throws IllegalArgumentException naming the argument that is missing or wrong
     */
    void requireValid() {
        if (target == null || !List.of("swarm", "docker", "kubernetes").contains(target)) {
            throw new IllegalArgumentException("'target' must be swarm, docker or kubernetes, was "
                    + (target == null ? "missing" : "'" + target + "'"));
        }
        if (Arrays.stream(KubernetesTarget.Kind.values()).noneMatch(known -> known.name().equals(kind))) {
            throw new IllegalArgumentException("'kind' must be deployment or statefulset, was '" + kind + "'");
        }
        if (destinations().isEmpty()) {
            throw new IllegalArgumentException("'services' names no service");
        }
        for (String service : health.keySet()) {
            if (!destinations().containsKey(service)) {
                throw new IllegalArgumentException("'health' names " + service + ", which is not one of the services "
                        + destinations().keySet());
            }
        }
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
