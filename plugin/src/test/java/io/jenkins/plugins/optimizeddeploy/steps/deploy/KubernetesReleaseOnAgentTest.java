package io.jenkins.plugins.optimizeddeploy.steps.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.jenkins.plugins.optimizeddeploy.engine.errors.BadInputException;
import io.jenkins.plugins.optimizeddeploy.steps.BuildLog;
import io.jenkins.plugins.optimizeddeploy.steps.BuilderAccess;
import io.jenkins.plugins.optimizeddeploy.steps.LocalLauncherProcesses;
import io.jenkins.plugins.optimizeddeploy.steps.StepOutcome;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent side of deployImages with the kubernetes target against fabric8's API server fake (CRUD mode), reached
 * through a kubeconfig in the workspace whose token must never reach the build log.
 */
class KubernetesReleaseOnAgentTest {
    private static final String TOKEN = "kube-token-that-must-not-show";
    private static final String IMAGE = "registry.example/shop/web@sha256:" + "a".repeat(64);

    private final KubernetesMockServer server = new KubernetesMockServer(new Context(), new MockWebServer(),
            new HashMap<>(), new KubernetesCrudDispatcher(), false);
    private final BuildLog log = new BuildLog();
    @TempDir
    Path workspace;
    @TempDir
    Path credentialsFolder;

    @BeforeEach
    void startTheApiServer() throws IOException {
        server.init(InetAddress.getLoopbackAddress(), 0);
        Files.writeString(workspace.resolve("kubeconfig"), """
                apiVersion: v1
                kind: Config
                clusters: [{name: fake, cluster: {server: '%s'}}]
                contexts: [{name: fake, context: {cluster: fake, user: deployer}}]
                current-context: fake
                users: [{name: deployer, user: {token: %s}}]
                """.formatted(server.url("/"), TOKEN));
    }

    @AfterEach
    void stop() {
        server.destroy();
    }

    @Test
    void shouldFindTheRolledOutDeploymentHealthyAndRecordItOnTheKubernetesTarget() throws Exception {
        createRolledOutWebDeployment();

        StepOutcome<Map<String, Object>> outcome = release(new DeployImagesStep("kubernetes", Map.of("web", IMAGE)));

        assertThat(outcome.failure()).as(String.join("\n", outcome.log())).isNull();
        assertThat(outcome.value()).containsEntry("rolledBack", false);
        assertThat(log.text()).contains("deployImages: deploy of 1 service(s) to kubernetes " + server.url("/")
                + " shop/deployment").doesNotContain(TOKEN);
        assertThat(Files.readString(workspace.resolve("state/deploys.jsonl")))
                .contains("\"target\":\"kubernetes " + server.url("/") + " shop/deployment\"", "\"outcome\":\"HEALTHY\"");
    }

    @Test
    void shouldFailInOneLineForAnUnknownDeploymentOrContext() throws Exception {
        StepOutcome<Map<String, Object>> unknown = release(new DeployImagesStep("kubernetes", Map.of("nope", IMAGE)));
        DeployImagesStep otherContext = new DeployImagesStep("kubernetes", Map.of("web", IMAGE));
        otherContext.setKubeconfig("kubeconfig");
        otherContext.setContext("prod");

        assertThat(unknown.failure()).startsWith("deployImages: nope ")
                .contains("deployment nope not found in namespace shop on " + server.url("/"))
                .doesNotContain("\n").doesNotContain(TOKEN);
        // the agent turns it into the step's one-line AbortException, as every engine exception
        assertThatThrownBy(() -> otherContext.kubernetesPlan(null).connect(workspace))
                .isInstanceOf(BadInputException.class)
                .hasMessage("kubeconfig [" + workspace.resolve("kubeconfig") + "] has no context prod");
    }

    @Test
    void shouldReachTheClusterThroughTheBuildsKubeconfigAsWithCredentialsSetsIt() throws Exception {
        createRolledOutWebDeployment();
        Path secretFile = Files.move(workspace.resolve("kubeconfig"), credentialsFolder.resolve("kubeconfig"));
        DeployImagesStep noKubeconfigArgument = new DeployImagesStep("kubernetes", Map.of("web", IMAGE));

        StepOutcome<Map<String, Object>> outcome = release(noKubeconfigArgument, null, secretFile.toString());

        assertThat(outcome.failure()).as(String.join("\n", outcome.log())).isNull();
        assertThat(log.text()).contains("deploy of 1 service(s) to kubernetes " + server.url("/")).doesNotContain(TOKEN);
    }

    @Test
    void shouldRefuseAKubeconfigListInOneLine() {
        DeployImagesStep step = new DeployImagesStep("kubernetes", Map.of("web", IMAGE));
        Map<String, String> environment = Map.of("KUBECONFIG", "/one/config:/other/config");

        // the agent turns it into the step's one-line AbortException, as every engine exception
        assertThatThrownBy(() -> ReleasePlan.of(step, step.destinations(), environment).kubernetes().connect(workspace))
                .isInstanceOf(BadInputException.class).hasMessage("kubeconfig '/one/config:/other/config' names"
                        + " several files; the kubernetes target reads one: name it with kubeconfig");
    }

    /** web in namespace shop, running IMAGE, its status as a controller leaves it after the rollout. */
    private void createRolledOutWebDeployment() {
        try (KubernetesClient client = server.createClient()) {
            client.apps().deployments().inNamespace("shop").resource(new DeploymentBuilder()
                    .withNewMetadata().withName("web").endMetadata()
                    .withNewSpec().withReplicas(1).withNewTemplate().withNewSpec().addNewContainer().withName("app")
                    .withImage(IMAGE).endContainer().endSpec().endTemplate().endSpec()
                    .withNewStatus().withObservedGeneration(1L).withReplicas(1).withUpdatedReplicas(1)
                    .withAvailableReplicas(1).endStatus().build()).create();
        }
    }

    private StepOutcome<Map<String, Object>> release(DeployStep step) throws IOException, InterruptedException {
        return release(step, "kubeconfig", null);
    }

    /** @param buildKubeconfig the build's {@code KUBECONFIG}, or null */
    private StepOutcome<Map<String, Object>> release(DeployStep step, String kubeconfig, String buildKubeconfig)
            throws IOException, InterruptedException {
        step.setHistory("state/deploys.jsonl");
        step.setKubeconfig(kubeconfig);
        step.setNamespace("shop");
        step.setTimeout(20);
        Map<String, String> environment = new HashMap<>(Map.of("PATH", System.getenv("PATH"), "BUILD_TAG",
                "jenkins-kube-3"));
        if (buildKubeconfig != null) {
            environment.put("KUBECONFIG", buildKubeconfig);
        }
        Path temporary = workspace.resolveSibling(workspace.getFileName() + "@tmp");
        return new ReleaseOnAgent(ReleasePlan.of(step, step.destinations(), environment),
                new BuilderAccess(null, environment, false, temporary.toString()),
                new BuilderAccess(null, environment, false, temporary.toString()),
                new LocalLauncherProcesses(List.of(), environment), log, null).invoke(workspace.toFile(), null);
    }
}
