package io.jenkins.plugins.optimizeddeploy.engine.lint.fix;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Dockerfile;
import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.DockerfileParser;
import io.jenkins.plugins.optimizeddeploy.engine.findings.Finding;
import io.jenkins.plugins.optimizeddeploy.engine.lint.LintConfiguration;
import io.jenkins.plugins.optimizeddeploy.engine.lint.rules.RuleRegistry;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DockerfileFixerTest {
    private static final DockerfileFixer FIXER =
            new DockerfileFixer(LintConfiguration.defaults(), FixOptions.defaults());

    static Stream<Arguments> fixes() {
        return Stream.of(
                Arguments.of("FROM debian:12.5\nCMD [\"app\"]\n",
                        "FROM debian:12.5\nRUN groupadd --system --gid 10001 app && useradd --system --no-log-init"
                                + " --uid 10001 --gid app --no-create-home --shell /usr/sbin/nologin app\n"
                                + "USER 10001:10001\nCMD [\"app\"]\n"),
                Arguments.of("FROM alpine:3.20\n\n# the app\n# on port 80\nCMD [\"app\"]\n",
                        "FROM alpine:3.20\n\nRUN addgroup -S -g 10001 app && adduser -S -D -H -u 10001 -G app"
                                + " -s /sbin/nologin app\nUSER 10001:10001\n# the app\n# on port 80\nCMD [\"app\"]\n"),
                Arguments.of("FROM alpine:3.20\nCMD [\"app\"]\n",
                        "FROM alpine:3.20\nRUN addgroup -S -g 10001 app && adduser -S -D -H -u 10001 -G app"
                                + " -s /sbin/nologin app\nUSER 10001:10001\nCMD [\"app\"]\n"),
                Arguments.of("FROM registry.local/base/busybox:1.36\nCMD [\"app\"]\n",
                        "FROM registry.local/base/busybox:1.36\nRUN echo 'app:x:10001:10001::/nonexistent:/bin/false'"
                                + " >> /etc/passwd && echo 'app:x:10001:' >> /etc/group\nUSER 10001:10001\n"
                                + "CMD [\"app\"]\n"),
                Arguments.of("FROM gcr.io/distroless/static-debian12:nonroot-amd64\nCMD [\"app\"]\n",
                        "FROM gcr.io/distroless/static-debian12:nonroot-amd64\nUSER 65532:65532\nCMD [\"app\"]\n"),
                Arguments.of("FROM scratch\nCOPY app /app\nENTRYPOINT [\"/app\"]",
                        "FROM scratch\nCOPY --chown=65532:65532 app /app\nUSER 65532:65532\nENTRYPOINT [\"/app\"]"),
                Arguments.of("FROM debian:12.5\nRUN make\nUSER root\n",
                        "FROM debian:12.5\nRUN make\nUSER root\nRUN groupadd --system --gid 10001 app && useradd"
                                + " --system --no-log-init --uid 10001 --gid app --no-create-home --shell"
                                + " /usr/sbin/nologin app\nUSER 10001:10001\n"),
                Arguments.of("FROM debian:12.5\nRUN useradd -l -u 1000 dev\nUSER dev\nRUN make\nUSER root\nRUN x\n"
                                + "CMD [\"app\"]\n",
                        "FROM debian:12.5\nRUN useradd -l -u 1000 dev\nUSER dev\nRUN make\nUSER root\nRUN x\n"
                                + "USER dev\nCMD [\"app\"]\n"),
                Arguments.of("FROM debian:12.5\nUSER 10001\nCOPY app /app\nCMD [\"app\"]\n",
                        "FROM debian:12.5\nUSER 10001\nCOPY --chown=10001 app /app\nCMD [\"app\"]\n"),
                Arguments.of("FROM debian:12.5\nUSER 10001\nCMD app --port 8080\n",
                        "FROM debian:12.5\nUSER 10001\nCMD [\"app\", \"--port\", \"8080\"]\n"),
                Arguments.of("FROM debian:12.5\nUSER 10001\nentrypoint /app/run\n",
                        "FROM debian:12.5\nUSER 10001\nentrypoint [\"/app/run\"]\n"),
                Arguments.of("FROM debian:12.5\nadd app.conf /etc/\nUSER 10001\n",
                        "FROM debian:12.5\ncopy --chown=10001 app.conf /etc/\nUSER 10001\n"),
                Arguments.of("FROM alpine:3.20\nUSER 10001:10001\nEXPOSE 8080\nCMD [\"app\"]\n",
                        "FROM alpine:3.20\nUSER 10001:10001\nEXPOSE 8080\n"
                                + "HEALTHCHECK CMD wget -q -O /dev/null http://127.0.0.1:8080/ || exit 1\nCMD [\"app\"]\n"),
                Arguments.of("FROM debian:12.5\nRUN apt-get install -y --no-install-recommends curl=7.88\n"
                                + "USER 10001\nEXPOSE 80/tcp\nCMD [\"app\"]\n",
                        "FROM debian:12.5\nRUN apt-get install -y --no-install-recommends curl=7.88\n"
                                + "USER 10001\nEXPOSE 80/tcp\n"
                                + "HEALTHCHECK CMD curl -fsS -o /dev/null http://127.0.0.1:80/ || exit 1\n"
                                + "CMD [\"app\"]\n"),
                Arguments.of("FROM debian:12.5\r\nADD a b /app/\r\nCMD app\r\n",
                        "FROM debian:12.5\r\nCOPY --chown=10001:10001 a b /app/\r\nRUN groupadd --system --gid 10001"
                                + " app && useradd --system --no-log-init --uid 10001 --gid app --no-create-home"
                                + " --shell /usr/sbin/nologin app\r\nUSER 10001:10001\r\nCMD [\"app\"]\r\n"));
    }

    static Stream<Arguments> leftAlone() {
        return Stream.of(
                Arguments.of("FROM debian:12.5\nUSER 10001\nCMD app > /tmp/log\n", "DL3025"),
                Arguments.of("FROM debian:12.5\nUSER 10001\nCMD app $PORT\n", "DL3025"),
                Arguments.of("FROM debian:12.5\nUSER 10001\nCMD a && b\n", "DL3025"),
                Arguments.of("FROM debian:12.5\nUSER 10001\nENTRYPOINT run\nCMD [\"x\"]\n", "DL3025"),
                Arguments.of("FROM debian:12.5\nUSER 10001\nADD --chown=10001 app.tar.gz local.txt /app/\n", "DL3020"),
                Arguments.of("FROM debian:12.5\nUSER 10001\nEXPOSE 8080\nCMD [\"app\"]\n", "OD1010"),
                Arguments.of("FROM gcr.io/distroless/base\nUSER 65532\nEXPOSE 8080\nCMD [\"app\"]\n", "OD1010"),
                Arguments.of("FROM debian:12.5 AS build\nUSER root\nRUN make\nFROM debian:12.5\nUSER 10001\n",
                        "DL3002"));
    }

    static Stream<String> samples() {
        return Stream.concat(fixes().map(arguments -> (String) arguments.get()[0]),
                leftAlone().map(arguments -> (String) arguments.get()[0]));
    }

    @ParameterizedTest
    @MethodSource("fixes")
    void shouldFix(String before, String after) {
        FixResult result = FIXER.fix(DockerfileParser.parse(before));

        assertThat(result.text()).isEqualTo(after);
        assertThat(result.fixed()).isNotEmpty();
    }

    @ParameterizedTest
    @MethodSource("leftAlone")
    void shouldLeaveWhatHasNoSafeFixWithTheReason(String dockerfile, String rule) {
        FixResult result = FIXER.fix(DockerfileParser.parse(dockerfile));

        assertThat(result.text()).isEqualTo(dockerfile);
        assertThat(result.left()).anySatisfy(note -> {
            assertThat(note.rule()).isEqualTo(rule);
            assertThat(note.text()).isNotBlank();
        });
        assertThat(result.remaining()).extracting(Finding::rule).contains(rule);
    }

    @ParameterizedTest
    @MethodSource("samples")
    void shouldParseAndRelintCleanForEveryFixedRuleAndBeIdempotent(String before) {
        FixResult once = FIXER.fix(DockerfileParser.parse(before));
        Dockerfile fixed = DockerfileParser.parse(once.text());
        FixResult twice = FIXER.fix(fixed);

        List<String> fixedRules = once.fixed().stream().map(FixNote::rule).toList();
        assertThat(RuleRegistry.linter(LintConfiguration.defaults()).lint(fixed))
                .filteredOn(finding -> fixedRules.contains(finding.rule()))
                .as("findings of fixed rules not left with a reason in %s", once.text())
                .allMatch(finding -> once.left().stream().anyMatch(note -> note.rule().equals(finding.rule())
                        && note.line() == finding.line()));
        assertThat(twice.text()).isEqualTo(once.text());
        assertThat(twice.fixed()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void shouldKeepEveryCharacterOutsideTheEditsOfARound(String before) {
        Dockerfile dockerfile = DockerfileParser.parse(before);
        List<TextEdit> edits = FIXER.plan(dockerfile, RuleRegistry.linter(LintConfiguration.defaults())
                .lint(dockerfile)).edits().stream().sorted(Comparator.comparingInt(TextEdit::startOffset)).toList();
        String after = TextEdit.applyAll(before, edits);

        int shift = 0;
        int kept = 0;
        for (TextEdit edit : edits) {
            assertThat(after.substring(kept + shift, edit.startOffset() + shift))
                    .isEqualTo(before.substring(kept, edit.startOffset()));
            assertThat(after.substring(edit.startOffset() + shift, edit.startOffset() + shift
                    + edit.replacement().length())).isEqualTo(edit.replacement());
            shift += edit.replacement().length() - (edit.endOffset() - edit.startOffset());
            kept = edit.endOffset();
        }
        assertThat(after.substring(kept + shift)).isEqualTo(before.substring(kept));
    }
}
