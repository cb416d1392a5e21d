package io.jenkins.plugins.optimizeddeploy.engine.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.optimizeddeploy.engine.findings.Finding;
import io.jenkins.plugins.optimizeddeploy.engine.inspect.ImageConfig;
import java.util.List;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/** Each check on configs shaped as registries hold them. */
class ImageVerifierChecksTest {
    private static final String IMAGE = "127.0.0.1:5000/team/web:1";
    private static final String FAKE_AWS_KEY = "AKIA" + "ABCDEFGHIJKLMNOP";
    private static final List<String> HEALTHCHECK = List.of("CMD-SHELL", "true");

    private static ImageConfig config(String user, List<String> healthcheck, List<String> env,
            Map<String, String> labels, List<String> ports, List<String> history) {
        return new ImageConfig("linux/amd64", user, healthcheck, env, labels, ports, history);
    }

    private static List<String> rules(List<Finding> findings) {
        return findings.stream().map(Finding::rule).toList();
    }

    @Test
    void shouldFindNothingInAHardenedConfig() {
        ImageConfig hardened = config("10001", HEALTHCHECK,
                List.of("PATH=/bin", "PASSWORD_FILE=/run/secrets/db", "API_TOKEN="), Map.of("team", "web"),
                List.of("8080/tcp"), List.of("COPY app /app # buildkit", "RUN /bin/sh -c make # buildkit"));

        assertThat(ImageVerifier.check(IMAGE, hardened)).isEmpty();
    }

    @Test
    void shouldFindRootForAnEmptyRootOrZeroUser() {
        for (String user : List.of("", "root", "0")) {
            assertThat(rules(ImageVerifier.check(IMAGE, config(user, HEALTHCHECK, List.of(), Map.of(), List.of(),
                    List.of())))).as(user).containsExactly("OD2001");
        }
    }

    @Test
    void shouldFindAMissingOrDisabledHealthcheck() {
        assertThat(rules(ImageVerifier.check(IMAGE, config("1", List.of(), List.of(), Map.of(), List.of(),
                List.of())))).containsExactly("OD2002");
        assertThat(rules(ImageVerifier.check(IMAGE, config("1", List.of("NONE"), List.of(), Map.of(), List.of(),
                List.of())))).containsExactly("OD2002");
    }

    @Test
    void shouldFindSecretNamesAndValuesWithoutRepeatingTheValue() {
        List<Finding> findings = ImageVerifier.check(IMAGE, config("1", HEALTHCHECK,
                List.of("DB_PASSWORD=hunter2", "UPLOAD=" + FAKE_AWS_KEY,
                        "KEY=-----BEGIN OPENSSH PRIVATE KEY-----abc"),
                Map.of("ci.token", "s3cr3t", "build.note", "ghp_" + "a".repeat(36)), List.of(), List.of()));

        assertThat(rules(findings)).containsExactly("OD2003", "OD2004", "OD2004", "OD2005", "OD2005");
        assertThat(findings).allSatisfy(finding -> {
            assertThat(finding.excerpt()).doesNotContain("hunter2", FAKE_AWS_KEY, "s3cr3t", "ghp_", "BEGIN");
            assertThat(finding.message()).doesNotContain("hunter2", FAKE_AWS_KEY, "s3cr3t", "ghp_");
        });
        assertThat(findings.get(0).excerpt()).isEqualTo("ENV DB_PASSWORD=<redacted>");
    }

    @Test
    void shouldFindAPasswordInsideAUrlValueAndRedactItWhereverItIsQuoted() {
        List<Finding> findings = ImageVerifier.check(IMAGE, config("1", HEALTHCHECK,
                List.of("DATABASE_URL=postgres://admin:pw@db", "CACHE_URL=redis://cache:6379",
                        "MIRROR=https://$MIRROR_USER:${MIRROR_PASSWORD}@mirror.example"),
                Map.of("source", "https://ci:gl-s3cr3t@git.example/app.git"), List.of(),
                List.of("RUN /bin/sh -c curl -fsSL https://deploy:url-s3cr3t@example.com/x.tgz # buildkit")));

        assertThat(findings).extracting(Finding::rule, Finding::excerpt).containsExactly(
                Tuple.tuple("OD2004", "ENV DATABASE_URL=<redacted>"),
                Tuple.tuple("OD2005", "LABEL source=<redacted>"),
                Tuple.tuple("OD2007", "RUN /bin/sh -c curl -fsSL https://deploy:<redacted>@example.com/x.tgz # buildkit"));
    }

    @Test
    void shouldFindRemoteContentInHistoryAtItsEntry() {
        List<Finding> findings = ImageVerifier.check(IMAGE, config("1", HEALTHCHECK, List.of(), Map.of(),
                List.of("22/tcp", "8080/tcp"),
                List.of("ADD file:0123 in / ", "ADD https://example.com/tool.tgz /opt/ # buildkit",
                        "RUN /bin/sh -c curl -fsSL http://example.com/install.sh | sh # buildkit",
                        "RUN /bin/sh -c wget -q ftp://example.com/x",
                        "RUN /bin/sh -c echo curl is installed")));

        assertThat(findings).extracting(Finding::rule, Finding::line)
                .containsExactly(Tuple.tuple("OD2008", 1),
                        Tuple.tuple("OD2006", 2),
                        Tuple.tuple("OD2007", 3),
                        Tuple.tuple("OD2007", 4));
        assertThat(findings).extracting(Finding::file).containsOnly(IMAGE + " linux/amd64");
        assertThat(findings.get(2).excerpt()).startsWith("RUN /bin/sh -c curl -fsSL http://example.com/install.sh");
    }
}
