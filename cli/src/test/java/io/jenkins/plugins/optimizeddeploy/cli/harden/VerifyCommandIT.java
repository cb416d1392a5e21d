package io.jenkins.plugins.optimizeddeploy.cli.harden;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.optimizeddeploy.cli.CliRun;
import io.jenkins.plugins.optimizeddeploy.cli.common.ExitCode;
import io.jenkins.plugins.optimizeddeploy.testsupport.RegistryExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class VerifyCommandIT {
    @RegisterExtension
    static final RegistryExtension REGISTRY = RegistryExtension.basicAuth();

    private static String base;
    private static String index;

    @BeforeAll
    static void pushImages() {
        base = REGISTRY.pushBusyboxBase("verify/busybox", "cli-test");
        index = REGISTRY.pushBusyboxIndex("verify/index", "cli-test");
    }

    private static CliRun verify(String... args) {
        String[] withLogin = new String[args.length + 4];
        withLogin[0] = "verify";
        System.arraycopy(args, 0, withLogin, 1, args.length);
        withLogin[args.length + 1] = "--username";
        withLogin[args.length + 2] = REGISTRY.username();
        withLogin[args.length + 3] = "--password-stdin";
        return CliRun.withStdin(REGISTRY.password(), withLogin);
    }

    @Test
    void shouldFailOnARootImageAndNameImageAndPlatform() {
        CliRun run = verify(base);

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.GATE_FAILED);
        assertThat(run.out()).contains(base + " linux/amd64:1:1 error OD2001", "USER (unset)",
                base + " linux/amd64:1:1 warning OD2002", "failure threshold error: failed");
    }

    @Test
    void shouldPassBelowTheFailureThreshold() {
        CliRun run = verify(base, "--failure-threshold", "none");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
        assertThat(run.out()).contains("OD2001");
    }

    @Test
    void shouldReportEveryPlatformOfEveryImageAsJson() throws Exception {
        CliRun run = verify(base, index, "--format", "json");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.GATE_FAILED);
        JsonNode findings = new ObjectMapper().readTree(run.out()).path("findings");
        assertThat(findings).extracting(finding -> finding.path("file").asText()).containsExactly(
                base + " linux/amd64", base + " linux/amd64",
                index + " linux/amd64", index + " linux/amd64",
                index + " linux/arm64/v8", index + " linux/arm64/v8");
        assertThat(findings).extracting(finding -> finding.path("rule").asText())
                .containsExactly("OD2001", "OD2002", "OD2001", "OD2002", "OD2001", "OD2002");
    }

    @Test
    void shouldWriteSarifAndCheckstyle() throws Exception {
        CliRun sarif = verify(index, "--format", "sarif");
        CliRun checkstyle = verify(index, "--format", "checkstyle");

        JsonNode run = new ObjectMapper().readTree(sarif.out()).path("runs").path(0);
        assertThat(run.path("results")).hasSize(4);
        assertThat(run.path("tool").path("driver").path("rules")).extracting(rule -> rule.path("id").asText())
                .contains("OD2001", "OD2008");
        assertThat(checkstyle.out()).contains("<checkstyle", "source=\"OD2002\"");
    }

    @Test
    void shouldExitWithBadInputForAMalformedReferenceOrFormat() {
        CliRun reference = CliRun.of("verify", base, "Registry.example.com/UPPER/web:1");
        CliRun format = CliRun.of("verify", base, "--format", "html");

        assertThat(reference.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(reference.err()).contains("Registry.example.com/UPPER/web:1");
        assertThat(reference.out()).isEmpty();
        assertThat(format.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(format.err()).contains("html");
    }

    @Test
    void shouldExitWithFailureForAnUnknownImageOrAWrongPassword() {
        CliRun unknown = verify(REGISTRY.hostPort() + "/no/such-image:1");
        String wrongPassword = "not-the-password-" + System.nanoTime();
        CliRun denied = CliRun.withStdin(wrongPassword, "verify", base, "--username", REGISTRY.username(),
                "--password-stdin");

        assertThat(unknown.exitCode()).isEqualTo(ExitCode.FAILURE);
        assertThat(unknown.err()).contains("404", "no/such-image");
        assertThat(denied.exitCode()).isEqualTo(ExitCode.FAILURE);
        assertThat(denied.err()).contains("401").doesNotContain(wrongPassword);
        assertThat(denied.out()).isEmpty();
    }
}
