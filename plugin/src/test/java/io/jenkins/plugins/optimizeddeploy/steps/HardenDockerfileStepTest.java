package io.jenkins.plugins.optimizeddeploy.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.Extension;
import io.jenkins.plugins.optimizeddeploy.config.StepDefaults;
import io.jenkins.plugins.optimizeddeploy.engine.errors.BadInputException;
import io.jenkins.plugins.optimizeddeploy.engine.findings.FailureThreshold;
import java.util.Arrays;
import java.util.List;
import jenkins.YesNoMaybe;
import org.jenkinsci.Symbol;
import org.junit.jupiter.api.Test;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

class HardenDockerfileStepTest {

    @Test
    void shouldLintTheWorkspacesDockerfileWithTheConfigurationsThresholdAndNoSarifByDefault() {
        HardenDockerfileStep step = new HardenDockerfileStep();

        assertThat(step.dockerfiles()).containsExactly("Dockerfile");
        assertThat(step.getFailOn()).isNull();
        assertThat(HardenDockerfileStep.parseFailOn(step.getFailOn())).isNull();
        assertThat(step.getSarif()).isNull();
        assertThat(step.getConfig()).isNull();
    }

    @Test
    void shouldLintTheListedFilesInsteadOfTheSingleOneAndDropBlankNames() {
        HardenDockerfileStep step = new HardenDockerfileStep();

        step.setFile("web/Dockerfile");
        assertThat(step.dockerfiles()).containsExactly("web/Dockerfile");
        step.setFiles(List.of(" api/Dockerfile ", " ", "worker/Dockerfile"));
        assertThat(step.dockerfiles()).containsExactly("api/Dockerfile", "worker/Dockerfile");
        step.setFile(" ");
        step.setFiles(null);
        assertThat(step.dockerfiles()).containsExactly("Dockerfile");
    }

    @Test
    void shouldFailOnTheDefaultThresholdUnderManageJenkinsElseKeepTheConfigurations() {
        HardenDockerfileStep step = new HardenDockerfileStep();

        assertThat(step.threshold(StepDefaults.NONE)).isNull();
        assertThat(step.threshold(new StepDefaults(null, null, null, null, null, "style")))
                .isEqualTo(FailureThreshold.STYLE);
        step.setFailOn("error");
        assertThat(step.threshold(new StepDefaults(null, null, null, null, null, "style")))
                .isEqualTo(FailureThreshold.ERROR);
    }

    @Test
    void shouldSplitTheFormsFilesOnePerLine() {
        HardenDockerfileStep step = new HardenDockerfileStep();

        step.setFiles(List.of("web/Dockerfile\r\n  worker/Dockerfile \n\n"));

        assertThat(step.dockerfiles()).containsExactly("web/Dockerfile", "worker/Dockerfile");
        assertThat(step.getFilesText()).isEqualTo("web/Dockerfile\nworker/Dockerfile");
    }

    @Test
    void shouldTakeTheThresholdTheSarifAndTheConfigurationFromTheirSetters() {
        HardenDockerfileStep step = new HardenDockerfileStep();

        step.setFailOn(" Warning ");
        step.setSarif(" reports/dockerfile.sarif ");
        step.setConfig(".hadolint.yaml");

        assertThat(HardenDockerfileStep.parseFailOn(step.getFailOn())).isEqualTo(FailureThreshold.WARNING);
        assertThat(step.getSarif()).isEqualTo("reports/dockerfile.sarif");
        assertThat(step.getConfig()).isEqualTo(".hadolint.yaml");
    }

    @Test
    void shouldNameTheValueAndTheAcceptedOnesForAnUnknownThreshold() {
        assertThatThrownBy(() -> HardenDockerfileStep.parseFailOn("fatal"))
                .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(HardenDockerfileStep.userError(e))
                        .startsWith("hardenDockerfile: Unknown failure threshold 'fatal'")
                        .contains("error, warning, info, style, none"));
    }

    @Test
    void shouldBindEveryArgumentByName() throws NoSuchMethodException {
        assertThat(HardenDockerfileStep.class.getConstructor().isAnnotationPresent(DataBoundConstructor.class))
                .isTrue();
        for (String setter : new String[] {"setFile", "setFiles", "setFailOn", "setSarif", "setConfig"}) {
            assertThat(Arrays.stream(HardenDockerfileStep.class.getMethods())
                    .filter(method -> method.getName().equals(setter))
                    .map(method -> method.isAnnotationPresent(DataBoundSetter.class)))
                    .as(setter).containsExactly(true);
        }
    }

    @Test
    void shouldRegisterTheDescriptorAsADynamicallyLoadableExtensionUnderItsFunctionName() {
        Class<HardenDockerfileStep.DescriptorImpl> descriptor = HardenDockerfileStep.DescriptorImpl.class;

        assertThat(descriptor.getAnnotation(Extension.class).dynamicLoadable()).isEqualTo(YesNoMaybe.YES);
        assertThat(descriptor.getAnnotation(Symbol.class).value()).containsExactly("hardenDockerfile");
    }
}
