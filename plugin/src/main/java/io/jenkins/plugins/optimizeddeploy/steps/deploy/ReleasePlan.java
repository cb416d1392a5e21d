package io.jenkins.plugins.optimizeddeploy.steps.deploy;

import io.jenkins.plugins.optimizeddeploy.engine.deploy.Action;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A deploy or rollback as it crosses to the agent, in plain values: the step, the target kind, per service where it
 * goes ({@code destinations}: an image, or for a rollback {@code previous} or a digest) and its health URL, the
 * timeout, the engine ({@code dockerHost}, null: the build's {@code DOCKER_HOST}), the history file (null: the agent
 * user's state folder), who deploys ({@code by}, the build's tag), for the kubernetes target where it goes and, for
 * caprover and webhook, the {@code endpoint} (null for the other targets).
 */
public record ReleasePlan(String functionName, Action action, String target, LinkedHashMap<String, String> destinations,
        LinkedHashMap<String, String> health, long timeoutSeconds, String dockerHost, String history, String by,
        KubernetesPlan kubernetes, HttpEndpoint endpoint) implements Serializable {

    /** The URL of CapRover or of the hook, and whether the CapRover secret is an app token. */
    record HttpEndpoint(String url, boolean appToken) implements Serializable {
    }

    public ReleasePlan {
        destinations = new LinkedHashMap<>(destinations);
        health = new LinkedHashMap<>(health);
    }

    /** @param destinations the step's, as {@link DeployStep#destinations(hudson.model.Run)} read them */
    public static ReleasePlan of(DeployStep step, Map<String, String> destinations, Map<String, String> buildEnvironment) {
        String by = buildEnvironment.getOrDefault("BUILD_TAG", step.functionName());
        return new Builder(step.functionName(), step.action(), step.getTarget())
                .services(destinations, step.getHealth())
                .timeoutSeconds(step.getTimeout())
                .dockerHost(step.getDockerHost())
                .history(step.getHistory())
                .by(by)
                .kubernetes(step.kubernetesPlan(buildEnvironment.get("KUBECONFIG")))
                .endpoint(endpoint(step))
                .build();
    }

    private static HttpEndpoint endpoint(DeployStep step) {
        if (DeployStep.CAPROVER.equals(step.getTarget())) {
            return new HttpEndpoint(step.getCaproverUrl(), step.isCaproverAppToken());
        }
        return DeployStep.WEBHOOK.equals(step.getTarget()) ? new HttpEndpoint(step.getWebhookUrl(), false) : null;
    }

    /** Names each part of a plan as it is set: unset parts are null, no services, a timeout of 0. */
    static final class Builder {
        private final String functionName;
        private final Action action;
        private final String target;
        private Map<String, String> destinations = Map.of();
        private Map<String, String> health = Map.of();
        private long timeoutSeconds;
        private String dockerHost;
        private String history;
        private String by;
        private KubernetesPlan kubernetes;
        private HttpEndpoint endpoint;

        Builder(String functionName, Action action, String target) {
            this.functionName = functionName;
            this.action = action;
            this.target = target;
        }

        /** @param destinations where each service goes, {@code health} each one's health URL */
        Builder services(Map<String, String> destinations, Map<String, String> health) {
            this.destinations = destinations;
            this.health = health;
            return this;
        }

        Builder timeoutSeconds(long timeoutSeconds) {
            this.timeoutSeconds = timeoutSeconds;
            return this;
        }

        /** @param dockerHost null: the build's {@code DOCKER_HOST} */
        Builder dockerHost(String dockerHost) {
            this.dockerHost = dockerHost;
            return this;
        }

        /** @param history null: the agent user's state folder */
        Builder history(String history) {
            this.history = history;
            return this;
        }

        Builder by(String by) {
            this.by = by;
            return this;
        }

        Builder kubernetes(KubernetesPlan kubernetes) {
            this.kubernetes = kubernetes;
            return this;
        }

        Builder endpoint(HttpEndpoint endpoint) {
            this.endpoint = endpoint;
            return this;
        }

        ReleasePlan build() {
            return new ReleasePlan(functionName, action, target, new LinkedHashMap<>(destinations),
                    new LinkedHashMap<>(health), timeoutSeconds, dockerHost, history, by, kubernetes, endpoint);
        }
    }
}
