package io.jenkins.plugins.optimizeddeploy.steps.retag;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.optimizeddeploy.engine.registry.RegistryOptions;
import io.jenkins.plugins.optimizeddeploy.engine.retag.RetagOutcome;
import io.jenkins.plugins.optimizeddeploy.engine.retag.RetagRequest;
import io.jenkins.plugins.optimizeddeploy.engine.retag.RetagResult;
import io.jenkins.plugins.optimizeddeploy.steps.AgentCredentials;
import io.jenkins.plugins.optimizeddeploy.steps.BuildLog;
import io.jenkins.plugins.optimizeddeploy.steps.RegistryLogin;
import io.jenkins.plugins.optimizeddeploy.testsupport.HostileRegistry;
import io.jenkins.plugins.optimizeddeploy.testsupport.HostileRegistry.Answer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A step's credentialsId goes to the registry the step writes to, never to the one it reads from. */
class AgentCredentialsHostileTest {
    private static final Answer BASIC_CHALLENGE =
            Answer.status(401).header("WWW-Authenticate", "Basic realm=\"hostile\"");

    @TempDir
    Path dockerConfigWithoutLogins;

    @Test
    void shouldSendTheStepsCredentialsToTheTargetRegistryOnly() {
        try (HostileRegistry source = HostileRegistry.start(request -> BASIC_CHALLENGE);
                HostileRegistry target = HostileRegistry.start(request -> BASIC_CHALLENGE)) {
            RetagRequest request = RetagRequest.of(List.of(source.registry() + "/team/web:1"), List.of("prod"),
                    target.registry() + "/team/release");
            AgentCredentials credentials = new AgentCredentials(new RegistryLogin("deployer", "s3cret-step"),
                    dockerConfigWithoutLogins.toString());

            RetagResult result = new RetagImagesOnAgent(request, RegistryOptions.builder().maxRetries(0).build(),
                    credentials, new BuildLog()).retag();

            assertThat(result.outcome()).isEqualTo(RetagOutcome.NOTHING_MOVED);
            assertThat(source.requests()).isNotEmpty().allSatisfy(sent ->
                    assertThat(sent.header("Authorization")).as(sent.method() + " " + sent.target()).isEmpty());
        }
    }
}
