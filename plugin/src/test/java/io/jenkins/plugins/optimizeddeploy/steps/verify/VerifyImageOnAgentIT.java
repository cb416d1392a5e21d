package io.jenkins.plugins.optimizeddeploy.steps.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.optimizeddeploy.engine.findings.FailureThreshold;
import io.jenkins.plugins.optimizeddeploy.engine.image.ImageReference;
import io.jenkins.plugins.optimizeddeploy.engine.registry.RegistryException;
import io.jenkins.plugins.optimizeddeploy.engine.registry.RegistryOptions;
import io.jenkins.plugins.optimizeddeploy.steps.JavaSerialization;
import io.jenkins.plugins.optimizeddeploy.steps.LintSummary;
import io.jenkins.plugins.optimizeddeploy.steps.RegistryLogin;
import io.jenkins.plugins.optimizeddeploy.testsupport.RegistryExtension;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The agent side of verifyImage, against a real registry started by test-support. */
class VerifyImageOnAgentIT {

    @RegisterExtension
    static final RegistryExtension basicAuth = RegistryExtension.basicAuth();

    @TempDir
    Path workspace;

    @Test
    void shouldFailOnARootImageAndSummariseItsFindings() throws IOException {
        String image = basicAuth.pushBusyboxBase("plugin/verify-root", "1");

        LintSummary summary = onAgent(image, FailureThreshold.ERROR, basicAuth.password())
                .invoke(workspace.toFile(), null);

        assertThat(summary.failed()).isTrue();
        assertThat(summary.toMap()).containsEntry("error", 1).containsEntry("warning", 1).containsEntry("total", 2)
                .containsEntry("failed", true);
        assertThat(summary.report()).contains(image + " linux/amd64:1:1 error OD2001", "OD2002");
        assertThat(summary.line()).isEqualTo("verifyImage: 2 finding(s) in " + image
                + " (1 error, 1 warning, 0 info, 0 style), failing on error");
        assertThat(summary.record().getStep()).isEqualTo("verifyImage");
        assertThat(summary.record().getSubject()).isEqualTo(image);
        assertThat(summary.record().getOutcome()).isEqualTo("failed on error");
    }

    @Test
    void shouldPassEveryPlatformOfAnIndexBelowTheThreshold() throws IOException, ClassNotFoundException {
        String image = basicAuth.pushBusyboxIndex("plugin/verify-index", "1");

        VerifyImageOnAgent sent = JavaSerialization.roundTrip(onAgent(image, FailureThreshold.NONE,
                basicAuth.password()));
        LintSummary summary = JavaSerialization.roundTrip(sent.invoke(workspace.toFile(), null));

        assertThat(summary.failed()).isFalse();
        assertThat(summary.toMap()).containsAllEntriesOf(Map.of("error", 2, "warning", 2, "total", 4));
        assertThat(summary.report()).contains(image + " linux/amd64", image + " linux/arm64/v8");
    }

    @Test
    void shouldEndWithOneLineNamingTheStepAndStatusButNeverThePassword() {
        String image = basicAuth.pushBusyboxBase("plugin/verify-refused", "1");
        String wrongPassword = "not-" + basicAuth.password();

        assertThatThrownBy(() -> onAgent(image, FailureThreshold.ERROR, wrongPassword).read())
                .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(VerifyImageStep.userError(e))
                        .startsWith("verifyImage: ")
                        .contains("401", basicAuth.hostPort())
                        .doesNotContain(wrongPassword)
                        .doesNotContain("\n"));
    }

    private static VerifyImageOnAgent onAgent(String image, FailureThreshold threshold, String password) {
        return new VerifyImageOnAgent(ImageReference.parse(image), RegistryOptions.defaults(), threshold,
                new RegistryLogin(basicAuth.username(), password), null);
    }
}
