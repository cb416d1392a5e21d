package io.jenkins.plugins.optimizeddeploy.engine.deploy;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentSpec;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetSpec;
import io.fabric8.kubernetes.api.model.apps.StatefulSetStatus;
import io.fabric8.kubernetes.api.model.apps.StatefulSetUpdateStrategy;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a workload's rollout stands, decided as {@code kubectl rollout status} decides it (its status viewers for
 * apps/v1 Deployments and StatefulSets), from the object alone: still waiting, complete, or failed. Only a Deployment
 * can fail on its own (its {@code Progressing} condition says {@code ProgressDeadlineExceeded}); a StatefulSet
 * waits until the caller's deadline.
 *
 * @param message what kubectl would print, e.g. {@code 1 of 3 updated replicas are available}
 */
record RolloutStatus(Phase phase, String message) {
    enum Phase { WAITING, COMPLETE, FAILED }

    private static final String PROGRESS_DEADLINE_EXCEEDED = "ProgressDeadlineExceeded";

    static RolloutStatus of(Deployment deployment) {
        String name = deployment.getMetadata().getName();
        DeploymentSpec spec = deployment.getSpec();
        DeploymentStatus status = Optional.ofNullable(deployment.getStatus()).orElseGet(DeploymentStatus::new);
        if (number(deployment.getMetadata().getGeneration()) > number(status.getObservedGeneration())) {
            return waiting("waiting for deployment " + name + " spec update to be observed");
        }
        Optional<DeploymentCondition> progressing = status.getConditions().stream()
                .filter(condition -> "Progressing".equals(condition.getType())).findFirst();
        if (progressing.filter(condition -> PROGRESS_DEADLINE_EXCEEDED.equals(condition.getReason())).isPresent()) {
            return new RolloutStatus(Phase.FAILED, "deployment " + name + " exceeded its progress deadline"
                    + Optional.ofNullable(progressing.get().getMessage()).map(message -> " (" + message + ")").orElse(""));
        }
        int updated = number(status.getUpdatedReplicas());
        if (spec != null && spec.getReplicas() != null && updated < spec.getReplicas()) {
            return waiting(updated + " out of " + spec.getReplicas() + " new replicas have been updated");
        }
        if (number(status.getReplicas()) > updated) {
            return waiting((number(status.getReplicas()) - updated) + " old replicas are pending termination");
        }
        if (number(status.getAvailableReplicas()) < updated) {
            return waiting(number(status.getAvailableReplicas()) + " of " + updated + " updated replicas are available");
        }
        return new RolloutStatus(Phase.COMPLETE, "deployment " + name + " successfully rolled out");
    }

    static RolloutStatus of(StatefulSet statefulSet) {
        String name = statefulSet.getMetadata().getName();
        StatefulSetSpec spec = Optional.ofNullable(statefulSet.getSpec()).orElseGet(StatefulSetSpec::new);
        StatefulSetStatus status = Optional.ofNullable(statefulSet.getStatus()).orElseGet(StatefulSetStatus::new);
        StatefulSetUpdateStrategy strategy = spec.getUpdateStrategy();
        // the API server defaults the type to RollingUpdate
        String type = strategy == null || strategy.getType() == null ? "RollingUpdate" : strategy.getType();
        if (!type.equals("RollingUpdate")) {
            return new RolloutStatus(Phase.FAILED, "statefulset " + name + " updates " + type
                    + ": a rollout can only be followed with the RollingUpdate strategy");
        }
        long observed = number(status.getObservedGeneration());
        if (observed == 0 || number(statefulSet.getMetadata().getGeneration()) > observed) {
            return waiting("waiting for statefulset " + name + " spec update to be observed");
        }
        if (spec.getReplicas() != null && number(status.getReadyReplicas()) < spec.getReplicas()) {
            return waiting("waiting for " + (spec.getReplicas() - number(status.getReadyReplicas()))
                    + " pods to be ready");
        }
        Integer partition = strategy == null || strategy.getRollingUpdate() == null ? null
                : strategy.getRollingUpdate().getPartition();
        if (spec.getReplicas() != null && partition != null) {
            int expected = spec.getReplicas() - partition;
            return number(status.getUpdatedReplicas()) < expected
                    ? waiting("partitioned roll out: " + number(status.getUpdatedReplicas()) + " out of " + expected
                            + " new pods have been updated")
                    : new RolloutStatus(Phase.COMPLETE, "partitioned roll out complete: "
                            + number(status.getUpdatedReplicas()) + " new pods have been updated");
        }
        if (!Objects.equals(status.getUpdateRevision(), status.getCurrentRevision())) {
            return waiting("waiting for statefulset rolling update to complete " + number(status.getUpdatedReplicas())
                    + " pods at revision " + status.getUpdateRevision());
        }
        return new RolloutStatus(Phase.COMPLETE, "statefulset rolling update complete "
                + number(status.getCurrentReplicas()) + " pods at revision " + status.getCurrentRevision());
    }

    private static RolloutStatus waiting(String message) {
        return new RolloutStatus(Phase.WAITING, message);
    }

    private static int number(Integer value) {
        return value == null ? 0 : value;
    }

    private static long number(Long value) {
        return value == null ? 0 : value;
    }
}
