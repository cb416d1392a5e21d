package io.jenkins.plugins.optimizeddeploy.engine.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.optimizeddeploy.testsupport.FullDisk;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputFileTest {
    @TempDir
    Path folder;

    @Test
    void shouldReplaceTheFileItLinksToKeepingItsPermissions() throws IOException {
        Path script = Files.writeString(folder.resolve("run.sh"), "old");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-x---"));
        Path link = Files.createSymbolicLink(folder.resolve("link"), script);

        OutputFile.writeText(link, "new");

        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(script)).isEqualTo("new");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(script))).isEqualTo("rwxr-x---");
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files).containsExactlyInAnyOrder(script, link);
        }
    }

    @Test
    void shouldLeaveTheFileAsItWasAndNothingBesideItWhenTheDiskIsFull() throws IOException {
        try (FullDisk disk = FullDisk.mount()) {
            Path report = Files.writeString(disk.path().resolve("report.sarif"), "the last report");
            disk.fill();

            assertThatThrownBy(() -> OutputFile.writeText(report, "a new report ".repeat(1000)))
                    .isInstanceOf(IOException.class)
                    .hasMessage("cannot write " + report + ": No space left on device (it is unchanged)");
            assertThat(Files.readString(report)).isEqualTo("the last report");
            try (Stream<Path> files = Files.list(disk.path())) {
                assertThat(files).containsExactlyInAnyOrder(report, disk.path().resolve(".filler"));
            }
        }
    }
}
