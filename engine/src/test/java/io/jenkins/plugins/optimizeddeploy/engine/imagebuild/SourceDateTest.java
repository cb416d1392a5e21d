package io.jenkins.plugins.optimizeddeploy.engine.imagebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.optimizeddeploy.engine.errors.BadInputException;
import io.jenkins.plugins.optimizeddeploy.engine.exec.Command;
import io.jenkins.plugins.optimizeddeploy.engine.exec.ProcessCommandRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceDateTest {
    private static final Instant BUILD_TIME = Instant.parse("2026-11-26T23:00:00Z");
    private final ProcessCommandRunner runner = new ProcessCommandRunner();

    @TempDir
    Path directory;

    @Test
    void shouldTakeTheCommitTimeOfHead() throws Exception {
        git("init", "-q");
        Files.writeString(directory.resolve("docker-bake.hcl"), "target \"web\" {}\n");
        git("add", "docker-bake.hcl");
        git("-c", "user.name=ci", "-c", "user.email=ci@example.com", "commit", "-q", "-m", "bake file");

        SourceDate date = SourceDate.resolve(Map.of(), directory, runner, BUILD_TIME);

        assertThat(date.created()).isEqualTo(Instant.parse("2026-11-20T08:30:00Z"));
        assertThat(date.origin()).isEqualTo("the commit time of HEAD in " + directory);
    }

    @Test
    void shouldPreferSourceDateEpoch() {
        SourceDate date = SourceDate.resolve(Map.of("SOURCE_DATE_EPOCH", "1700000000"), directory, runner, BUILD_TIME);

        assertThat(date).isEqualTo(new SourceDate(Instant.ofEpochSecond(1_700_000_000L), "SOURCE_DATE_EPOCH"));
    }

    @Test
    void shouldFallBackToTheBuildTimeOutsideAGitCheckout() {
        SourceDate date = SourceDate.resolve(Map.of(), directory, runner, BUILD_TIME);

        assertThat(date.created()).isEqualTo(BUILD_TIME);
        assertThat(date.origin()).startsWith("the build's time: " + directory + " has no commit (");
    }

    @Test
    void shouldRejectASourceDateEpochThatIsNotSeconds() {
        assertThatThrownBy(() -> SourceDate.resolve(Map.of("SOURCE_DATE_EPOCH", "yesterday"), directory, runner, BUILD_TIME))
                .isInstanceOf(BadInputException.class)
                .hasMessage("SOURCE_DATE_EPOCH must be a number of seconds since 1970, got 'yesterday'");
    }

    private void git(String... arguments) {
        runner.run(Command.of("git", arguments).withWorkingDirectory(directory)
                .withEnvironment(Map.of("GIT_COMMITTER_DATE", "2026-11-20T08:30:00Z", "GIT_AUTHOR_DATE", "2026-11-20T08:30:00Z",
                        "GIT_CONFIG_NOSYSTEM", "1", "HOME", directory.toString())))
                .requireSuccess();
    }
}
