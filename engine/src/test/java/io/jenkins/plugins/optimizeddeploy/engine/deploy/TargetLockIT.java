package io.jenkins.plugins.optimizeddeploy.engine.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.optimizeddeploy.testsupport.JavaProcess;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The target lock between processes: a second process waits, names the holder, and gets it once the holder dies. */
class TargetLockIT {
    private static final String TARGET = "swarm unix:///run/test.sock";

    @Test
    void shouldNameTheHolderInAnotherProcessAndBeFreeOnceItDies(@TempDir Path locks) throws Exception {
        Process holder = JavaProcess.of(LockHolder.class, List.of(locks.toString(), TARGET, "deploy by build 41"))
                .redirectErrorStream(true).start();
        try {
            BufferedReader output = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertThat(output.readLine()).isEqualTo("locked");

            assertThatThrownBy(() -> TargetLock.acquire(locks, TARGET, "deploy by build 42", Duration.ofMillis(500)))
                    .isInstanceOf(TargetBusyException.class)
                    .hasMessageStartingWith(TARGET + " is being deployed by deploy by build 41 since ")
                    .hasMessageEndingWith("gave up waiting for it after 500 ms");
            holder.destroyForcibly();
            assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();

            try (TargetLock lock = TargetLock.acquire(locks, TARGET, "deploy by build 42", Duration.ofSeconds(5))) {
                assertThat(lock).as("a killed deploy leaves no stale lock").isNotNull();
            }
        } finally {
            holder.destroyForcibly();
        }
    }

    /** Another process that takes the lock, says so and holds it until it is killed. */
    static final class LockHolder {
        private LockHolder() {
        }

        public static void main(String[] args) throws Exception {
            TargetLock.acquire(Path.of(args[0]), args[1], args[2], Duration.ofSeconds(5));
            System.out.println("locked");
            System.out.flush();
            Thread.sleep(Duration.ofMinutes(5).toMillis());
        }
    }
}
