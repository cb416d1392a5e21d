package io.jenkins.plugins.optimizeddeploy.cli.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.optimizeddeploy.cli.CliRun;
import io.jenkins.plugins.optimizeddeploy.cli.OptimizedDeployCommand;
import io.jenkins.plugins.optimizeddeploy.cli.common.ExitCode;
import io.jenkins.plugins.optimizeddeploy.engine.image.Digest;
import io.jenkins.plugins.optimizeddeploy.engine.image.ImageReference;
import io.jenkins.plugins.optimizeddeploy.engine.inspect.ImageInspection;
import io.jenkins.plugins.optimizeddeploy.engine.inspect.InspectionFields;
import io.jenkins.plugins.optimizeddeploy.engine.inspect.Layer;
import io.jenkins.plugins.optimizeddeploy.engine.inspect.PlatformImage;
import io.jenkins.plugins.optimizeddeploy.engine.inspect.Provenance;
import io.jenkins.plugins.optimizeddeploy.testsupport.FieldNames;
import io.jenkins.plugins.optimizeddeploy.testsupport.JavaProcess;
import io.jenkins.plugins.optimizeddeploy.testsupport.RegistryExtension;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class InspectCommandIT {
    @RegisterExtension
    static final RegistryExtension REGISTRY = RegistryExtension.basicAuth();

    private static String image;

    @BeforeAll
    static void pushBaseImage() {
        image = REGISTRY.pushBusyboxBase("base/busybox", "cli-test");
    }

    @Test
    void shouldPrintDigestAndPlatformsAsJson() throws Exception {
        CliRun run = CliRun.withStdin(REGISTRY.password(), "inspect", image, "--json", "--username", REGISTRY.username(), "--password-stdin");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.path("digest").asText()).startsWith("sha256:");
        JsonNode platform = json.path("platforms").path(0);
        assertThat(platform.path("platform").asText()).isEqualTo("linux/amd64");
        assertThat(platform.path("compressedBytes").asLong()).isPositive();
        assertThat(platform.path("user").asText()).isEmpty();
        assertThat(platform.path("healthcheck").isArray()).isTrue();
        assertThat(platform.path("provenance").path("missing").asText())
                .isEqualTo("the image carries no provenance attestation");
        Digest digest = Digest.parse(json.path("digest").asText());
        ImageInspection onePlatform = new ImageInspection(ImageReference.parse(image), digest,
                json.path("mediaType").asText(),
                List.of(PlatformImage.builder("linux/amd64", digest).content(1, List.of(new Layer(digest, "layer", 1)))
                        .provenance(Provenance.missing("none")).build()));
        assertThat(FieldNames.ofJson(run.out())).as("the fields inspectImage returns, label names aside")
                .filteredOn(path -> !path.startsWith("platforms[].labels."))
                .containsExactlyElementsOf(FieldNames.of(InspectionFields.of(onePlatform)));
    }

    @Test
    void shouldLeaveStderrToTheCliWhenTheRegistryClientRunsInItsOwnProcess() throws Exception {
        // In its own JVM, as a shell runs it: a library that logs (HttpClient, to SLF4J) must not print there.
        Process cli = JavaProcess.of(OptimizedDeployCommand.class, List.of("inspect", image, "--json", "--username",
                REGISTRY.username(), "--password-stdin")).start();
        try (OutputStream stdin = cli.getOutputStream()) {
            stdin.write(REGISTRY.password().getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(cli.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(cli.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(cli.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(cli.exitValue()).as(err).isEqualTo(ExitCode.OK);
        assertThat(out).contains("sha256:");
        assertThat(err).isEmpty();
    }

    @Test
    void shouldPrintSizeAndUserAsText() {
        CliRun run = CliRun.withStdin(REGISTRY.password(), "inspect", image, "--username", REGISTRY.username(), "--password-stdin");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
        assertThat(run.out()).contains(image, "linux/amd64", "compressed", "root (not set)", "healthcheck  none",
                "provenance   none (the image carries no provenance attestation)");
    }

    @Test
    void shouldExitWithBadInputNamingAMalformedReference() {
        CliRun run = CliRun.of("inspect", "Registry.example.com/UPPER/web:1");

        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).contains("Registry.example.com/UPPER/web:1").hasLineCount(1);
    }

    @Test
    void shouldExitWithBadInputWhenTheUserNameComesWithoutPassword() {
        CliRun run = CliRun.of("inspect", image, "--username", "ci");

        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).contains("--username and --password-stdin go together");
    }

    @Test
    void shouldExitWithFailureAndKeepAWrongPasswordOutOfTheMessage() {
        String wrongPassword = "not-the-password-" + System.nanoTime();
        CliRun run = CliRun.withStdin(wrongPassword, "inspect", image, "--username", REGISTRY.username(), "--password-stdin");

        assertThat(run.exitCode()).isEqualTo(ExitCode.FAILURE);
        assertThat(run.err()).contains("401").doesNotContain(wrongPassword);
        assertThat(run.out()).isEmpty();
    }

    @Test
    void shouldExitWithFailureNamingTheStatusOfAnUnknownImage() {
        String unknown = REGISTRY.hostPort() + "/no/such-image:1";
        CliRun run = CliRun.withStdin(REGISTRY.password(), "inspect", unknown, "--username", REGISTRY.username(), "--password-stdin");

        assertThat(run.exitCode()).isEqualTo(ExitCode.FAILURE);
        assertThat(run.err()).contains("404", "no/such-image").hasLineCount(1);
    }
}
