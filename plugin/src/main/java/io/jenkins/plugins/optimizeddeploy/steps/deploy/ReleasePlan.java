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
        return new ReleasePlan(step.functionName(), step.action(), step.getTarget(),
                new LinkedHashMap<>(destinations), new LinkedHashMap<>(step.getHealth()),
                step.getTimeout(), step.getDockerHost(), step.getHistory(), by,
                step.kubernetesPlan(buildEnvironment.get("KUBECONFIG")),
                endpoint(step));
    }

    private static HttpEndpoint endpoint(DeployStep step) {
        if (DeployStep.CAPROVER.equals(step.getTarget())) {
            return new HttpEndpoint(step.getCaproverUrl(), step.isCaproverAppToken());
        }
        return DeployStep.WEBHOOK.equals(step.getTarget()) ? new HttpEndpoint(step.getWebhookUrl(), false) : null;
    }
}
