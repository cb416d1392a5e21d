package io.jenkins.plugins.optimizeddeploy.engine.deploy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.KubernetesClientTimeoutException;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The Deployments or the StatefulSets of one namespace, as far as a deploy needs them: read a pod template, replace
 * it, and follow the rollout that follows.
 *
 * @param <T> Deployment or StatefulSet
 */
final class Workloads<T extends HasMetadata> {
    private static final int CONFLICT = 409;
    /**
     * Reads and patches before a conflict is reported, as client-go's {@code retry.DefaultRetry} and kubectl's patch
     * retries: during a rollout the controllers write the workload's status, each write a new resourceVersion.
     */
    static final int ATTEMPTS = 5;

    private final KubernetesClient client;
    private final String namespace;
    private final String kind;
    private final NonNamespaceOperation<T, ?, ? extends Resource<T>> operation;
    private final Function<T, PodTemplateSpec> template;
    private final Function<T, RolloutStatus> status;

    private Workloads(KubernetesClient client, String namespace, String kind,
            NonNamespaceOperation<T, ?, ? extends Resource<T>> operation, Function<T, PodTemplateSpec> template,
            Function<T, RolloutStatus> status) {
        this.client = client;
        this.namespace = namespace;
        this.kind = kind;
        this.operation = operation;
        this.template = template;
        this.status = status;
    }

    static Workloads<Deployment> deployments(KubernetesClient client, String namespace) {
        return new Workloads<>(client, namespace, "deployment", client.apps().deployments().inNamespace(namespace),
                deployment -> deployment.getSpec().getTemplate(), RolloutStatus::of);
    }

    static Workloads<StatefulSet> statefulSets(KubernetesClient client, String namespace) {
        return new Workloads<>(client, namespace, "statefulset", client.apps().statefulSets().inNamespace(namespace),
                statefulSet -> statefulSet.getSpec().getTemplate(), RolloutStatus::of);
    }

    /** {@code deployment} or {@code statefulset}. */
    String kind() {
        return kind;
    }

    /** The pod template of workload {@code name}, or empty when there is none of that name. */
    Optional<PodTemplateSpec> template(String name) {
        return get(name).map(template);
    }

    /**
     * Replaces the pod template of {@code name} with what {@code change} makes of (a copy of) it, by a JSON Patch that
     * carries the resourceVersion it was read at: a workload changed meanwhile is refused (409), read again and
     * changed once more, up to {@link #ATTEMPTS} times. Nothing is sent when the template stays the same.
     *
     * @return the template before the change
     * @throws DeployException when there is no such workload or the API server refuses the change
     */
    PodTemplateSpec replaceTemplate(String name, UnaryOperator<PodTemplateSpec> change) {
        for (int attempt = 1; ; attempt++) {
            T current = get(name).orElseThrow(() -> new DeployException(kind + " " + name + " not found in namespace "
                    + namespace + " on " + client.getMasterUrl()));
            PodTemplateSpec before = template.apply(current);
            PodTemplateSpec after = change.apply(new PodTemplateSpecBuilder(before).build());
            if (after.equals(before)) {
                return before;
            }
            List<Map<String, Object>> patch = List.of(
                    Map.of("op", "replace", "path", "/metadata/resourceVersion",
                            "value", current.getMetadata().getResourceVersion()),
                    Map.of("op", "replace", "path", "/spec/template", "value", after));
            try {
                operation.withName(name).patch(PatchContext.of(PatchType.JSON),
                        client.getKubernetesSerialization().asJson(patch));
                return before;
            } catch (KubernetesClientException e) {
                if (e.getCode() != CONFLICT || attempt >= ATTEMPTS) {
                    throw failure("could not change the pod template of " + kind + " " + name
                            + (e.getCode() == CONFLICT ? " (it was changed by someone else meanwhile, " + ATTEMPTS
                                    + " times)" : ""), e);
                }
            }
        }
    }

    /**
     * Follows the rollout of {@code name} (a watch) until it is complete or failed, as {@code kubectl rollout status}
     * decides, or until {@code deadline}: then the last status says how far it got.
     */
    Rollout awaitRollout(String name, Instant deadline) {
        long millis = Math.max(1, Duration.between(Instant.now(), deadline).toMillis());
        T last;
        try {
            last = operation.withName(name).waitUntilCondition(
                    item -> item == null || status.apply(item).phase() != RolloutStatus.Phase.WAITING,
                    millis, TimeUnit.MILLISECONDS);
        } catch (KubernetesClientTimeoutException e) {
            return Rollout.failed("not rolled out before the deadline ("
                    + get(name).map(status).map(RolloutStatus::message).orElse(kind + " " + name + " is gone") + ")");
        } catch (KubernetesClientException e) {
            throw failure("could not follow the rollout of " + kind + " " + name, e);
        }
        if (last == null) {
            throw new DeployException(kind + " " + name + " was deleted on " + client.getMasterUrl()
                    + " while it was being deployed");
        }
        RolloutStatus rollout = status.apply(last);
        return rollout.phase() == RolloutStatus.Phase.COMPLETE ? Rollout.healthyNow() : Rollout.failed(rollout.message());
    }

    private Optional<T> get(String name) {
        try {
            return Optional.ofNullable(operation.withName(name).get());
        } catch (KubernetesClientException e) {
            throw failure("could not read " + kind + " " + name, e);
        }
    }

    /** One line: the API server's own message (its Status) when it sent one, never a token or a client key. */
    private DeployException failure(String doing, KubernetesClientException e) {
        String why = e.getStatus() != null && e.getStatus().getMessage() != null
                ? "HTTP " + e.getCode() + " " + e.getStatus().getMessage()
                : e.getCause() != null ? e.getCause().toString() : e.getMessage();
        return new DeployException(doing + " on " + client.getMasterUrl() + ": " + why.lines().findFirst().orElse(""), e);
    }
}
