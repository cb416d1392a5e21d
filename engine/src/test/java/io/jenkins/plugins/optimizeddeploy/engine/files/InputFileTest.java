package io.jenkins.plugins.optimizeddeploy.engine.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputFileTest {
    @TempDir
    Path folder;

    @Test
    void shouldReadARegularFileAlsoThroughALinkUpToItsLimit() throws IOException {
        Path dockerfile = Files.writeString(folder.resolve("Dockerfile"), "x".repeat(InputKind.DOCKERFILE.maxBytes()));
        Path link = Files.createSymbolicLink(folder.resolve("link"), dockerfile);

        assertThat(InputFile.of(InputKind.DOCKERFILE, link).readText()).hasSize(InputKind.DOCKERFILE.maxBytes());
    }

    @Test
    void shouldRefuseWhatIsNoRegularFileOrTooLargeOrNoTextNamingItOnly() throws IOException {
        Files.write(folder.resolve("big"), new byte[InputKind.CA_CERTIFICATE.maxBytes() + 1]);
        Files.write(folder.resolve("latin1"), "caf\u00e9 s3cr3t".getBytes(StandardCharsets.ISO_8859_1));

        assertThatThrownBy(() -> InputFile.of(InputKind.DOCKER_CONFIG, Path.of("/dev/zero")).readText())
                .isInstanceOf(InputFileException.class)
                .hasMessage("docker config '/dev/zero' is not a regular file (a device, FIFO or socket is never read)");
        assertThatThrownBy(() -> InputFile.named("--config 'x'", folder, InputKind.LINT_CONFIGURATION).readText())
                .hasMessage("--config 'x' is a folder, not a file");
        assertThatThrownBy(() -> InputFile.of(InputKind.CA_CERTIFICATE, folder.resolve("big")).readBytes())
                .hasMessage("CA certificate file '" + folder.resolve("big") + "' is larger than the 1 MiB a CA"
                        + " certificate file may hold");
        assertThatThrownBy(() -> InputFile.of(InputKind.BAKE_FILE, folder.resolve("latin1")).readText())
                .hasMessage("bake file '" + folder.resolve("latin1") + "' is not UTF-8 text");
        assertThatThrownBy(() -> InputFile.of(InputKind.BAKE_FILE, folder.resolve("absent")).readText())
                .hasMessage("bake file '" + folder.resolve("absent") + "' does not exist");
    }

    @Test
    void shouldReadAStreamUpToItsLimitOnly() {
        byte[] tooMuch = new byte[InputKind.PASSWORD.maxBytes() + 1];
        byte[] enough = "s3cr3t\n".getBytes(StandardCharsets.UTF_8);

        assertThat(InputFile.readText(new ByteArrayInputStream(enough), "standard input", InputKind.PASSWORD))
                .isEqualTo("s3cr3t\n");
        assertThatThrownBy(() -> InputFile.readText(new ByteArrayInputStream(tooMuch), "standard input",
                InputKind.PASSWORD)).hasMessage("standard input is larger than the 64 KiB a password may hold");
    }
}
