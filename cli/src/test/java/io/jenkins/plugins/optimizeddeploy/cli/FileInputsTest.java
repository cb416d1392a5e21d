package io.jenkins.plugins.optimizeddeploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.optimizeddeploy.cli.common.ExitCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Inputs the CLI reads that are not what they claim to be: a device that never ends, a FIFO that never opens, files
 * far larger than any real one. Each is refused at once, before anything else is done, with exit 2 and one line.
 */
class FileInputsTest {
    /** Nothing listens here: an input that got past its checks would fail on the connection, not with exit 2. */
    private static final String IMAGE = "127.0.0.1:9/team/web:1";
    private static final int TWO_MIB = 2 << 20;

    @TempDir
    Path folder;

    @BeforeEach
    void writeInputs() throws IOException, InterruptedException {
        Files.writeString(folder.resolve("Dockerfile"), "FROM scratch\n");
        Files.writeString(folder.resolve("big.Dockerfile"), "FROM scratch\n" + "RUN true\n".repeat(TWO_MIB / 9));
        Files.writeString(folder.resolve("big.yaml"), "ignored:\n" + "  - DL3000\n".repeat(TWO_MIB / 11));
        Process mkfifo = new ProcessBuilder("mkfifo", folder.resolve("fifo").toString()).inheritIO().start();
        assertThat(mkfifo.waitFor()).as("mkfifo (coreutils)").isZero();
    }

    static Stream<Arguments> hostileInputs() {
        String notRegular = " is not a regular file (a device, FIFO or socket is never read)";
        return Stream.of(
                Arguments.of("", "harden /dev/zero", "FILE '/dev/zero'" + notRegular),
                Arguments.of("", "harden {dir}/fifo", "FILE '{dir}/fifo'" + notRegular),
                Arguments.of("", "parse /dev/zero", "FILE '/dev/zero'" + notRegular),
                Arguments.of("", "harden {dir}/big.Dockerfile",
                        "FILE '{dir}/big.Dockerfile' is larger than the 1 MiB a Dockerfile may hold"),
                Arguments.of("", "harden --config /dev/zero {dir}/Dockerfile",
                        "lint configuration '/dev/zero'" + notRegular),
                Arguments.of("", "harden --config {dir}/fifo {dir}/Dockerfile",
                        "lint configuration '{dir}/fifo'" + notRegular),
                Arguments.of("", "harden --config {dir}/big.yaml {dir}/Dockerfile",
                        "lint configuration '{dir}/big.yaml' is larger than the 1 MiB a lint configuration may hold"),
                Arguments.of("", "inspect --docker-config /dev/zero " + IMAGE, "docker config '/dev/zero'" + notRegular),
                Arguments.of("", "inspect --docker-config {dir}/fifo " + IMAGE, "docker config '{dir}/fifo'" + notRegular),
                Arguments.of("", "inspect --ca-cert /dev/zero " + IMAGE, "CA certificate file '/dev/zero'" + notRegular),
                Arguments.of("", "verify --ca-cert {dir}/fifo " + IMAGE, "CA certificate file '{dir}/fifo'" + notRegular),
                Arguments.of("x".repeat(100 << 10), "inspect --username ci --password-stdin " + IMAGE,
                        "--password-stdin: standard input is larger than the 64 KiB a password may hold"),
                Arguments.of("", "build --file {dir}/fifo --registry 127.0.0.1:9/team",
                        "bake file '{dir}/fifo'" + notRegular));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("hostileInputs")
    void shouldRefuseAnInputThatIsNoRegularFileOrTooLargeAtOnceWithExit2AndOneLine(String stdin, String command,
            String expected) throws Exception {
        String[] args = command.replace("{dir}", folder.toString()).split(" ");

        CliRun run = CompletableFuture.supplyAsync(() -> CliRun.withStdin(stdin, args)).get(20, TimeUnit.SECONDS);

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).isEqualTo("optimized-deploy: " + expected.replace("{dir}", folder.toString()) + "\n");
        assertThat(run.out()).isEmpty();
    }
}
