package io.jenkins.plugins.optimizeddeploy.engine.deploy;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentConditionBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSetStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * fabric8's API server fake in CRUD mode on loopback (expectations, when a test sets any, answer first), and a
 * controller thread that advances the status of Deployments and StatefulSets as the real controllers would, since the
 * fake runs none: it observes a new generation, surges a new ReplicaSet (one more replica, none updated yet), then
 * makes the new pods available, unless the template's image was marked to exceed its progress deadline or to never
 * become available.
 */
final class FakeCluster implements AutoCloseable {
    static final String NAMESPACE = "shop";
    static final Duration SLOW_STEP = Duration.ofMillis(1500);
    /**
     * How long a new workload may take to be rolled out by the controller thread: two steps 100 ms apart when the
     * machine is idle, seconds on a loaded CI machine. Only a broken controller reaches it.
     */
    private static final Duration SETUP = Duration.ofMinutes(1);
    private static final String APP_LABEL = "app";

    private final Map<ServerRequest, Queue<ServerResponse>> expectations = new HashMap<>();
    final KubernetesMockServer server = new KubernetesMockServer(new Context(), new MockWebServer(), expectations,
            new KubernetesMixedDispatcher(expectations), false);
    private final KubernetesClient client;
    private final Set<String> exceedingDeadline = ConcurrentHashMap.newKeySet();
    private final Set<String> neverAvailable = ConcurrentHashMap.newKeySet();
    private final Set<String> slow = ConcurrentHashMap.newKeySet();
    /** When each Deployment's status was last advanced. */
    private final Map<String, Instant> advanced = new ConcurrentHashMap<>();
    private final Thread controller;

    FakeCluster() {
        server.init(InetAddress.getLoopbackAddress(), 0);
        client = server.createClient();
        controller = new Thread(this::control, "fake-kubernetes-controller");
        controller.setDaemon(true);
        controller.start();
    }

    /** A client of its own, as a deploy target gets one. */
    KubernetesClient newClient() {
        return server.createClient();
    }

    /** Rollouts to {@code image} stop with Progressing=False, reason ProgressDeadlineExceeded. */
    void exceedsProgressDeadline(String image) {
        exceedingDeadline.add(image);
    }

    /** Rollouts to {@code image} never get an available pod. */
    void neverAvailable(String image) {
        neverAvailable.add(image);
    }

    /** Each step of a rollout to {@code image} comes {@link #SLOW_STEP} after the one before. */
    void slow(String image) {
        slow.add(image);
    }

