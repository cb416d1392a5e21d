package io.jenkins.plugins.optimizeddeploy.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import groovy.lang.GString;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.codehaus.groovy.runtime.GStringImpl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** optimizedDeploy(...) as a scripted Jenkinsfile's whole pipeline: its stages, its steps and their arguments. */
class OptimizedDeployTest extends LibraryPipelineTest {

    private static final String WEB = "registry.example.com/team/sample-app/web:3f9c2e1";
    private static final String WORKER = "registry.example.com/team/sample-app/worker:3f9c2e1";
    private static final String WEB_DIGEST = "sha256:" + "1".repeat(64);
    private static final String WORKER_DIGEST = "sha256:" + "2".repeat(64);
    private static final String KEYS = "harden, dockerfiles, fix, failOn, bakeFile, group, targets, registry, "
            + "credentialsId, backend, cacheRepository, verify, releaseTags, deploy, defaultBranch, target, dockerHost, "
            + "services, health, timeout, deployOptions";

    @Test
    void shouldRunEveryStageWithTheDefaultsOnANodeOfItsOwn() {
        run("scripted", Map.of("registry", "registry.example.com/team", "releaseTags", List.of("1.4.2", "prod")));

        assertThat(calls()).containsExactly(
                "node(groovy.lang.Closure)",
                "checkout({type=GitSCM})",
                "stage(Harden, groovy.lang.Closure)",
                "hardenDockerfile({files=[Dockerfile], failOn=error, fix=false})",
                "stage(Build, groovy.lang.Closure)",
                "bakeImages({file=docker-bake.hcl, registry=registry.example.com/team, backend=auto, defaultBranch=main,"
                        + " group=essential, commit=3f9c2e1, sourceUrl=https://git.example.com/team/sample-app.git})",
                "stage(Verify, groovy.lang.Closure)",
                "verifyImage({image=" + WEB + "@" + WEB_DIGEST + ", failOn=error})",
                "verifyImage({image=" + WORKER + "@" + WORKER_DIGEST + ", failOn=error})",
                "stage(Release, groovy.lang.Closure)",
                "retagImages({images=[" + WEB + ", " + WORKER + "], tags=[1.4.2, prod]})",
                "stage(Deploy, groovy.lang.Closure)",
                "deployImages({target=swarm, services={web=" + WEB + "@" + WEB_DIGEST + ", worker=" + WORKER + "@"
                        + WORKER_DIGEST + "}, propagate=false, timeout=120})");
        assertJobStatusSuccess();
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldReturnImagesCacheHitRateFindingsReleaseTagsDeployOutcomeAndTheReportUrl() {
        Map<String, Object> result = (Map<String, Object>) run("scripted",
                Map.of("registry", "registry.example.com/team", "releaseTags", List.of("1.4.2", "prod")));

        assertThat(result).containsOnlyKeys("images", "cacheHitRate", "findings", "releaseTags", "deploy", "reportUrl");
        assertThat((List<Object>) result.get("images")).containsExactly(
                Map.of("target", "web", "image", WEB, "digest", WEB_DIGEST, "compressedBytes", 1482213),
                Map.of("target", "worker", "image", WORKER, "digest", WORKER_DIGEST, "compressedBytes", 9921410));
        assertThat(result.get("cacheHitRate")).as("19 of 20 steps cached").isEqualTo(0.95);
        Map<String, Object> findings = (Map<String, Object>) result.get("findings");
        assertThat(findings).containsEntry("dockerfiles", recorded("hardenDockerfile"));
        assertThat((Map<String, Object>) findings.get("images")).containsOnlyKeys("web", "worker")
                .containsEntry("web", recorded("verifyImage"));
        assertThat(result.get("releaseTags")).isEqualTo(recorded("retagImages"));
        assertThat(result.get("deploy")).isEqualTo(recorded("deployImages"));
        assertThat(result.get("reportUrl"))
                .isEqualTo("https://jenkins.example.com/job/sample-app/job/main/42/optimized-deploy/");
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldTakeTheGlobalConfigurationOverTheDefaultsAndTheCallOverBoth() {
        globalConfiguration.putAll(Map.of("registry", "global.example.com/team", "credentialsId", "registry-ci",
                "cacheRepository", "global.example.com/cache", "backend", "buildx", "failOn", "warning"));
        globalConfiguration.put("defaultBranch", "");

        run("scripted", Map.of("backend", "docker", "dockerfiles", List.of("Dockerfile", "tools/Dockerfile"),
                "timeout", 300));

        assertThat((Map<String, Object>) argumentsOf("hardenDockerfile").get(0))
                .containsEntry("failOn", "warning").containsEntry("files", List.of("Dockerfile", "tools/Dockerfile"));
        assertThat((Map<String, Object>) argumentsOf("bakeImages").get(0))
                .containsEntry("registry", "global.example.com/team")
                .containsEntry("credentialsId", "registry-ci")
                .containsEntry("cache", Map.of("repository", "global.example.com/cache"))
                .as("the call over the global configuration").containsEntry("backend", "docker")
                .as("a blank global value is unset").containsEntry("defaultBranch", "main");
        assertThat((Map<String, Object>) argumentsOf("verifyImage").get(0)).containsEntry("failOn", "warning")
                .containsEntry("credentialsId", "registry-ci");
        assertThat((Map<String, Object>) argumentsOf("deployImages").get(0)).containsEntry("timeout", 300)
                .containsEntry("credentialsId", "registry-ci");
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldGiveTheStepsStringsWhereTheCallHadGStrings() {
        GString tag = new GStringImpl(new Object[] {42}, new String[] {"1.0.", ""});

        run("scripted", Map.of("releaseTags", List.of(tag), "health", Map.of("web", tag)));

        assertThat((List<Object>) ((Map<String, Object>) argumentsOf("retagImages").get(0)).get("tags"))
                .containsExactly("1.0.42").first().isInstanceOf(String.class);
        assertThat(((Map<String, Object>) ((Map<String, Object>) argumentsOf("deployImages").get(0)).get("health"))
                .get("web")).isInstanceOf(String.class);
    }

    @Test
    void shouldFailAtOnceNamingAnUnknownKeyAndTheKnownOnes() {
        assertThatThrownBy(() -> run("scripted", Map.of("registry", "registry.example.com/team", "grup", "all")))
                .hasMessage("optimizedDeploy: unknown key 'grup'; the keys are: " + KEYS);

        assertThat(calls()).containsExactly("error(optimizedDeploy: unknown key 'grup'; the keys are: " + KEYS + ")");
        assertJobStatusFailure();
    }

    @Test
    void shouldFailAtOnceNamingAKeyOfTheWrongTypeAndWhatItMustBe() {
        assertThatThrownBy(() -> run("scripted", Map.of("timeout", "120s")))
                .hasMessage("optimizedDeploy: 'timeout' must be a number, was a string; the keys are: " + KEYS);
        assertThatThrownBy(() -> run("scripted", Map.of("releaseTags", "1.4.2")))
                .hasMessage("optimizedDeploy: 'releaseTags' must be a list, was a string; the keys are: " + KEYS);
        assertThatThrownBy(() -> run("scripted", Map.of("group", java.time.Duration.ofSeconds(5))))
                .hasMessage("optimizedDeploy: 'group' must be a string, was something else; the keys are: " + KEYS);
        assertThatThrownBy(() -> run("scripted", Map.of("deploy", "false")))
                .hasMessage("optimizedDeploy: 'deploy' must be a boolean (true or false), was a string; the keys are: "
                        + KEYS);

        assertThat(stages()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "deployImages-unhealthy | optimizedDeploy: web unhealthy: its HEALTHCHECK failed: exit code 1, wget: server"
                + " returned error: HTTP/1.0 500 Internal Server Error; every service was put back",
        "deployImages-not-put-back | optimizedDeploy: could not put everything back: web"
                + " unhealthy: its HEALTHCHECK failed: exit code 1, wget: server returned error: HTTP/1.0 500 Internal"
                + " Server Error; worker rollback failed: docker service rollback exited 1 (web runs nothing, worker runs"
                + " registry.example.com/team/sample-app/worker@sha256:2222222222222222222222222222222222222222222222222222"
                + "222222222222)"})
    void shouldShowARollbackStageAndFailWithTheGatesLineWhenTheHealthGateFailed(String recordedResult, String line) {
        deployResult = recordedResult;

        assertThatThrownBy(() -> run("scripted", Map.of("registry", "registry.example.com/team"))).hasMessage(line);

        assertThat(stages()).containsExactly("Harden", "Build", "Verify", "Deploy", "Rollback");
        assertThat(argumentsOf("deployImages")).singleElement()
                .satisfies(arguments -> assertThat((Map<String, Object>) arguments).containsEntry("propagate", false));
        assertThat(argumentsOf("echo")).contains(line);
        assertThat(calls()).endsWith("stage(Rollback, groovy.lang.Closure)", "error(" + line + ")");
        assertThat(argumentsOf("rollbackDeploy")).as("deployImages has put the services back itself").isEmpty();
        assertJobStatusFailure();
    }

    @Test
    void shouldFailWithoutARollbackStageWhenTheDeployMovedNothing() {
        deployFailure = "deployImages: 'target' must be swarm or docker, was 'swarn'";

        assertThatThrownBy(() -> run("scripted", Map.of("target", "swarn"))).hasMessage(deployFailure);

        assertThat(stages()).containsExactly("Harden", "Build", "Verify", "Deploy");
    }

    @Test
    void shouldRunOnlyTheRollbackStageWhenTheBuildPageAskedToRollBackToABuild() {
        env.put("OPTIMIZED_DEPLOY_ROLLBACK_BUILD", "41");
        Map<String, Object> services = new LinkedHashMap<>();
        services.put("web", "web");
        services.put("worker", "worker");

        Object result = run("scripted", Map.of("services", services, "credentialsId", "registry-ci"));

        assertThat(calls()).containsExactly(
                "node(groovy.lang.Closure)",
                "stage(Rollback, groovy.lang.Closure)",
                "rollbackDeploy({target=swarm, services=[web, worker], to=41, credentialsId=registry-ci, timeout=120})");
        assertThat(result).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .contains(entry("deploy", recorded("rollbackDeploy")), entry("images", List.of()));
    }

    @Test
    void shouldRollBackToTheBuildTheRollbackParameterNames() {
        params.put("ROLLBACK_TO_BUILD", "39");

        run("scripted", Map.of("targets", List.of("web"), "health", Map.of("web", "http://web.internal/health")));

        assertThat(calls()).containsExactly(
                "node(groovy.lang.Closure)",
                "stage(Rollback, groovy.lang.Closure)",
                "rollbackDeploy({target=swarm, services=[web], to=39, health={web=http://web.internal/health},"
                        + " timeout=120})");
    }

    @Test
    void shouldRefuseARollbackRequestThatNamesNoService() {
        env.put("OPTIMIZED_DEPLOY_ROLLBACK_BUILD", "41");

        assertThatThrownBy(() -> run("scripted", Map.of()))
                .hasMessage("optimizedDeploy: a rollback to build 41 needs 'services' (or 'targets') to name the services");
        assertThat(stages()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "PR-17         | 17 | a pull request (change 17) is never deployed",
        "feature/cache |    | branch feature/cache is not the default branch main"})
    void shouldDeployNeitherAPullRequestNorAnotherBranchThanTheDefaultOne(String branch, String changeId,
            String reason) {
        env.put("BRANCH_NAME", branch);
        if (changeId != null) {
            env.put("CHANGE_ID", changeId);
        }

        run("scripted", Map.of());

        assertThat(stages()).containsExactly("Harden", "Build", "Verify");
        assertThat(argumentsOf("echo")).contains("optimizedDeploy: no Deploy stage: " + reason);
    }

    @Test
    void shouldDeployFromTheDefaultBranchTheGlobalConfigurationNames() {
        env.put("BRANCH_NAME", "develop");
        globalConfiguration.put("defaultBranch", "develop");

        run("scripted", Map.of());

        assertThat(stages()).endsWith("Deploy");
    }

    @Test
    void shouldRunOnlyTheStagesSwitchedOn() {
        run("scripted", Map.of("harden", false, "verify", false, "deploy", false));

        assertThat(stages()).containsExactly("Build");
        assertThat(argumentsOf("echo")).contains("optimizedDeploy: no Deploy stage: deploy: false");
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldBuildTheTargetsGivenInsteadOfTheGroupAndDeployTheServicesMappedToThem() {
        run("scripted", Map.of("targets", List.of("web"), "services", Map.of("frontend", "web"),
                "health", Map.of("frontend", "http://frontend.internal/health"), "target", "docker",
                "dockerHost", "ssh://deploy@app.internal", "deployOptions", Map.of("history", "/var/lib/deploys.jsonl")));

        assertThat((Map<String, Object>) argumentsOf("bakeImages").get(0)).containsEntry("targets", List.of("web"))
                .doesNotContainKey("group");
        assertThat(calls()).last().isEqualTo("deployImages({target=docker, services={frontend=" + WEB + "@" + WEB_DIGEST
                + "}, propagate=false, dockerHost=ssh://deploy@app.internal, health={frontend=http://frontend.internal/health},"
                + " timeout=120, history=/var/lib/deploys.jsonl})");
    }

    @Test
    void shouldRefuseAServiceMappedToATargetThatWasNotBuilt() {
        assertThatThrownBy(() -> run("scripted", Map.of("services", Map.of("frontend", "webb"))))
                .hasMessage("optimizedDeploy: 'services' maps frontend to webb, which is not one of the built targets"
                        + " web, worker");
        assertThat(stages()).doesNotContain("Deploy");
    }
}
