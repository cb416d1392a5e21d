package io.jenkins.plugins.optimizeddeploy.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BackgroundProcessIT {

    @Test
    void shouldShowTheLogWhenAComponentExitsBeforeItIsReady() {
        ScratchDirectory directory = ScratchDirectory.create("failing-registry");
        try {
            BackgroundProcess registry = BackgroundProcess.start("docker-registry (broken config)",
                    List.of(RequiredBinary.DOCKER_REGISTRY.path().toString(), "serve",
                            directory.write("config.yml", "version: 0.1\nstorage: {}\n").toString()),
                    Map.of(), directory.resolve("registry.log"));

            assertThatThrownBy(() -> registry.awaitReady(Duration.ofSeconds(20), () -> false))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("docker-registry (broken config) exited with")
                    .hasMessageContaining("registry.log")
                    .hasMessageContaining("storage");
        } finally {
            directory.delete();
        }
    }

    @Test
    void shouldStopWithSigterm() {
        ScratchDirectory directory = ScratchDirectory.create("sleeper");
        try {
            BackgroundProcess sleeper = BackgroundProcess.start("sleep", List.of("/bin/sleep", "60"), Map.of(),
                    directory.resolve("sleep.log"));
            long started = System.nanoTime();

            sleeper.stop(Duration.ofSeconds(10));

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        } finally {
            directory.delete();
        }
    }

    @Test
    void shouldNameTheDebianPackageOfEveryBinary() {
        assertThat(RequiredBinary.DOCKER_REGISTRY.debianPackage()).isEqualTo("docker-registry");
        assertThat(RequiredBinary.HTPASSWD.debianPackage()).isEqualTo("apache2-utils");
        assertThat(RequiredBinary.BUSYBOX.debianPackage()).isEqualTo("busybox-static");
        assertThat(RequiredBinary.BUSYBOX.staticallyLinkedPath()).hasToString("/bin/busybox");
    }
}
