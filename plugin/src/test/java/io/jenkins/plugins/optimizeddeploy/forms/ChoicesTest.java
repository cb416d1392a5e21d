package io.jenkins.plugins.optimizeddeploy.forms;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.optimizeddeploy.engine.findings.FailureThreshold;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.BuilderBackend;
import org.junit.jupiter.api.Test;

class ChoicesTest {

    @Test
    void shouldOfferEveryFailureThresholdTheStepsParse() {
        assertThat(Choices.failOn()).containsExactly("error", "warning", "info", "style", "none");
        assertThat(Choices.failOn())
                .allSatisfy(name -> assertThat(FailureThreshold.parse(name).label()).isEqualTo(name));
    }

    @Test
    void shouldOfferEveryBackendWithAutoFirst() {
        assertThat(Choices.backends()).containsExactly("auto", "buildx", "docker", "buildah");
        assertThat(Choices.backends()).allSatisfy(id -> assertThat(BuilderBackend.parse(id).id()).isEqualTo(id));
    }
}
