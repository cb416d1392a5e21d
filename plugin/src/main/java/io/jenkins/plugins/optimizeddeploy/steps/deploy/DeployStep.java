package io.jenkins.plugins.optimizeddeploy.steps.deploy;

import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.slaves.WorkspaceList;
import io.jenkins.plugins.optimizeddeploy.engine.deploy.Action;
import io.jenkins.plugins.optimizeddeploy.engine.deploy.KubernetesTarget;
import io.jenkins.plugins.optimizeddeploy.engine.errors.BadInputException;
import io.jenkins.plugins.optimizeddeploy.steps.AgentStepWork;
import io.jenkins.plugins.optimizeddeploy.steps.BuildContext;
import io.jenkins.plugins.optimizeddeploy.steps.BuilderAccess;
import io.jenkins.plugins.optimizeddeploy.steps.ChannelProcesses;
import io.jenkins.plugins.optimizeddeploy.steps.NamedValues;
import io.jenkins.plugins.optimizeddeploy.steps.OptionalText;
import io.jenkins.plugins.optimizeddeploy.steps.PipelineExecution;
import io.jenkins.plugins.optimizeddeploy.steps.RegistryLogin;
import io.jenkins.plugins.optimizeddeploy.steps.RegistryStep;
import io.jenkins.plugins.optimizeddeploy.steps.StepInBuild;
import io.jenkins.plugins.optimizeddeploy.steps.StepOutcome;
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
    static final String CAPROVER = "caprover";
    static final String WEBHOOK = "webhook";

    private final String target;
    private LinkedHashMap<String, String> health = new LinkedHashMap<>();
    private int timeout = DEFAULT_TIMEOUT_SECONDS;
    private String dockerHost;
    private String history;
    private boolean propagate = true;
    private String kubeconfig;
    private String context;
    private String namespace;
    private String kind = KubernetesPlan.DEFAULT_KIND;
    private String container;
    private String caproverUrl;
    private boolean caproverAppToken;
    private String webhookUrl;
    private String secretCredentialsId;

    protected DeployStep(String target) {
        this.target = OptionalText.of(target);
    }

    /**
     * {@code swarm} (docker service update), {@code docker} (replace the container on one engine), {@code kubernetes}
     * (a Deployment's or StatefulSet's image), {@code caprover} (CapRover's API) or {@code webhook} (a signed deploy
     * hook).
     */
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

    /**
     * Whether a service that did not end healthy fails the step (the default), or the step returns its map all the
     * same, as {@code build(propagate: false)} does, for the script to read each service's {@code outcome}.
     */
    public boolean isPropagate() {
        return propagate;
    }

    @DataBoundSetter
    public void setPropagate(boolean propagate) {
        this.propagate = propagate;
    }

    /**
     * kubernetes: the kubeconfig file on the agent (relative: to the workspace); unset: the build's {@code KUBECONFIG},
     * else fabric8's defaults.
     */
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

    /**
     * @param buildKubeconfig the build's {@code KUBECONFIG} (as {@code withCredentials} or {@code withEnv} set it, which
     *                        the agent's own environment does not have), or null
     */
    KubernetesPlan kubernetesPlan(String buildKubeconfig) {
        return new KubernetesPlan(kubeconfig == null ? OptionalText.of(buildKubeconfig) : kubeconfig, context, namespace,
                kind, container);
    }

    /** caprover: the captain's root, e.g. {@code https://captain.apps.example.com}; each service is the app of its name. */
    public String getCaproverUrl() {
        return caproverUrl;
    }

    @DataBoundSetter
    public void setCaproverUrl(String caproverUrl) {
        this.caproverUrl = OptionalText.of(caproverUrl);
    }

    /** caprover: the secret is an app token (it starts deploys only) rather than the captain password. */
    public boolean isCaproverAppToken() {
        return caproverAppToken;
    }

    @DataBoundSetter
    public void setCaproverAppToken(boolean caproverAppToken) {
        this.caproverAppToken = caproverAppToken;
    }

    /** webhook: where the signed deploy is POSTed. */
    public String getWebhookUrl() {
        return webhookUrl;
    }

    @DataBoundSetter
    public void setWebhookUrl(String webhookUrl) {
        this.webhookUrl = OptionalText.of(webhookUrl);
    }

    /** caprover and webhook: secret text credentials, the captain password or app token, or the hook's HMAC secret. */
    public String getSecretCredentialsId() {
        return secretCredentialsId;
    }

    @DataBoundSetter
    public void setSecretCredentialsId(String secretCredentialsId) {
        this.secretCredentialsId = OptionalText.of(secretCredentialsId);
    }

    abstract String functionName();

    abstract Action action();

    /** Per service, where it goes: an image for a deploy; {@code previous}, a digest or an image for a rollback. */
    public abstract Map<String, String> destinations();

    /**
     * The destinations as the release takes them, read on the controller, where other builds of the job are.
     *
     * @throws BadInputException in one line, when what they name cannot be found
     */
    Map<String, String> destinations(Run<?, ?> run) {
        return destinations();
    }

    /**
     * The arguments every release needs.
     *
     * @throws BadInputException naming the argument that is missing or wrong
     */
    void requireValid() {
        if (target == null || !List.of("swarm", "docker", "kubernetes", CAPROVER, WEBHOOK).contains(target)) {
            throw new BadInputException("'target' must be swarm, docker, kubernetes, caprover or webhook, was "
                    + (target == null ? "missing" : "'" + target + "'"));
        }
        if (Arrays.stream(KubernetesTarget.Kind.values()).noneMatch(known -> known.name().equals(kind))) {
            throw new BadInputException("'kind' must be deployment or statefulset, was '" + kind + "'");
        }
        if (destinations().isEmpty()) {
            throw new BadInputException("'services' names no service");
        }
        health.forEach((service, check) -> {
            if (!destinations().containsKey(service)) {
                throw new BadInputException("'health' names " + service + ", which is not one of the services "
                        + destinations().keySet());
            }
            HealthCheckArgument.check(service, check);
        });
        requireHttpTargetArguments();
    }

    /** CapRover and a hook need their URL and secret, and, checking no health themselves, a health URL per service. */
    private void requireHttpTargetArguments() {
        requireFor(CAPROVER, "caproverUrl", caproverUrl != null);
        requireFor(CAPROVER, "caproverAppToken", caproverAppToken);
        requireFor(WEBHOOK, "webhookUrl", webhookUrl != null);
        boolean http = target.equals(CAPROVER) || target.equals(WEBHOOK);
        if (!http && secretCredentialsId != null) {
            throw new BadInputException("'secretCredentialsId' is for target caprover or webhook, not " + target);
        }
        if (!http) {
            return;
        }
        if ((target.equals(CAPROVER) ? caproverUrl : webhookUrl) == null) {
            throw new BadInputException("target " + target + " needs '" + target + "Url'");
        }
        if (secretCredentialsId == null) {
            throw new BadInputException("target " + target + " needs 'secretCredentialsId' (secret text: "
                    + (target.equals(CAPROVER) ? "the captain password or an app token)" : "the hook's HMAC secret)"));
        }
        for (String service : destinations().keySet()) {
            if (!health.containsKey(service)) {
                throw new BadInputException("target " + target + " checks no health itself: 'health' needs a"
                        + " URL for " + service);
            }
        }
    }

    private void requireFor(String owner, String argument, boolean given) {
        if (given && !target.equals(owner)) {
            throw new BadInputException("'" + argument + "' is for target " + owner + ", not " + target);
        }
    }

    @Override
    public StepExecution start(StepContext context) {
        return new PipelineExecution<>(new Execution(this), context);
    }

    @Override
    public Map<String, Object> perform(BuildContext build) throws IOException, InterruptedException {
        return new Execution(this).perform(build);
    }

    /**
     * Resolves the credentials on the controller and runs the release on the agent, whose docker CLI starts through the
     * step context's Launcher ({@link ChannelProcesses}) with the build's environment, {@code DOCKER_HOST} included, as
     * {@code sh} would start it. A stopped release puts back what it moved.
     */
    private static final class Execution
            extends AgentStepWork<DeployStep, StepOutcome<Map<String, Object>>, Map<String, Object>> {

        Execution(DeployStep step) {
            super(step, step.functionName());
        }

        @Override
        protected ReleaseOnAgent onAgent(BuildContext build) throws IOException, InterruptedException {
            Run<?, ?> run = build.run();
            step.requireValid();
            Map<String, String> destinations = step.destinations(run);
            Map<String, String> buildEnvironment = environment(build);
            RegistryLogin login = login(step, build);
            TaskListener listener = build.listener();
            FilePath workspace = build.workspace();
            String temporaryDirectory = WorkspaceList.tempDir(workspace).getRemote();
            return new ReleaseOnAgent(ReleasePlan.of(step, destinations, buildEnvironment),
                    new BuilderAccess(login, buildEnvironment, step.isInsecure(), temporaryDirectory),
                    new BuilderAccess(null, buildEnvironment, step.isInsecure(), temporaryDirectory),
                    ChannelProcesses.export(workspace, build.launcher(), buildEnvironment, listener), listener,
                    TargetSecret.find(step.functionName(), step.getSecretCredentialsId(), run));
        }

        /** With {@code propagate: false} a failed release is a line in the log, and the script gets its result. */
        @Override
        protected Map<String, Object> finish(StepOutcome<Map<String, Object>> outcome, BuildContext build)
                throws IOException {
            return (step.isPropagate() ? outcome : outcome.withFailureLogged()).finish(build.run(), build.listener());
        }
    }
}
