package io.jenkins.plugins.optimizeddeploy.engine.imagebuild.buildah;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.optimizeddeploy.engine.exec.CommandResult;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.RecordingRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the storage driver is read from arguments and buildah's answers; BuildahStorageDriverIT asks buildah. */
class BuildahStorageDriverTest {
    private final RecordingRunner runner = new RecordingRunner();

    @Test
    void shouldKeepTheDriverTheGlobalArgumentsNameWithoutAskingBuildah(@TempDir Path storage) {
        List<String> named = new ArrayList<>(roots(storage));
        named.add("--storage-driver=vfs");

        BuildahStorageDriver chosen = BuildahStorageDriver.choose(runner, settings(named, Map.of()));

        assertThat(chosen.summary()).isEqualTo("vfs (named by --storage-driver)");
        assertThat(chosen.globalArguments()).isEqualTo(named);
        assertThat(runner.results()).isEmpty();
    }

    @Test
    void shouldReadTheDriverNamedInEitherSpellingOfTheOption() {
        assertThat(BuildahStorageDriver.namedDriver(List.of("--root", "/r", "--storage-driver", "overlay"))).contains("overlay");
        assertThat(BuildahStorageDriver.namedDriver(List.of("--storage-driver=vfs", "--root", "/r"))).contains("vfs");
        assertThat(BuildahStorageDriver.namedDriver(List.of("--root", "/r", "--storage-opt", "overlay.mountopt=nodev"))).isEmpty();
        assertThat(BuildahStorageDriver.namedDriver(List.of("--storage-driver"))).isEmpty();
    }

    @Test
    void shouldTakeTheDriverFromInfoOutputOnlyWhenItIsADriverName() {
        assertThat(BuildahStorageDriver.reportedDriver(List.of("overlay"))).contains("overlay");
        assertThat(BuildahStorageDriver.reportedDriver(List.of("", " vfs "))).contains("vfs");
        assertThat(BuildahStorageDriver.reportedDriver(List.of("<no value>"))).isEmpty();
        assertThat(BuildahStorageDriver.reportedDriver(List.of())).isEmpty();
    }

    @Test
    void shouldGiveBuildahsErrorLineRatherThanTheShutdownWarningAfterIt() {
        CommandResult failed = new CommandResult("buildah info", 125, List.of(), List.of(
                "Error: overlay: can't stat program \"/x\": no such file or directory",
                "time=\"2026-11-26T22:34:51Z\" level=warning msg=\"failed to shutdown storage\""), Duration.ZERO);
        CommandResult silent = new CommandResult("buildah info", 1, List.of(), List.of("something odd"), Duration.ZERO);

        assertThat(BuildahStorageDriver.failureReason(failed)).isEqualTo("overlay: can't stat program \"/x\": no such file or directory");
        assertThat(BuildahStorageDriver.failureReason(silent)).isEqualTo("exit code 1: something odd");
    }

    static List<String> roots(Path storage) {
        return List.of("--root", storage.resolve("root").toString(), "--runroot", storage.resolve("runroot").toString());
    }

    static BuildahSettings settings(List<String> globalArguments, Map<String, String> environment) {
        return BuildahSettings.defaults(globalArguments, environment);
    }

}
