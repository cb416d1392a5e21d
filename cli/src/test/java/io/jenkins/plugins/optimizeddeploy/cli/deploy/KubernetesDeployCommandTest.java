package io.jenkins.plugins.optimizeddeploy.cli.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.jenkins.plugins.optimizeddeploy.cli.CliRun;
import io.jenkins.plugins.optimizeddeploy.cli.common.ExitCode;
import io.jenkins.plugins.optimizeddeploy.engine.deploy.KubernetesTarget;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code deploy --target kubernetes} against fabric8's API server fake, connected through a kubeconfig file. */
class KubernetesDeployCommandTest {
    private static final String TOKEN = "kube-token-that-must-not-show";
    private static final String IMAGE = "registry.example/shop/web@sha256:" + "a".repeat(64);

    private final KubernetesMockServer server = new KubernetesMockServer(new Context(), new MockWebServer(),
            new HashMap<>(), new KubernetesCrudDispatcher(), false);

    @TempDir
    Path state;

    @AfterEach
    void stop() {
        server.destroy();
    }

    @Test
    void shouldReadTheKubernetesOptions() {
        DeployCommand command = CommandLine.populateCommand(new DeployCommand(), "--target", "kubernetes",
                "--kubeconfig", "/etc/kube/config", "--context", "prod", "--namespace", "shop", "--kind", "statefulset",
                "--container", "app", "--service", "db=" + IMAGE);

        assertThat(command.target.target).isEqualTo(DeployTargetOptions.TargetKind.kubernetes);
        assertThat(command.target.kubeconfig).isEqualTo(Path.of("/etc/kube/config"));
        assertThat(command.target.context).isEqualTo("prod");
        assertThat(command.target.namespace).isEqualTo("shop");
        assertThat(command.target.kind).isEqualTo(KubernetesTarget.Kind.statefulset);
        assertThat(command.target.container).isEqualTo("app");
    }

    @Test
    void shouldSayInOneLineThatThereIsNoSuchDeploymentAndNeverShowTheToken() throws IOException {
        server.init(InetAddress.getLoopbackAddress(), 0);

        CliRun deploy = CliRun.of("deploy", "--target", "kubernetes", "--kubeconfig", kubeconfig().toString(),
                "--service", "web=" + IMAGE, "--history", state.resolve("deploys.jsonl").toString());

        assertThat(deploy.exitCode()).as(deploy.err()).isEqualTo(ExitCode.FAILURE);
        assertThat(deploy.err()).isEqualTo("optimized-deploy: web FAILED: deployment web not found in namespace shop on "
                + server.url("/") + System.lineSeparator());
        assertThat(deploy.out()).contains("web: FAILED " + IMAGE).contains("(runs nothing)");
        assertThat(deploy.out() + deploy.err()).doesNotContain(TOKEN);
    }

    @Test
    void shouldExitWithBadInputForAMissingKubeconfigAnUnknownContextOrKind() throws IOException {
        server.init(InetAddress.getLoopbackAddress(), 0);
        Path missing = state.resolve("missing-config");

        CliRun noFile = CliRun.of("deploy", "--target", "kubernetes", "--kubeconfig", missing.toString(), "--service",
                "web=" + IMAGE);
        CliRun noContext = CliRun.of("deploy", "--target", "kubernetes", "--kubeconfig", kubeconfig().toString(),
                "--context", "prod", "--service", "web=" + IMAGE);
        CliRun noKind = CliRun.of("deploy", "--target", "kubernetes", "--kind", "job", "--service", "web=" + IMAGE);

        assertThat(noFile.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(noFile.err()).startsWith("optimized-deploy: kubeconfig " + missing + " is not a readable file" + System.lineSeparator());
        assertThat(noContext.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(noContext.err()).startsWith("optimized-deploy: kubeconfig [" + kubeconfig() + "] has no context prod"
                + System.lineSeparator());
        assertThat(noKind.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(noKind.err()).contains("--kind", "job", "deployment, statefulset");
        assertThat(noContext.err()).doesNotContain(TOKEN).doesNotContain("Exception");
    }

    private Path kubeconfig() throws IOException {
        Path file = state.resolve("kubeconfig");
        Files.writeString(file, """
                apiVersion: v1
                kind: Config
                clusters:
                - name: fake
                  cluster:
                    server: %s
                contexts:
                - name: fake
                  context: {cluster: fake, user: deployer, namespace: shop}
                current-context: fake
                users:
                - name: deployer
                  user: {token: %s}
                """.formatted(server.url("/"), TOKEN));
        return file;
    }
}
