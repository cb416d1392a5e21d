package io.jenkins.plugins.optimizeddeploy.engine.imagebuild.buildah;

import static io.jenkins.plugins.optimizeddeploy.engine.imagebuild.buildah.BuildahStorageDriverTest.roots;
import static io.jenkins.plugins.optimizeddeploy.engine.imagebuild.buildah.BuildahStorageDriverTest.settings;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.optimizeddeploy.engine.exec.Command;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.RecordingRunner;
import io.jenkins.plugins.optimizeddeploy.testsupport.BuildahExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The storage driver chosen by asking the real buildah, with storage roots of the tests' own. */
class BuildahStorageDriverIT {
    /** Fails naming the buildah package when buildah is missing; the tests use storage roots of their own. */
    @RegisterExtension
    static final BuildahExtension buildah = new BuildahExtension();

    private final RecordingRunner runner = new RecordingRunner();

    @Test
    void shouldUseBuildahsDefaultDriverWhenBuildahCanOpenTheStorageWithIt(@TempDir Path storage) {
        List<String> roots = roots(storage);

        BuildahStorageDriver chosen = BuildahStorageDriver.choose(runner, settings(roots, Map.of()));

        assertThat(chosen.globalArguments()).isEqualTo(roots);
        assertThat(chosen.driver()).isEqualTo(driverBuildahReports(roots, Map.of()));
        assertThat(chosen.summary()).isEqualTo(chosen.driver() + " (buildah's default for this storage)");
    }

    @Test
    void shouldFallBackToVfsAndSayWhyWhenTheConfiguredDriverCannotOpenTheStorage(@TempDir Path storage) throws IOException {
        Path brokenOverlay = Files.writeString(storage.resolve("storage.conf"), "[storage]\ndriver = \"overlay\"\n"
                + "[storage.options.overlay]\nmount_program = \"/nonexistent/fuse-overlayfs\"\n");
        Map<String, String> environment = Map.of("CONTAINERS_STORAGE_CONF", brokenOverlay.toString());
        List<String> roots = roots(storage);

        BuildahStorageDriver chosen = BuildahStorageDriver.choose(runner, settings(roots, environment));

        assertThat(chosen.driver()).isEqualTo("vfs");
        assertThat(chosen.reason()).as(runner.transcript()).startsWith("buildah's default storage driver does not work here (")
                .contains("/nonexistent/fuse-overlayfs");
        assertThat(chosen.globalArguments()).endsWith("--storage-driver", "vfs").startsWith(roots.toArray(String[]::new));
        assertThat(driverBuildahReports(chosen.globalArguments(), environment)).isEqualTo("vfs");
    }

    private String driverBuildahReports(List<String> globalArguments, Map<String, String> environment) {
        List<String> info = new ArrayList<>(List.of(BuildahSettings.DEFAULT_BINARY.toString()));
        info.addAll(globalArguments);
        info.addAll(List.of("info", "--format", "{{.store.GraphDriverName}}"));
        return runner.run(Command.of(info).withEnvironment(environment)).requireSuccess().stdout().get(0).strip();
    }
}
