package io.jenkins.plugins.optimizeddeploy.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.optimizeddeploy.engine.deploy.HttpHealthCheck;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The arguments of deployImages and rollbackDeploy, as a Pipeline script and as the snippet generator's form give them. */
class DeployStepTest {

    private static final String DIGEST = "sha256:" + "0123456789abcdef".repeat(4);

    @Test
    void shouldReadTheServicesAndHealthUrlsFromAPipelineMapAndFromTheFormsLinesAlike() {
        DeployImagesStep fromScript = new DeployImagesStep("swarm", Map.of("web", "reg.example.com/team/web:1.4.2"));
        fromScript.setHealth(Map.of("web", "http://web.internal:8080/health"));
        DeployImagesStep fromForm = new DeployImagesStep("swarm", " web = reg.example.com/team/web:1.4.2 \n\n");
        fromForm.setHealth("web=http://web.internal:8080/health");

        assertThat(fromForm.getServices()).isEqualTo(fromScript.getServices())
                .containsExactly(Map.entry("web", "reg.example.com/team/web:1.4.2"));
        assertThat(fromForm.getHealth()).isEqualTo(fromScript.getHealth());
        assertThat(fromForm.getServicesText()).isEqualTo("web=reg.example.com/team/web:1.4.2");
    }

    @Test
    void shouldTakeAHealthCheckWithItsOptionsAsAPipelineMapOrAFormLine() {
        DeployImagesStep fromScript = new DeployImagesStep("swarm", Map.of("web", "r/web:1", "worker", "r/worker:1"));
        Map<String, Object> web = new LinkedHashMap<>();
        web.put("url", "http://web.internal:8080/health");
        web.put("status", 204);
        web.put("body", "all ok");
        web.put("successes", 2);
        web.put("interval", 0.5);
        fromScript.setHealth(new LinkedHashMap<>(Map.of("web", web)));
        DeployImagesStep fromForm = new DeployImagesStep("swarm", "web=r/web:1\nworker=r/worker:1");
        fromForm.setHealth("web=http://web.internal:8080/health status=204 successes=2 interval=0.5 body=all ok");
        fromScript.requireValid();

        assertThat(fromScript.getHealth()).isEqualTo(fromForm.getHealth());
        HttpHealthCheck check = HealthCheckArgument.check("web", fromScript.getHealth().get("web"));
        assertThat(check.url()).hasToString("http://web.internal:8080/health");
        assertThat(check.expectedStatus()).isEqualTo(204);
        assertThat(check.bodyPattern()).hasValueSatisfying(body -> assertThat(body.pattern()).isEqualTo("all ok"));
        assertThat(check.successes()).isEqualTo(2);
        assertThat(check.interval()).isEqualTo(Duration.ofMillis(500));
        assertThat(HealthCheckArgument.check("web", "http://web/health")).isEqualTo(
                HttpHealthCheck.of(URI.create("http://web/health")));
    }

    @Test
    void shouldSayInOneLineWhatIsWrongWithAHealthCheck() {
        DeployImagesStep step = new DeployImagesStep("swarm", Map.of("web", "r/web:1"));

        assertThatThrownBy(() -> step.setHealth(Map.of("web", Map.of("url", "http://web/health", "code", 200))))
                .hasMessage("'health' of web has an unknown key 'code'; it takes url, status, successes, interval, body");
        assertThatThrownBy(() -> step.setHealth(Map.of("web", Map.of("status", 200))))
                .hasMessage("'health' of web has no url");
        step.setHealth("web=http://web/health status=abc");
        assertThatThrownBy(step::requireValid).hasMessage("'health' of web: option 'status=abc' needs a number");
        step.setHealth("web=http://web/health status=700");
        assertThatThrownBy(step::requireValid)
                .hasMessage("'health' of web: expected HTTP status of http://web/health must be 100-599, was 700");
        step.setHealth("web=http://web/health body=(");
        assertThatThrownBy(step::requireValid).hasMessageStartingWith("'health' of web: body pattern Unclosed group")
                .hasMessageNotContaining("\n");
        step.setHealth("web=http://web/health every=2");
        assertThatThrownBy(step::requireValid).hasMessage("'health' of web: unknown option 'every=2'; after the URL"
                + " come status=N, successes=N, interval=SECONDS and body=REGEX");
    }

    @Test
    void shouldNameTheArgumentAndTheEntryThatIsNotNameEqualsValue() {
        assertThatThrownBy(() -> new DeployImagesStep("swarm", "reg.example.com/team/web:1.4.2"))
                .hasMessage("'services' expects NAME=VALUE lines or a map like [web: '...'], got"
                        + " 'reg.example.com/team/web:1.4.2'");
        assertThatThrownBy(() -> new DeployImagesStep("swarm", "web=a:1\nweb=b:1"))
                .hasMessage("'services' names web twice");
    }

