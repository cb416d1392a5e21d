package io.jenkins.plugins.optimizeddeploy.cli.harden;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.optimizeddeploy.cli.CliRun;
import io.jenkins.plugins.optimizeddeploy.cli.common.ExitCode;
import io.jenkins.plugins.optimizeddeploy.testsupport.DockerdExtension;
import io.jenkins.plugins.optimizeddeploy.testsupport.RegistryExtension;
import io.jenkins.plugins.optimizeddeploy.testsupport.SampleApp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 5's end-to-end check of {@code harden --fix}: the sample app's Dockerfile without its hardening (its user,
 * USER, --chown flags and HEALTHCHECK) is fixed, built with a real dockerd, and the image's config runs as a non-root
 * user with a health check.
 */
class HardenFixSampleAppIT {
    @RegisterExtension
    static final RegistryExtension REGISTRY = RegistryExtension.plain();
    @RegisterExtension
    static final DockerdExtension DOCKERD = new DockerdExtension();

    @TempDir
    Path context;

    @Test
    void shouldFixTheUnhardenedSampleAppIntoAnImageWithANonRootUserAndAHealthcheck() throws IOException {
        SampleApp.copyTo(context);
        Path dockerfile = context.resolve("Dockerfile");
        Files.writeString(dockerfile, unhardened(Files.readString(dockerfile)));
        String baseImage = REGISTRY.pushBusyboxBase("base/busybox", "latest");

        CliRun run = CliRun.of("harden", "--fix", "--fix-healthcheck-path", "/health", "--failure-threshold", "error",
                dockerfile.toString());

        assertThat(run.exitCode()).as(run.err() + run.out()).isEqualTo(ExitCode.OK);
        assertThat(run.out()).contains(" fixed OD1001: added user app (busybox base) and USER 10001:10001",
                " fixed OD1010: added a HEALTHCHECK probing http://127.0.0.1:8080/health with wget",
                " fixed OD1002: added --chown=10001:10001").doesNotContain(" left ");
        String fixed = Files.readString(dockerfile);
        assertThat(fixed).endsWith("EXPOSE 8080\n"
                + "RUN echo 'app:x:10001:10001::/nonexistent:/bin/false' >> /etc/passwd"
                + " && echo 'app:x:10001:' >> /etc/group\n"
                + "USER 10001:10001\n"
                + "HEALTHCHECK CMD wget -q -O /dev/null http://127.0.0.1:8080/health || exit 1\n"
                + "CMD [\"serve-static\", \"/srv/www\"]\n"
                + "COPY --chown=10001:10001 web/ /srv/www/\n");
        String image = "sample-app/web:fixed";
        DOCKERD.docker("build", "--network", "host", "--progress", "plain", "--build-arg", "BASE_IMAGE=" + baseImage,
                "--target", "web", "--tag", image, context.toString()).requireSuccess();
        String config = DOCKERD.docker("image", "inspect", "--format",
                "{{.Config.User}}|{{json .Config.Healthcheck.Test}}", image).requireSuccess().stdout().strip();
        assertThat(config).startsWith("10001:10001|").contains("wget -q -O /dev/null http://127.0.0.1:8080/health");
        String passwd = DOCKERD.docker("run", "--rm", "--network", "host", image, "id").requireSuccess().stdout();
        assertThat(passwd).contains("uid=10001(app) gid=10001(app)");
    }

    /** The sample's Dockerfile with each piece of hardening removed; a removal that finds nothing fails the test. */
    private static String unhardened(String hardened) {
        String text = hardened;
        for (String piece : new String[] {
            "(?s)RUN echo 'app:x:10001.*?chown app:app /home/app\n",
            "USER 10001:10001\n",
            "--chown=app:app ",
            "HEALTHCHECK [^\n]*\\\\\n[^\n]*\n"}) {
            String removed = Pattern.compile(piece).matcher(text).replaceAll("");
            assertThat(removed).as("the sample app's Dockerfile has %s", piece).isNotEqualTo(text);
            text = removed;
        }
        assertThat(text).doesNotContain("USER", "--chown", "HEALTHCHECK", "/etc/passwd");
        return text;
    }
}
