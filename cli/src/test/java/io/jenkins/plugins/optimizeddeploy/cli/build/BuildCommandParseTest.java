package io.jenkins.plugins.optimizeddeploy.cli.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.optimizeddeploy.cli.CliRun;
import io.jenkins.plugins.optimizeddeploy.cli.common.ExitCode;
import io.jenkins.plugins.optimizeddeploy.engine.cache.CacheFallback;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.BuildRequest;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BuildCommandParseTest {
    @Test
    void shouldReadEveryOptionIntoTheRequest() {
        BuildCommand command = CommandLine.populateCommand(new BuildCommand(),
                "--file", "app/docker-bake.hcl", "--group", "essential", "--registry", "reg.example.com/team/",
                "--tag", "1.0", "--tag", "stable", "--backend", "buildah", "--json", "--platform", "linux/amd64",
                "--var", "BASE_IMAGE=reg.example.com/base:1", "--branch", "feature/x", "--default-branch", "trunk",
                "--commit", "abc123", "--build-number", "7", "--source-url", "https://git.example.com/app.git",
                "--created", "2026-11-26T12:00:00Z", "--cache-repository", "cache.example.com/c",
                "--cache-fallback", "default-branch,local", "--cache-dir", "/agent/cache", "--parallel", "3");

        BuildRequest request = command.request();

        assertThat(command.file).isEqualTo(Path.of("app/docker-bake.hcl"));
        assertThat(command.backend).isEqualTo("buildah");
        assertThat(command.json).isTrue();
        assertThat(command.parallelism).isEqualTo(3);
        assertThat(request.targets()).containsExactly("essential");
        assertThat(request.registry()).isEqualTo("reg.example.com/team");
        assertThat(request.tags()).containsExactly("1.0", "stable");
        assertThat(request.platform()).isEqualTo("linux/amd64");
        assertThat(request.environment()).containsEntry("BASE_IMAGE", "reg.example.com/base:1");
        assertThat(request.revision().commit()).isEqualTo("abc123");
        assertThat(request.revision().branch()).isEqualTo("feature/x");
        assertThat(request.revision().buildNumber()).isEqualTo("7");
        assertThat(request.revision().sourceUrl()).isEqualTo("https://git.example.com/app.git");
        assertThat(request.revision().created()).isEqualTo(Instant.parse("2026-11-26T12:00:00Z"));
        assertThat(request.environment()).containsEntry("SOURCE_DATE_EPOCH", "1795694400");
        assertThat(request.cache().repository()).isEqualTo("cache.example.com/c");
        assertThat(request.cache().defaultBranch()).isEqualTo("trunk");
        assertThat(request.cache().fallbacks()).containsExactly(CacheFallback.DEFAULT_BRANCH, CacheFallback.LOCAL);
        assertThat(request.cache().local()).contains(Path.of("/agent/cache"));
    }

    @Test
    void shouldExitWithBadInputNamingTheRegistryAsGiven() {
        CliRun run = CliRun.of("build", "--file", "docker-bake.hcl", "--registry", "Reg.example.com/Team");

        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).isEqualTo("optimized-deploy: Invalid registry and repository prefix"
                + " 'Reg.example.com/Team': repository 'Team' must be lowercase" + System.lineSeparator());
    }

    @Test
    void shouldDefaultToAutoTheDefaultGroupAndACacheUnderTheRegistry() {
        BuildCommand command = CommandLine.populateCommand(new BuildCommand(),
                "--file", "docker-bake.hcl", "--registry", "reg.example.com/team", "--target", "web", "--target", "worker");

        BuildRequest request = command.request();

        assertThat(command.backend).isEqualTo("auto");
        assertThat(command.json).isFalse();
        assertThat(request.targets()).containsExactly("web", "worker");
        assertThat(request.cache().repository()).isEqualTo("reg.example.com/team/cache");
        assertThat(request.cache().fallbacks()).containsExactly(CacheFallback.BRANCH, CacheFallback.DEFAULT_BRANCH, CacheFallback.LOCAL);
        assertThat(request.tags()).isEmpty();
        assertThat(CommandLine.populateCommand(new BuildCommand(), "--file", "f", "--registry", "r").request().targets()).isEmpty();
    }

    @Test
    void shouldRefuseAGroupWithTargetsAndMissingRequiredOptions() {
        assertThatThrownBy(() -> CommandLine.populateCommand(new BuildCommand(),
                "--file", "f", "--registry", "r", "--group", "essential", "--target", "web"))
                .isInstanceOf(CommandLine.MutuallyExclusiveArgsException.class)
                .hasMessageContaining("--group").hasMessageContaining("--target");
        assertThatThrownBy(() -> CommandLine.populateCommand(new BuildCommand(), "--file", "f"))
                .isInstanceOf(CommandLine.MissingParameterException.class).hasMessageContaining("--registry");
        assertThat(List.of(CommandLine.populateCommand(new BuildCommand(), "--file", "f", "--registry", "r").selection.targets))
                .containsExactly(List.of());
    }
}