    @Test
    void shouldRefuseAnUnknownTargetNoServicesAndAHealthUrlOfAnotherService() {
        assertThatThrownBy(() -> new DeployImagesStep("nomad", Map.of("web", "r/web:1")).requireValid())
                .hasMessage("'target' must be swarm, docker, kubernetes, caprover or webhook, was 'nomad'");
        assertThatThrownBy(() -> new DeployImagesStep("docker", null).requireValid())
                .hasMessage("'services' names no service");
        DeployImagesStep step = new DeployImagesStep("docker", Map.of("web", "r/web:1"));
        step.setHealth(Map.of("api", "http://api/health"));
        assertThatThrownBy(step::requireValid).hasMessage("'health' names api, which is not one of the services [web]");
    }

    @Test
    void shouldCarryTheKubernetesSettingsToTheAgentAndRefuseAnUnknownKind() {
        DeployImagesStep step = new DeployImagesStep("kubernetes", Map.of("web", "r/web:1"));
        step.setKubeconfig(" .kube/config ");
        step.setContext("prod");
        step.setNamespace("shop");
        step.setContainer("");
        step.requireValid();

        assertThat(ReleasePlan.of(step, step.destinations(), Map.of()).kubernetes())
                .isEqualTo(new KubernetesPlan(".kube/config", "prod", "shop", "deployment", null));
        step.setKind("job");
        assertThatThrownBy(step::requireValid).hasMessage("'kind' must be deployment or statefulset, was 'job'");
    }

    @Test
    void shouldRequireTheUrlSecretAndAHealthUrlPerServiceOfTheHttpTargets() {
        DeployImagesStep noUrl = new DeployImagesStep("caprover", Map.of("web", "r/web:1"));
        DeployImagesStep noSecret = new DeployImagesStep("webhook", Map.of("web", "r/web:1"));
        noSecret.setWebhookUrl("https://deploy.example.com/hook");
        DeployImagesStep noHealth = new DeployImagesStep("caprover", Map.of("web", "r/web:1"));
        noHealth.setCaproverUrl("https://captain.example.com");
        noHealth.setSecretCredentialsId("captain");
        RollbackDeployStep foreignOption = new RollbackDeployStep("swarm", List.of("web"));
        foreignOption.setCaproverAppToken(true);
        DeployImagesStep complete = new DeployImagesStep("webhook", Map.of("web", "r/web:1"));
        complete.setWebhookUrl("https://deploy.example.com/hook");
        complete.setSecretCredentialsId("hook-secret");
        complete.setHealth(Map.of("web", "https://web.example.com/health"));

        assertThatThrownBy(noUrl::requireValid).hasMessage("target caprover needs 'caproverUrl'");
        assertThatThrownBy(noSecret::requireValid).hasMessage("target webhook needs 'secretCredentialsId' (secret text:"
                + " the hook's HMAC secret)");
        assertThatThrownBy(noHealth::requireValid).hasMessage("target caprover checks no health itself: 'health' needs"
                + " a URL for web");
        assertThatThrownBy(foreignOption::requireValid).hasMessage("'caproverAppToken' is for target caprover, not swarm");
        complete.requireValid();
        assertThat(ReleasePlan.of(complete, complete.destinations(), Map.of()).endpoint())
                .isEqualTo(new ReleasePlan.HttpEndpoint("https://deploy.example.com/hook", false));
    }

    @Test
    void shouldRollEveryServiceBackToPreviousAndOnlyOneToADigest() {
        RollbackDeployStep previous = new RollbackDeployStep("swarm", List.of("web, worker"));
        previous.requireValid();
        RollbackDeployStep toDigest = new RollbackDeployStep("swarm", List.of("web", "worker"));
        toDigest.setTo(DIGEST);

        assertThat(previous.destinations()).containsExactly(Map.entry("web", "previous"), Map.entry("worker", "previous"));
        assertThatThrownBy(toDigest::requireValid).hasMessage("'to: " + DIGEST + "' names one image: give exactly one"
                + " service");
        RollbackDeployStep toBuild = new RollbackDeployStep("swarm", List.of("web", "worker"));
        toBuild.setTo("42");
        toBuild.requireValid();
    }

    @Test
    void shouldCheckTheToFieldAsItIsTyped() {
        assertThat(RollbackDeployStep.toProblem("previous")).isEmpty();
        assertThat(RollbackDeployStep.toProblem(DIGEST)).isEmpty();
        assertThat(RollbackDeployStep.toProblem("reg.example.com/team/web@" + DIGEST)).isEmpty();
        assertThat(RollbackDeployStep.toProblem("reg.example.com/team/web:1.4.1")).isPresent();
        assertThat(RollbackDeployStep.toProblem("sha256:abc")).isPresent();
        assertThat(RollbackDeployStep.toProblem("42")).isEmpty();
        assertThat(RollbackDeployStep.toProblem("0")).isPresent();
    }
}
