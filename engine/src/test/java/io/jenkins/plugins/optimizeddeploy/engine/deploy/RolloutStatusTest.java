package io.jenkins.plugins.optimizeddeploy.engine.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import org.junit.jupiter.api.Test;

/** The verdicts of {@code kubectl rollout status}, case by case, from the object alone. */
class RolloutStatusTest {

    @Test
    void shouldWaitForADeploymentsNewGenerationToBeObservedWhateverItsReplicasSay() {
        assertThat(RolloutStatus.of(deployment(2, 1, 3, 3, 3, 3, null)))
                .isEqualTo(new RolloutStatus(RolloutStatus.Phase.WAITING,
                        "waiting for deployment web spec update to be observed"));
    }

    @Test
    void shouldFailADeploymentWhoseProgressDeadlineWasExceeded() {
        assertThat(RolloutStatus.of(deployment(2, 2, 3, 4, 1, 3, "ProgressDeadlineExceeded")))
                .isEqualTo(new RolloutStatus(RolloutStatus.Phase.FAILED,
                        "deployment web exceeded its progress deadline (stalled)"));
    }

    @Test
    void shouldWaitForUpdatedThenOldThenAvailableReplicasInKubectlsOrder() {
        assertThat(RolloutStatus.of(deployment(2, 2, 3, 4, 1, 3, "ReplicaSetUpdated")).message())
                .isEqualTo("1 out of 3 new replicas have been updated");
        assertThat(RolloutStatus.of(deployment(2, 2, 3, 4, 3, 3, "ReplicaSetUpdated")).message())
                .isEqualTo("1 old replicas are pending termination");
        assertThat(RolloutStatus.of(deployment(2, 2, 3, 3, 3, 2, "ReplicaSetUpdated")).message())
                .isEqualTo("2 of 3 updated replicas are available");
        assertThat(RolloutStatus.of(deployment(2, 2, 3, 3, 3, 3, "NewReplicaSetAvailable")).phase())
                .isEqualTo(RolloutStatus.Phase.COMPLETE);
    }

    @Test
    void shouldCompleteAStatefulSetOnlyWhenAllPodsAreReadyAtTheNewRevision() {
        assertThat(RolloutStatus.of(statefulSet(2, 1, 2, "db-1", "db-2")).phase()).isEqualTo(RolloutStatus.Phase.WAITING);
        assertThat(RolloutStatus.of(statefulSet(2, 2, 1, "db-2", "db-2")).message())
                .isEqualTo("waiting for 1 pods to be ready");
        assertThat(RolloutStatus.of(statefulSet(2, 2, 2, "db-1", "db-2")).phase()).isEqualTo(RolloutStatus.Phase.WAITING);
        assertThat(RolloutStatus.of(statefulSet(2, 2, 2, "db-2", "db-2")).phase())
                .isEqualTo(RolloutStatus.Phase.COMPLETE);
    }

    @Test
    void shouldFailAStatefulSetWhoseRolloutCannotBeFollowed() {
        StatefulSet onDelete = new StatefulSetBuilder(statefulSet(2, 2, 2, "db-2", "db-2")).editSpec()
                .withNewUpdateStrategy().withType("OnDelete").endUpdateStrategy().endSpec().build();

        assertThat(RolloutStatus.of(onDelete).phase()).isEqualTo(RolloutStatus.Phase.FAILED);
    }

    private static Deployment deployment(long generation, long observed, int wanted, int replicas, int updated,
            int available, String progressing) {
        DeploymentBuilder deployment = new DeploymentBuilder().withNewMetadata().withName("web")
                .withGeneration(generation).endMetadata().withNewSpec().withReplicas(wanted).endSpec()
                .withNewStatus().withObservedGeneration(observed).withReplicas(replicas).withUpdatedReplicas(updated)
                .withAvailableReplicas(available).endStatus();
        if (progressing != null) {
            deployment.editStatus().addNewCondition().withType("Progressing").withReason(progressing)
                    .withStatus(progressing.equals("ProgressDeadlineExceeded") ? "False" : "True")
                    .withMessage("stalled").endCondition().endStatus();
        }
        return deployment.build();
    }

    private static StatefulSet statefulSet(long generation, long observed, int ready, String current, String update) {
        return new StatefulSetBuilder().withNewMetadata().withName("db").withGeneration(generation).endMetadata()
                .withNewSpec().withReplicas(2).endSpec().withNewStatus().withObservedGeneration(observed)
                .withReplicas(2).withReadyReplicas(ready).withUpdatedReplicas(2).withCurrentReplicas(2)
                .withCurrentRevision(current).withUpdateRevision(update).endStatus().build();
    }
}
