package io.jenkins.plugins.optimizeddeploy.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class FullDiskTest {
    @Test
    void shouldTakeNoMoreByteOnceFilledAndBeGoneWhenClosed() throws IOException {
        Path mountPoint;
        try (FullDisk disk = FullDisk.mount()) {
            mountPoint = disk.path();
            Path kept = Files.writeString(disk.path().resolve("kept"), "written before");
            disk.fill();

            assertThatThrownBy(() -> Files.writeString(disk.path().resolve("new"), "x"))
                    .isInstanceOf(IOException.class).hasMessage("No space left on device");
            assertThat(Files.readString(kept)).isEqualTo("written before");
        }
        assertThat(Files.readAllLines(Path.of("/proc/self/mountinfo"))).noneMatch(line -> line.contains(
                " " + mountPoint + " "));
        assertThat(mountPoint.getParent()).doesNotExist();
    }
}
