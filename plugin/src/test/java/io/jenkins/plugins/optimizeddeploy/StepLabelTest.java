package io.jenkins.plugins.optimizeddeploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.optimizeddeploy.steps.StepLabel;
import io.jenkins.plugins.optimizeddeploy.steps.bake.BakeImagesStep;
import io.jenkins.plugins.optimizeddeploy.steps.deploy.DeployImagesStep;
import io.jenkins.plugins.optimizeddeploy.steps.deploy.RollbackDeployStep;
import io.jenkins.plugins.optimizeddeploy.steps.harden.HardenDockerfileStep;
import io.jenkins.plugins.optimizeddeploy.steps.retag.RetagImagesStep;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a step node shows beside the step's name in the Pipeline graph and Blue Ocean. */
class StepLabelTest {

    private static final String DIGEST = "sha256:" + "0123456789abcdef".repeat(4);

    @Test
    void shouldShowTheGroupElseTheTargetsOfABake() {
        assertThat(BakeImagesStep.label(Map.of("registry", "reg.example.com/team", "group", "essential",
                "credentialsId", "registry-ci"))).isEqualTo("essential");
        assertThat(BakeImagesStep.label(Map.of("targets", List.of("web", "worker")))).isEqualTo("web, worker");
        assertThat(BakeImagesStep.label(Map.of("targets", "web api"))).as("as the form gives it").isEqualTo("web, api");
        assertThat(BakeImagesStep.label(Map.of())).isEqualTo("default group");
    }

    @Test
    void shouldShowTheImagesByTheirShortNameAndTheTagsTheyGet() {
        Map<String, Object> arguments = Map.of("images", List.of("registry.example.com/team/web:abc123",
                "registry.example.com/team/worker:abc123"), "tags", List.of("1.4.2", "prod"),
                "credentialsId", "registry-ci");

        assertThat(RetagImagesStep.label(arguments)).isEqualTo("web:abc123, worker:abc123 -> 1.4.2, prod");
        assertThat(RetagImagesStep.label(Map.of("images", List.of("registry.example.com/team/web:abc123"),
                "tags", List.of("1.4.2"), "to", "prod.example.com/release/web")))
                .isEqualTo("web:abc123 -> 1.4.2 into prod.example.com/release/web");
    }

    @Test
    void shouldShowTheLintedFilesElseTheDockerfile() {
        assertThat(HardenDockerfileStep.label(Map.of("files", List.of("web/Dockerfile", "worker/Dockerfile"))))
                .isEqualTo("web/Dockerfile, worker/Dockerfile");
        assertThat(HardenDockerfileStep.label(Map.of("file", "services/api/Dockerfile", "failOn", "error")))
                .isEqualTo("services/api/Dockerfile");
        assertThat(HardenDockerfileStep.label(Map.of())).isEqualTo("Dockerfile");
    }

    @Test
    void shouldShowTheImageOfAnInspectionOrAVerificationWithItsDigestWhenItHasNoTag() {
        assertThat(StepLabel.image(Map.of("image", "registry.example.com/team/web:1.4.2", "credentialsId", "ci")))
                .isEqualTo("web:1.4.2");
        assertThat(StepLabel.image(Map.of("image", "registry.example.com/team/web@" + DIGEST)))
                .isEqualTo("web@sha256:0123456789ab");
        assertThat(StepLabel.image(Map.of("image", "Not/A/Reference"))).isEqualTo("Not/A/Reference");
        assertThat(StepLabel.image(Map.of())).isNull();
    }

    @Test
    void shouldShowTheDeployedImagesAndTheTargetOfADeployAndTheServicesOfARollback() {
        assertThat(DeployImagesStep.label(Map.of("target", "swarm", "services",
                Map.of("web", "registry.example.com/team/web:1.4.2"), "credentialsId", "registry-ci")))
                .isEqualTo("web:1.4.2 to swarm");
        assertThat(DeployImagesStep.label(Map.of("target", "docker", "services", NotStored.OVERSIZE)))
                .isEqualTo("docker");
        assertThat(RollbackDeployStep.label(Map.of("target", "swarm", "services", List.of("web", "worker"))))
                .isEqualTo("web, worker to previous");
        assertThat(RollbackDeployStep.label(Map.of("services", "web", "to", DIGEST)))
                .isEqualTo("web to sha256:0123456789ab");
        assertThat(RollbackDeployStep.label(Map.of("services", "web", "to", "registry.example.com/team/web@" + DIGEST)))
                .isEqualTo("web to web@sha256:0123456789ab");
        assertThat(RollbackDeployStep.label(Map.of("services", List.of("web", "worker"), "to", "42")))
                .isEqualTo("web, worker to build #42");
    }

    @Test
    void shouldLeaveOutAnArgumentPipelineDidNotStore() {
        Map<String, Object> arguments = Map.of("images", NotStored.OVERSIZE, "tags", List.of("prod"));

        assertThat(RetagImagesStep.label(arguments)).isNull();
        assertThat(BakeImagesStep.label(Map.of("group", NotStored.OVERSIZE))).isEqualTo("default group");
    }

    /** Stands for what Pipeline stores instead of an argument it keeps out of the build record. */
    private enum NotStored {
        OVERSIZE
    }
}
