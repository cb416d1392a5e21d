package io.jenkins.plugins.optimizeddeploy.engine.deploy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.jenkins.plugins.optimizeddeploy.engine.errors.BadInputException;
import io.jenkins.plugins.optimizeddeploy.engine.image.ImageReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Kubernetes Deployments or StatefulSets of one namespace through the fabric8 client (the one the Jenkins
 * kubernetes-client-api plugin provides): a service is the workload of that name. A deploy sets one container's image
 * by digest in the pod template (a JSON Patch, optimistically locked) and follows the rollout as
 * {@code kubectl rollout status} does, until our deadline. An undo puts back the whole pod template the deploy
 * replaced, as it was read, and follows that rollout too: apps/v1 has no rollback call, and fabric8's
 * {@code rolling().undo()} picks ReplicaSets by labels alone. Workloads are never created or deleted here.
 */
public final class KubernetesTarget implements DeployTarget, AutoCloseable {
    /** Lower case: the values users type. */
    public enum Kind { deployment, statefulset }

    private final KubernetesClient client;
    private final Workloads<?> workloads;
    private final String namespace;
    private final Optional<String> container;
    /** Per service, the pod template its last deploy replaced: what an undo puts back. */
    private final Map<String, PodTemplateSpec> replaced = new ConcurrentHashMap<>();

    /**
     * @param container the container whose image a deploy sets; empty: the only one of the pod
     */
    KubernetesTarget(KubernetesClient client, String namespace, Kind kind, Optional<String> container) {
        this.client = client;
        this.namespace = namespace;
        this.container = container;
        this.workloads = kind == Kind.deployment ? Workloads.deployments(client, namespace)
                : Workloads.statefulSets(client, namespace);
    }

    /**
     * Connects with a kubeconfig file, else as fabric8 finds its configuration: {@code $KUBECONFIG} or
     * {@code ~/.kube/config}, else the service account of the pod it runs in.
     *
     * @param kubeconfig the kubeconfig file, or null
     * @param context    its context to use, or null for its current one
     * @param namespace  the workloads' namespace, or null for the context's (else {@code default})
     * @param container  the container whose image a deploy sets, or null for the only one of the pod
     * @throws BadInputException when the kubeconfig cannot be read or has no such context
     */
    public static KubernetesTarget connect(Path kubeconfig, String context, String namespace, Kind kind,
            String container) {
        Config config;
        try {
            if (kubeconfig != null) {
                if (!Files.isRegularFile(kubeconfig)) {
                    throw new BadInputException("kubeconfig " + kubeconfig + " is not a readable file");
                }
                config = Config.fromKubeconfig(context, kubeconfig.toFile());
            } else {
                config = Config.autoConfigure(context);
            }
        } catch (KubernetesClientException e) {
            throw new BadInputException("kubeconfig " + (kubeconfig == null ? "" : kubeconfig + " ")
                    + (context == null ? "" : "context " + context + " ") + "cannot be used: " + e.getMessage(), e);
        }
        if (context != null && (config.getCurrentContext() == null
                || !context.equals(config.getCurrentContext().getName()))) {
            throw new BadInputException("kubeconfig " + (kubeconfig == null ? Config.getKubeconfigFilenames()
                    : List.of(kubeconfig.toString())) + " has no context " + context);
        }
        // fabric8 retries a refused connection ten times with a doubling backoff: 36 s before an unreachable API
        // server is reported. Two retries ride out a blip and answer within a second.
        config.setRequestRetryBackoffLimit(2);
        String inNamespace = namespace != null ? namespace
                : Optional.ofNullable(config.getNamespace()).orElse("default");
        return new KubernetesTarget(new KubernetesClientBuilder().withConfig(config).build(), inNamespace, kind,
                Optional.ofNullable(container));
    }

    @Override
    public String identity() {
        return "kubernetes " + client.getMasterUrl() + " " + namespace + "/" + workloads.kind();
    }

    @Override
    public Optional<ImageReference> running(String service) {
        return workloads.template(service).map(template -> PlatformImage.parse(container(service, template).getImage(),
                workloads.kind() + " " + service + " on " + identity()));
    }

    @Override
    public Rollout deploy(String service, ImageReference image, Instant deadline) {
        PodTemplateSpec before = workloads.replaceTemplate(service, template -> {
            container(service, template).setImage(image.toString());
            return template;
        });
        replaced.put(service, before);
        return workloads.awaitRollout(service, deadline);
    }

    /** Puts back the pod template the last deploy of {@code service} replaced; else deploys {@code previous}. */
    @Override
    public void undo(String service, Optional<ImageReference> previous, Instant deadline) {
        PodTemplateSpec template = replaced.remove(service);
        if (template == null) {
            DeployTarget.super.undo(service, previous, deadline);
            return;
        }
        workloads.replaceTemplate(service, current -> template);
        Rollout back = workloads.awaitRollout(service, deadline);
        if (!back.healthy()) {
            throw new DeployException(service + " did not roll its previous pod template out again on " + identity()
                    + ": " + back.reason());
        }
    }

    /** Nothing: this target never creates a workload, so a release never has one to take away. */
    @Override
    public void remove(String service) {
        // a service that did not exist before the release was not created by it either
    }

    @Override
    public void close() {
        client.close();
    }

    private Container container(String service, PodTemplateSpec template) {
        List<Container> containers = template.getSpec().getContainers();
        if (container.isPresent()) {
            return containers.stream().filter(each -> each.getName().equals(container.get())).findFirst()
                    .orElseThrow(() -> new DeployException(workloads.kind() + " " + service + " has no container "
                            + container.get() + " (it has " + names(containers) + ")"));
        }
        if (containers.size() != 1) {
            throw new DeployException(workloads.kind() + " " + service + " has " + containers.size()
                    + " containers (" + names(containers) + "): name the one to deploy (container option)");
        }
        return containers.get(0);
    }

    private static String names(List<Container> containers) {
        return String.join(", ", containers.stream().map(Container::getName).toList());
    }
}
