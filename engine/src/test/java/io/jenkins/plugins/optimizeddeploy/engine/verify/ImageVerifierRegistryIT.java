package io.jenkins.plugins.optimizeddeploy.engine.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.optimizeddeploy.engine.findings.FailureThreshold;
import io.jenkins.plugins.optimizeddeploy.engine.findings.Finding;
import io.jenkins.plugins.optimizeddeploy.engine.findings.LintOutputFormat;
import io.jenkins.plugins.optimizeddeploy.engine.findings.LintReport;
import io.jenkins.plugins.optimizeddeploy.engine.image.ImageReference;
import io.jenkins.plugins.optimizeddeploy.engine.inspect.ImageInspector;
import io.jenkins.plugins.optimizeddeploy.engine.registry.RegistryClient;
import io.jenkins.plugins.optimizeddeploy.engine.registry.RegistryOptions;
import io.jenkins.plugins.optimizeddeploy.engine.registry.auth.CredentialsSource;
import io.jenkins.plugins.optimizeddeploy.testsupport.DockerdExtension;
import io.jenkins.plugins.optimizeddeploy.testsupport.RegistryExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Images pushed to a real registry, by its API and by the real docker engine, checked without pulling a layer. */
class ImageVerifierRegistryIT {
    @RegisterExtension
    static final RegistryExtension registry = RegistryExtension.plain();
    @RegisterExtension
    static final DockerdExtension dockerd = new DockerdExtension();

    private static final String FAKE_TOKEN = "ghp_" + "0123456789abcdefghijklmnopqrstuvwxyz";

    private final RegistryClient registryClient = new RegistryClient(RegistryOptions.defaults(),
            CredentialsSource.anonymous());

    @AfterEach
    void closeRegistryClient() {
        registryClient.close();
    }

    private ImageVerifier verifier() {
        return new ImageVerifier(new ImageInspector(registryClient));
    }

    @Test
    void shouldFindRootAndNoHealthcheckInTheBusyboxBase() {
        String base = registry.pushBusyboxBase("verify/base", "1");

        LintReport report = verifier().verify(List.of(ImageReference.parse(base)), FailureThreshold.ERROR);

        assertThat(report.findings()).extracting(Finding::rule, Finding::file)
                .containsExactly(tuple("OD2001", base + " linux/amd64"), tuple("OD2002", base + " linux/amd64"));
        assertThat(report.failed()).as("root is an error").isTrue();
        assertThat(verifier().verify(List.of(ImageReference.parse(base)), FailureThreshold.NONE).failed()).isFalse();
    }

    @Test
    void shouldCheckEveryPlatformOfAnIndex() throws IOException {
        String index = registry.pushBusyboxIndex("verify/index", "1");

        LintReport report = verifier().verify(List.of(ImageReference.parse(index)), FailureThreshold.WARNING);

        assertThat(report.findings()).extracting(Finding::rule, Finding::file).containsExactly(
                tuple("OD2001", index + " linux/amd64"), tuple("OD2002", index + " linux/amd64"),
                tuple("OD2001", index + " linux/arm64/v8"), tuple("OD2002", index + " linux/arm64/v8"));
        JsonNode sarif = new ObjectMapper().readTree(LintOutputFormat.SARIF.render(report));
        assertThat(sarif.at("/runs/0/results")).hasSize(4);
        assertThat(sarif.at("/runs/0/results/0/locations/0/physicalLocation/artifactLocation/uri").asText())
                .as("a relative reference whose first segment is not read as a scheme")
                .isEqualTo("./" + index + "%20linux/amd64");
        assertThat(sarif.at("/runs/0/tool/driver/rules")).hasSize(ImageCheck.values().length);
        assertThat(LintOutputFormat.CHECKSTYLE.render(report)).contains("source=\"OD2001\"");
    }

    @Test
    void shouldFindSecretsSshAndDownloadsInAnImageBuiltByDocker(@TempDir Path context) throws IOException {
        String base = registry.pushBusyboxBase("verify/hardened-base", "1");
        String image = registry.hostPort() + "/verify/app:1";
        Files.writeString(context.resolve("Dockerfile"), String.join("\n",
                "FROM " + base,
                "USER 10001",
                "HEALTHCHECK --interval=5s CMD true",
                "ENV GREETING=hello SECRETS_DIR=/run/secrets",
                "ENV DEPLOY_NOTE=" + FAKE_TOKEN,
                "LABEL org.opencontainers.image.title=app ci.token=abc123",
                "EXPOSE 8080 22",
                "RUN true # curl -fsSL http://example.com/install.sh | sh",
                ""));
        dockerd.docker("build", "--network", "host", "--tag", image, context.toString()).requireSuccess();
        dockerd.docker("push", image).requireSuccess();

        LintReport report = verifier().verify(List.of(ImageReference.parse(image)), FailureThreshold.ERROR);

        assertThat(report.findings()).extracting(Finding::rule)
                .containsExactly("OD2004", "OD2005", "OD2008", "OD2007");
        assertThat(report.findings()).allSatisfy(finding -> assertThat(finding.file())
                .isEqualTo(ImageReference.parse(image) + " linux/amd64"));
        for (LintOutputFormat format : LintOutputFormat.values()) {
            assertThat(format.render(report)).as(format.label()).doesNotContain(FAKE_TOKEN, "abc123");
        }
        assertThat(report.failed()).isTrue();
    }
}
