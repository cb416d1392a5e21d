package io.jenkins.plugins.optimizeddeploy.library;

import static org.assertj.core.api.Assertions.assertThat;

import com.lesfurets.jenkins.unit.MethodSignature;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * optimizedDeploy inside a Declarative Pipeline's {@code steps}/{@code script} block: the blocks of the
 * {@code pipeline} are stand-ins that run their bodies, and {@code agent} gives the node, as Declarative does.
 */
class DeclarativeUseTest extends LibraryPipelineTest {

    @BeforeEach
    void declarativeBlocks() {
        block("pipeline", () -> { });
        block("agent", () -> env.put("NODE_NAME", "docker-1"));
        block("stages", () -> { });
        block("steps", () -> { });
        block("script", () -> { });
        getHelper().registerAllowedMethod(MethodSignature.method("label", String.class), (Object label) -> null);
    }

    @Test
    void shouldWorkInTheWorkspaceOfTheDeclarativeAgentWithoutANodeOrCheckoutOfItsOwn() {
        Object result = run("declarative", Map.of("registry", "registry.example.com/team", "target", "docker"));

        assertThat(calls()).containsExactly(
                "stage(Ship, groovy.lang.Closure)",
                "stage(Harden, groovy.lang.Closure)",
                "hardenDockerfile({files=[Dockerfile], failOn=error, fix=false})",
                "stage(Build, groovy.lang.Closure)",
                "bakeImages({file=docker-bake.hcl, registry=registry.example.com/team, backend=auto,"
                        + " defaultBranch=main, group=essential})",
                "stage(Verify, groovy.lang.Closure)",
                "verifyImage({image=registry.example.com/team/sample-app/web:3f9c2e1@sha256:" + "1".repeat(64)
                        + ", failOn=error})",
                "verifyImage({image=registry.example.com/team/sample-app/worker:3f9c2e1@sha256:" + "2".repeat(64)
                        + ", failOn=error})",
                "stage(Deploy, groovy.lang.Closure)",
                "deployImages({target=docker, services={web=registry.example.com/team/sample-app/web:3f9c2e1@sha256:"
                        + "1".repeat(64) + ", worker=registry.example.com/team/sample-app/worker:3f9c2e1@sha256:"
                        + "2".repeat(64) + "}, propagate=false, timeout=120})");
        assertThat(result).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("deploy", recorded("deployImages"));
    }
}