    /** A Deployment of {@code replicas} pods with one container {@code app}, rolled out. */
    Deployment deployment(String name, String image, int replicas) {
        client.apps().deployments().inNamespace(NAMESPACE).resource(new DeploymentBuilder()
                .withNewMetadata().withName(name).endMetadata()
                .withNewSpec().withReplicas(replicas).withNewSelector().addToMatchLabels(APP_LABEL, name).endSelector()
                .withNewTemplate().withNewMetadata().addToLabels(APP_LABEL, name).addToAnnotations("team", "shop")
                .endMetadata().withNewSpec().addNewContainer().withName("app").withImage(image)
                .addNewPort().withContainerPort(8080).endPort().endContainer().endSpec().endTemplate().endSpec()
                .build()).create();
        return client.apps().deployments().inNamespace(NAMESPACE).withName(name).waitUntilCondition(
                deployment -> RolloutStatus.of(deployment).phase() == RolloutStatus.Phase.COMPLETE, SETUP.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A StatefulSet of {@code replicas} pods with one container {@code app}, rolled out. */
    StatefulSet statefulSet(String name, String image, int replicas) {
        client.apps().statefulSets().inNamespace(NAMESPACE).resource(new StatefulSetBuilder()
                .withNewMetadata().withName(name).endMetadata()
                .withNewSpec().withReplicas(replicas).withNewSelector().addToMatchLabels(APP_LABEL, name).endSelector()
                .withNewTemplate().withNewMetadata().addToLabels(APP_LABEL, name).endMetadata()
                .withNewSpec().addNewContainer().withName("app").withImage(image).endContainer().endSpec()
                .endTemplate().endSpec().build()).create();
        return client.apps().statefulSets().inNamespace(NAMESPACE).withName(name).waitUntilCondition(
                set -> RolloutStatus.of(set).phase() == RolloutStatus.Phase.COMPLETE, SETUP.toMillis(), TimeUnit.MILLISECONDS);
    }

    Deployment readDeployment(String name) {
        return client.apps().deployments().inNamespace(NAMESPACE).withName(name).get();
    }

    StatefulSet readStatefulSet(String name) {
        return client.apps().statefulSets().inNamespace(NAMESPACE).withName(name).get();
    }

    /** The image of the pod template's first container, read from the API server. */
    String deployedImage(String name) {
        return readDeployment(name).getSpec().getTemplate().getSpec().getContainers().get(0).getImage();
    }

    private void control() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                client.apps().deployments().inNamespace(NAMESPACE).list().getItems().forEach(this::advance);
                client.apps().statefulSets().inNamespace(NAMESPACE).list().getItems().forEach(this::advance);
                Thread.sleep(100);
            } catch (KubernetesClientException e) {
                // a write raced with a deploy (409) or the server is shutting down: look again
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void advance(Deployment deployment) {
        long generation = deployment.getMetadata().getGeneration();
        int replicas = deployment.getSpec().getReplicas();
        String image = deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getImage();
        DeploymentStatus status = Optional.ofNullable(deployment.getStatus()).orElseGet(DeploymentStatus::new);
        Instant last = advanced.getOrDefault(deployment.getMetadata().getName(), Instant.MIN);
        if (slow.contains(image) && Instant.now().isBefore(last.plus(SLOW_STEP))) {
            return;
        }
        DeploymentStatus next;
        if (status.getObservedGeneration() == null || status.getObservedGeneration() < generation) {
            next = new DeploymentStatusBuilder().withObservedGeneration(generation).withReplicas(replicas + 1)
                    .withUpdatedReplicas(0).withAvailableReplicas(replicas).withReadyReplicas(replicas)
                    .withConditions(progressing("True", "ReplicaSetUpdated")).build();
        } else if (status.getConditions().stream().anyMatch(condition -> condition.getType().equals("Progressing")
                && List.of("NewReplicaSetAvailable", "ProgressDeadlineExceeded").contains(condition.getReason()))
                || neverAvailable.contains(image)) {
            return;
        } else if (exceedingDeadline.contains(image)) {
            next = new DeploymentStatusBuilder(status).withUpdatedReplicas(1)
                    .withConditions(progressing("False", "ProgressDeadlineExceeded")).build();
        } else {
            next = new DeploymentStatusBuilder(status).withReplicas(replicas).withUpdatedReplicas(replicas)
                    .withAvailableReplicas(replicas).withReadyReplicas(replicas)
                    .withConditions(progressing("True", "NewReplicaSetAvailable")).build();
        }
        deployment.setStatus(next);
        client.apps().deployments().inNamespace(NAMESPACE).resource(deployment).updateStatus();
        advanced.put(deployment.getMetadata().getName(), Instant.now());
    }

    private void advance(StatefulSet set) {
        long generation = set.getMetadata().getGeneration();
        String revision = set.getMetadata().getName() + "-" + generation;
        if (set.getStatus() != null && revision.equals(set.getStatus().getCurrentRevision())) {
            return;
        }
        int replicas = set.getSpec().getReplicas();
        boolean observed = set.getStatus() != null && set.getStatus().getObservedGeneration() == generation;
        set.setStatus(new StatefulSetStatusBuilder().withObservedGeneration(generation).withReplicas(replicas)
                .withReadyReplicas(replicas).withUpdatedReplicas(observed ? replicas : 0)
                .withCurrentReplicas(replicas).withUpdateRevision(revision)
                .withCurrentRevision(observed ? revision : set.getMetadata().getName() + "-old").build());
        client.apps().statefulSets().inNamespace(NAMESPACE).resource(set).updateStatus();
    }

    private static DeploymentCondition progressing(String status, String reason) {
        return new DeploymentConditionBuilder().withType("Progressing").withStatus(status).withReason(reason)
                .withMessage("ReplicaSet \"x\" " + reason).build();
    }

    @Override
    public void close() throws InterruptedException {
        controller.interrupt();
        controller.join(5000);
        client.close();
        server.destroy();
    }
}
