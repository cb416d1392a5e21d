package io.jenkins.plugins.optimizeddeploy.cli.retag;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.optimizeddeploy.cli.CliRun;
import io.jenkins.plugins.optimizeddeploy.cli.common.ExitCode;
import io.jenkins.plugins.optimizeddeploy.testsupport.HostileRegistry.Answer;
import io.jenkins.plugins.optimizeddeploy.testsupport.HostileRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --username and --password-stdin are for one registry, the target's unless --credentials-registry names another. */
class RetagCommandCredentialsTest {
    private static final Answer BASIC_CHALLENGE =
            Answer.status(401).header("WWW-Authenticate", "Basic realm=\"hostile\"");

    @Test
    void shouldSendTheExplicitCredentialsToTheTargetRegistryOnly(@TempDir Path folder) throws Exception {
        Path noLogins = Files.writeString(folder.resolve("config.json"), "{}");
        try (HostileRegistry source = HostileRegistry.start(request -> BASIC_CHALLENGE);
                HostileRegistry target = HostileRegistry.start(request -> BASIC_CHALLENGE)) {
            CliRun run = CliRun.withStdin("s3cret-target", "retag", source.registry() + "/team/web:1", "--tag", "prod",
                    "--to", target.registry() + "/team/release", "--username", "deployer", "--password-stdin",
                    "--docker-config", noLogins.toString());

            assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.FAILURE);
            assertThat(source.requests()).isNotEmpty().allSatisfy(request ->
                    assertThat(request.header("Authorization")).as(request.method() + " " + request.target())
                            .isEmpty());
        }
    }

    @Test
    void shouldAskWhichRegistryTheCredentialsAreForWhenTheTargetsAreOnSeveral() {
        CliRun run = CliRun.withStdin("s3cret", "retag", "one.example/web:1", "two.example/web:1", "--tag", "prod",
                "--username", "deployer", "--password-stdin");

        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).contains("one.example, two.example").contains("--credentials-registry")
                .doesNotContain("s3cret");
    }
}
