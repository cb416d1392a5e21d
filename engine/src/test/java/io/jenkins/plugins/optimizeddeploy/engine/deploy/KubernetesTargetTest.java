package io.jenkins.plugins.optimizeddeploy.engine.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.jenkins.plugins.optimizeddeploy.engine.image.ImageReference;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deploys to fabric8's API server fake in CRUD mode, whose status a fake controller advances; what runs is read back
 * from the API server.
 */
class KubernetesTargetTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final String PATH = "/apis/apps/v1/namespaces/" + FakeCluster.NAMESPACE + "/deployments/";

    private final FakeCluster cluster = new FakeCluster();
    private final KubernetesTarget target = new KubernetesTarget(cluster.newClient(), FakeCluster.NAMESPACE,
            KubernetesTarget.Kind.deployment, Optional.empty());

    @TempDir
    Path state;

    @AfterEach
    void stop() throws InterruptedException {
        target.close();
        cluster.close();
    }

    @Test
    void shouldCallTheRolloutHealthyOnlyOnceKubectlWouldAfterSettingTheDigest() {
        cluster.deployment("web", image("web", 'a').toString(), 2);
        cluster.slow(image("web", 'b').toString());
        Instant started = Instant.now();

        Rollout rollout = target.deploy("web", image("web", 'b'), Instant.now().plus(TIMEOUT));

        assertThat(rollout.healthy()).as(rollout.reason()).isTrue();
        assertThat(Duration.between(started, Instant.now())).as("observed, then available").isGreaterThan(
                FakeCluster.SLOW_STEP);
        Deployment deployed = cluster.readDeployment("web");
        assertThat(cluster.deployedImage("web")).isEqualTo(image("web", 'b').toString());
        assertThat(deployed.getMetadata().getGeneration()).isEqualTo(2);
        assertThat(deployed.getStatus().getObservedGeneration()).isEqualTo(2);
        assertThat(deployed.getStatus().getUpdatedReplicas()).isEqualTo(2);
        assertThat(deployed.getStatus().getReplicas()).isEqualTo(2);
        assertThat(target.running("web")).contains(image("web", 'b'));
    }

    @Test
    void shouldPutThePreviousTemplateBackWhenTheProgressDeadlineIsExceeded() throws InterruptedException {
        Deployment before = cluster.deployment("web", image("web", 'a').toString(), 2);
        cluster.exceedsProgressDeadline(image("web", 'f').toString());

        ReleaseResult result = release().run(Action.DEPLOY, List.of(deploy("web", 'f')), TIMEOUT, "build 9");

        assertThat(result.rolledBack()).isTrue();
        assertThat(result.services()).singleElement().satisfies(web -> {
            assertThat(web.outcome()).as(web.reason()).isEqualTo(Outcome.UNHEALTHY);
            assertThat(web.reason()).contains("deployment web exceeded its progress deadline");
            assertThat(web.running()).isEqualTo(new Running.Image(image("web", 'a')));
        });
        Deployment after = cluster.readDeployment("web");
        assertThat(after.getSpec().getTemplate()).isEqualTo(before.getSpec().getTemplate());
        assertThat(after.getMetadata().getGeneration()).as("forward, then back").isEqualTo(3);
        assertThat(RolloutStatus.of(after).phase()).isEqualTo(RolloutStatus.Phase.COMPLETE);
    }

    @Test
    void shouldCallARolloutUnfinishedAtTheDeadlineUnhealthyAndPutItBack() throws InterruptedException {
        cluster.deployment("web", image("web", 'a').toString(), 2);
        cluster.neverAvailable(image("web", 'e').toString());

        ReleaseResult result = release().run(Action.DEPLOY, List.of(deploy("web", 'e')), Duration.ofSeconds(2),
                "test");

        assertThat(result.services()).singleElement().satisfies(web -> {
            assertThat(web.outcome()).as(web.reason()).isEqualTo(Outcome.UNHEALTHY);
            // on a loaded machine the fake controller may not yet have seen the new template at the deadline
            assertThat(web.reason()).isIn("not rolled out before the deadline (0 out of 2 new replicas have been updated)",
                    "not rolled out before the deadline (waiting for deployment web spec update to be observed)");
        });
        assertThat(cluster.deployedImage("web")).isEqualTo(image("web", 'a').toString());
    }

    @Test
    void shouldPutThePreviousTemplateBackWhenTheReleaseIsStoppedMidway() throws InterruptedException {
        cluster.deployment("web", image("web", 'a').toString(), 2);
        cluster.neverAvailable(image("web", 'e').toString());
        AtomicReference<ReleaseResult> result = new AtomicReference<>();
        Thread releasing = new Thread(() -> {
            try {
                result.set(release().run(Action.DEPLOY, List.of(deploy("web", 'e')), TIMEOUT, "test"));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        releasing.start();
        Instant movedBy = Instant.now().plus(TIMEOUT);
        while (!cluster.deployedImage("web").equals(image("web", 'e').toString()) && Instant.now().isBefore(movedBy)) {
            Thread.sleep(50);
        }

        releasing.interrupt();
        releasing.join(TIMEOUT.toMillis());

        assertThat(releasing.isAlive()).isFalse();
        assertThat(result.get().services()).singleElement().satisfies(web -> {
            assertThat(web.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(web.reason()).isEqualTo("the deploy was stopped");
            assertThat(web.running()).isEqualTo(new Running.Image(image("web", 'a')));
        });
        assertThat(cluster.deployedImage("web")).isEqualTo(image("web", 'a').toString());
    }

    @Test
    void shouldPutBothServicesBackWhenOneFails() throws InterruptedException {
        cluster.deployment("web", image("web", 'a').toString(), 2);
        cluster.deployment("worker", image("worker", 'a').toString(), 1);
        cluster.exceedsProgressDeadline(image("worker", 'f').toString());

        ReleaseResult result = release().run(Action.DEPLOY, List.of(deploy("web", 'b'), deploy("worker", 'f')),
                TIMEOUT, "build 10");

        assertThat(result.broken()).as(String.join("\n", result.summary())).isFalse();
        assertThat(result.services()).extracting(ServiceResult::service, ServiceResult::outcome, ServiceResult::running)
                .containsExactly(tuple("web", Outcome.ROLLED_BACK, new Running.Image(image("web", 'a'))),
                        tuple("worker", Outcome.UNHEALTHY, new Running.Image(image("worker", 'a'))));
        assertThat(cluster.deployedImage("web")).isEqualTo(image("web", 'a').toString());
        assertThat(cluster.deployedImage("worker")).isEqualTo(image("worker", 'a').toString());
        assertThat(new DeployHistory(state.resolve("deploys.jsonl")).records())
                .extracting(DeployRecord::target, DeployRecord::service, DeployRecord::from, DeployRecord::to)
                .containsExactly(
                        tuple(target.identity(), "web", image("web", 'a'), image("web", 'b')),
                        tuple(target.identity(), "worker", image("worker", 'a'), image("worker", 'f')));
    }

    @Test
    void shouldReadTheWorkloadAgainAndKeepTheOtherChangeWhenItChangedMeanwhile() {
        Deployment stale = cluster.deployment("web", image("web", 'a').toString(), 2);
        cluster.newClient().apps().deployments().inNamespace(FakeCluster.NAMESPACE).withName("web")
                .edit(deployment -> new DeploymentBuilder(deployment).editSpec().editTemplate().editMetadata()
                        .addToAnnotations("changed-by", "someone else").endMetadata().endTemplate().endSpec().build());
        // our first read sees the workload as it was before that change: our patch is refused with 409
        cluster.server.expect().get().withPath(PATH + "web").andReturn(200, stale).once();

        Rollout rollout = target.deploy("web", image("web", 'b'), Instant.now().plus(TIMEOUT));

        assertThat(rollout.healthy()).as(rollout.reason()).isTrue();
        Deployment after = cluster.readDeployment("web");
        assertThat(cluster.deployedImage("web")).isEqualTo(image("web", 'b').toString());
        assertThat(after.getSpec().getTemplate().getMetadata().getAnnotations())
                .containsEntry("changed-by", "someone else");
    }

    @Test
    void shouldKeepReadingAgainWhileAControllerWritesTheWorkloadBetweenOurReadAndOurPatch() {
        Deployment stale = cluster.deployment("web", image("web", 'a').toString(), 2);
        cluster.newClient().apps().deployments().inNamespace(FakeCluster.NAMESPACE).withName("web")
                .edit(deployment -> new DeploymentBuilder(deployment).editSpec().withReplicas(3).endSpec().build());
        // the deployment controller writes the status twice (observed, then available) after that change: our first
        // two attempts read the workload outdated (fabric8's patch reads it too: two reads an attempt)
        cluster.server.expect().get().withPath(PATH + "web").andReturn(200, stale).times(4);

        Rollout rollout = target.deploy("web", image("web", 'b'), Instant.now().plus(TIMEOUT));

        assertThat(rollout.healthy()).as(rollout.reason()).isTrue();
        assertThat(cluster.deployedImage("web")).isEqualTo(image("web", 'b').toString());
        assertThat(cluster.readDeployment("web").getSpec().getReplicas()).isEqualTo(3);
    }

    @Test
    void shouldGiveUpInOneLineWhenTheWorkloadChangedMeanwhileEachTime() {
        Deployment stale = cluster.deployment("web", image("web", 'a').toString(), 2);
        cluster.newClient().apps().deployments().inNamespace(FakeCluster.NAMESPACE).withName("web")
                .edit(deployment -> new DeploymentBuilder(deployment).editSpec().withReplicas(3).endSpec().build());
        cluster.server.expect().get().withPath(PATH + "web").andReturn(200, stale).always();

        assertThatThrownBy(() -> target.deploy("web", image("web", 'b'), Instant.now().plus(TIMEOUT)))
                .isInstanceOf(DeployException.class)
                .hasMessageStartingWith("could not change the pod template of deployment web (it was changed by"
                        + " someone else meanwhile, " + Workloads.ATTEMPTS + " times) on " + cluster.server.url("/"))
                .hasMessageContaining("HTTP 409")
                .hasMessageNotContaining("\n");
        assertThat(cluster.deployedImage("web")).isEqualTo(image("web", 'a').toString());
    }

    @Test
    void shouldSayInOneLineThatThereIsNoSuchDeployment() {
        assertThat(target.running("nope")).isEmpty();
        assertThatThrownBy(() -> target.deploy("nope", image("nope", 'b'), Instant.now().plus(TIMEOUT)))
                .isInstanceOf(DeployException.class)
                .hasMessage("deployment nope not found in namespace shop on " + cluster.server.url("/"));
    }

    @Test
    void shouldNotStartAReleaseOverAWorkloadWhoseImageIsNoReferenceAndSayWhich() {
        cluster.deployment("web", "registry.example/shop/Web:1", 1);

        assertThatThrownBy(() -> release().run(Action.DEPLOY, List.of(deploy("web", 'b')), TIMEOUT, "build 11"))
                .isInstanceOf(DeployException.class)
                .hasMessage("deployment web on " + target.identity() + " names no valid image: Invalid image reference"
                        + " 'registry.example/shop/Web:1': repository 'shop/Web' must be lowercase");
        assertThat(cluster.deployedImage("web")).as("what to put back is not known").isEqualTo(
                "registry.example/shop/Web:1");
    }

    @Test
    void shouldNameTheContainerToDeployWhenThePodHasSeveral() {
        cluster.deployment("web", image("web", 'a').toString(), 1);
        cluster.newClient().apps().deployments().inNamespace(FakeCluster.NAMESPACE).withName("web")
                .edit(deployment -> new DeploymentBuilder(deployment).editSpec().editTemplate().editSpec()
                        .addNewContainer().withName("proxy").withImage("registry.example/proxy:1").endContainer()
                        .endSpec().endTemplate().endSpec().build());
        KubernetesTarget proxy = new KubernetesTarget(cluster.newClient(), FakeCluster.NAMESPACE,
                KubernetesTarget.Kind.deployment, Optional.of("proxy"));

        assertThatThrownBy(() -> target.running("web")).isInstanceOf(DeployException.class)
                .hasMessage("deployment web has 2 containers (app, proxy): name the one to deploy (container option)");
        assertThat(proxy.running("web")).contains(ImageReference.parse("registry.example/proxy:1"));
        proxy.close();
    }

    @Test
    void shouldRollAStatefulSetOutAndBack() {
        cluster.statefulSet("db", image("db", 'a').toString(), 2);
        KubernetesTarget sets = new KubernetesTarget(cluster.newClient(), FakeCluster.NAMESPACE,
                KubernetesTarget.Kind.statefulset, Optional.empty());

        Rollout rollout = sets.deploy("db", image("db", 'b'), Instant.now().plus(TIMEOUT));
        String deployed = cluster.readStatefulSet("db").getSpec().getTemplate().getSpec().getContainers().get(0).getImage();
        sets.undo("db", Optional.of(image("db", 'a')), Instant.now().plus(TIMEOUT));

        assertThat(rollout.healthy()).as(rollout.reason()).isTrue();
        assertThat(deployed).isEqualTo(image("db", 'b').toString());
        assertThat(sets.running("db")).contains(image("db", 'a'));
        assertThat(RolloutStatus.of(cluster.readStatefulSet("db")).phase()).isEqualTo(RolloutStatus.Phase.COMPLETE);
        assertThat(sets.identity()).isEqualTo("kubernetes " + cluster.server.url("/") + " shop/statefulset");
        sets.close();
    }

    private Release release() {
        return new Release(target, new DeployHistory(state.resolve("deploys.jsonl")), Duration.ofSeconds(5));
    }

    private static ServiceDeploy deploy(String service, char digit) {
        return new ServiceDeploy(service, image(service, digit), Optional.empty());
    }

    private static ImageReference image(String service, char digit) {
        return ImageReference.parse("registry.example/shop/" + service + "@sha256:" + String.valueOf(digit).repeat(64));
    }
}
