package io.jenkins.plugins.optimizeddeploy.library;

import static org.assertj.core.api.Assertions.assertThat;

import com.lesfurets.jenkins.unit.MethodSignature;
import groovy.lang.Closure;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** examples/sample-app/Jenkinsfile, as a job on this repository runs it. */
class SampleAppJenkinsfileTest extends LibraryPipelineTest {

    @BeforeEach
    void jobOnThisRepository() {
        params.put("REGISTRY", "registry.example.com/team");
        params.put("BASE_IMAGE", "registry.example.com/base/busybox:latest");
        params.put("ROLLBACK_TO_BUILD", "");
        env.put("BUILD_NUMBER", "42");
        getHelper().registerAllowedMethod("node", List.of(String.class, Closure.class), new Closure<Object>(null) {
            @SuppressWarnings("unused") // called by Groovy
            public Object doCall(String label, Closure<?> body) {
                env.put("NODE_NAME", "docker-1");
                return getHelper().callClosure(body);
            }
        });
        getHelper().registerAllowedMethod("withEnv", List.of(List.class, Closure.class), new Closure<Object>(null) {
            @SuppressWarnings("unused") // called by Groovy
            public Object doCall(List<?> variables, Closure<?> body) {
                return getHelper().callClosure(body);
            }
        });
        getHelper().registerAllowedMethod(MethodSignature.method("parameters", List.class), (Object list) -> list);
    }

    @Test
    void shouldBuildTheEssentialServicesOfTheSampleAppAndDeployThemToSwarm() throws Exception {
        runScript("examples/sample-app/Jenkinsfile");

        assertThat(stages()).containsExactly("Harden", "Build", "Verify", "Release", "Deploy");
        assertThat(argumentsOf("dir")).containsExactly("examples/sample-app");
        assertThat(argumentsOf("withEnv")).map(String::valueOf).containsExactly("[GIT_COMMIT=3f9c2e1,"
                + " GIT_URL=https://git.example.com/team/sample-app.git,"
                + " BASE_IMAGE=registry.example.com/base/busybox:latest]");
        assertThat(argumentsOf("bakeImages")).containsExactly(Map.of("file", "docker-bake.hcl",
                "registry", "registry.example.com/team", "backend", "auto", "credentialsId", "registry-ci",
                "defaultBranch", "main", "group", "essential"));
        assertThat(argumentsOf("retagImages")).singleElement().asInstanceOf(
                org.assertj.core.api.InstanceOfAssertFactories.MAP).containsEntry("tags", List.of("1.0.42"));
        assertThat(argumentsOf("echo")).contains(
                "2 images, 95 % of the steps cached",
                "What this build cost: https://jenkins.example.com/job/sample-app/job/main/42/optimized-deploy/");
        assertJobStatusSuccess();
    }

    @Test
    void shouldPutWebAndWorkerBackOnTheBuildTheParameterNames() throws Exception {
        params.put("ROLLBACK_TO_BUILD", "40");

        runScript("examples/sample-app/Jenkinsfile");

        assertThat(stages()).containsExactly("Rollback");
        assertThat(argumentsOf("rollbackDeploy")).containsExactly(Map.of("target", "swarm",
                "services", List.of("web", "worker"), "to", "40", "credentialsId", "registry-ci", "timeout", 60));
        assertThat(argumentsOf("echo")).doesNotContain("0 images, 0 % of the steps cached");
    }
}
