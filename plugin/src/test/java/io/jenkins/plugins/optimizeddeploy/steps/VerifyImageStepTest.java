package io.jenkins.plugins.optimizeddeploy.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.optimizeddeploy.config.StepDefaults;
import io.jenkins.plugins.optimizeddeploy.engine.errors.BadInputException;
import io.jenkins.plugins.optimizeddeploy.engine.findings.FailureThreshold;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class VerifyImageStepTest {

    @Test
    void shouldDefaultToFailingOnErrorsWithoutCredentials() {
        VerifyImageStep step = new VerifyImageStep("127.0.0.1:5000/app:1");

        assertThat(step.getImage()).isEqualTo("127.0.0.1:5000/app:1");
        assertThat(step.getCredentialsId()).isNull();
        assertThat(step.isInsecure()).isFalse();
        assertThat(VerifyImageStep.parseFailOn(step.getFailOn())).isEqualTo(FailureThreshold.ERROR);
    }

    @Test
    void shouldFailOnTheDefaultThresholdUnderManageJenkinsUnlessOneIsGiven() {
        VerifyImageStep step = new VerifyImageStep("app");
        StepDefaults defaults = new StepDefaults(null, "registry-ci", null, null, null, "warning");

        assertThat(step.threshold(StepDefaults.NONE)).isEqualTo(FailureThreshold.ERROR);
        assertThat(step.threshold(defaults)).isEqualTo(FailureThreshold.WARNING);
        assertThat(step.credentialsId(defaults)).isEqualTo("registry-ci");
        step.setFailOn("none");
        assertThat(step.threshold(defaults)).isEqualTo(FailureThreshold.NONE);
    }

    @Test
    void shouldTakeTheOptionalArgumentsFromTheirSetters() {
        VerifyImageStep step = new VerifyImageStep("app");

        step.setCredentialsId(" registry-login ");
        step.setInsecure(true);
        step.setFailOn(" Warning ");

        assertThat(step.getCredentialsId()).isEqualTo("registry-login");
        assertThat(step.isInsecure()).isTrue();
        assertThat(VerifyImageStep.parseFailOn(step.getFailOn())).isEqualTo(FailureThreshold.WARNING);
    }

    @Test
    void shouldRejectAMissingImageAndAnUnknownThresholdNamingStepAndValue() {
        for (String missing : Arrays.asList(null, "", "   ")) {
            assertThatThrownBy(() -> VerifyImageStep.parseImage(missing))
                    .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(VerifyImageStep.userError(e))
                            .startsWith("verifyImage: the argument 'image' is required"));
        }
        assertThatThrownBy(() -> VerifyImageStep.parseFailOn("fatal"))
                .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(VerifyImageStep.userError(e))
                        .startsWith("verifyImage: ").contains("'fatal'").doesNotContain("\n"));
    }
}
