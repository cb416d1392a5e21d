package io.jenkins.plugins.optimizeddeploy.engine.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.optimizeddeploy.testsupport.CommandResult;
import io.jenkins.plugins.optimizeddeploy.testsupport.DockerdExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The parser against the real thing: each Dockerfile is built by the BuildKit inside a private dockerd, and the
 * parser must accept exactly what it builds and refuse exactly what it refuses to read. The cases stay on features
 * the BuildKit of the Debian dockerd (20.10) shares with today's (no heredocs there), and use only FROM scratch and
 * instructions that run nothing, so an accepted file builds for real.
 */
class DockerAgreementIT {
    @RegisterExtension
    static final DockerdExtension DOCKERD = new DockerdExtension();

    @TempDir
    static Path context;

    /** Beside the context, not in it: docker would send it with the context. */
    @TempDir
    static Path dockerfiles;

    static Stream<Arguments> dockerfiles() {
        return Stream.of(
                Arguments.of("FROM scratch\nENV A=1 \\\n  # a comment\n\n  B=2\n", true),
                Arguments.of("# escape=`\nFROM scratch\nENV A=c:\\ `\n  B=2\n", true),
                Arguments.of("  from scratch\n  env LEGACY some value\n", true),
                Arguments.of("FROM scratch\nCMD [\"a\", 'b']\n", true),
                Arguments.of("FROM scratch\nENTRYPOINT [\"/app\"] --flag\n", true),
                Arguments.of("FROM scratch\nLABEL \"a b\"=\"c d\" e=f\\ g\n", true),
                Arguments.of("FROM scratch AS Base\nFROM base\nUSER 1000\n", true),
                Arguments.of("ARG BASE=scratch\nFROM ${BASE} AS first\nFROM first\n", true),
                Arguments.of("FROM scratch\nHEALTHCHECK --interval=5s --retries=2 CMD [\"/check\"]\n", true),
                Arguments.of("FROM scratch\nHEALTHCHECK NONE\n", true),
                Arguments.of("FROM scratch\nONBUILD RUN make\n", true),
                Arguments.of("FROM scratch\nCOPY --chown=1:1 file.txt /file.txt\nWORKDIR /app\n", true),
                Arguments.of("FROM scratch\nEXPOSE 80 443/tcp\nVOLUME [\"/data\"]\nSTOPSIGNAL SIGTERM\n", true),
                Arguments.of("FROM scratch\nSHELL [\"/bin/sh\", \"-c\"]\nARG A B=2\n", true),
                Arguments.of("\uFEFFFROM scratch\r\nENV A=1 \\\r\n    B=2\r\n", true),
                Arguments.of("FROM scratch\nENV A=a\\\\\nENV B=b\n", true),
                Arguments.of("FROM scratch\nLABEL a=1 \\\n\\\n  b=2\n", true),
                Arguments.of("FROM scratch\n\tCMD\t[\"\\u00e9\", \"\\n\"]\n", true),
                Arguments.of("# syntax-like comment\n# escape=x\nFROM scratch\n", true),
                Arguments.of("#escape = `\nFROM scratch\nENV A=1 `\n  B=2\n", true),
                Arguments.of("FROM scratch\nENV A \"quoted legacy\" value\n", true),
                Arguments.of("FROM scratch\nCMD [\"a\",]\n", true),
                Arguments.of("FROM scratch\nHEALTHCHECK --interval=1m30s --start-period=2.5s CMD x\n", true),
                Arguments.of("FROM scratch\nRUNN x\n", false),
                Arguments.of("FROM scratch\nENV A=1\nCOPY \\\n", false),
                Arguments.of("FROM scratch\nENV A=1 \\\n# only a comment follows\n", true),
                Arguments.of("FROM scratch\nLABEL =x\n", false),
                Arguments.of("FROM scratch\nVOLUME [\"\"]\n", false),
                Arguments.of("FROM scratch\nHEALTHCHECK --retries=-1 CMD x\n", false),
                Arguments.of("FROM scratch\nHEALTHCHECK --timeout=100us CMD x\n", false),
                Arguments.of("FROM scratch\nONBUILD FROM x\n", false),
                Arguments.of("FROM scratch\nCOPY --from=a --from=b file.txt /f\n", false),
                Arguments.of("FROM scratch\nENV A\n", false),
                Arguments.of("FROM scratch\nENV A=1 B\n", false),
                Arguments.of("FROM scratch\nCOPY file.txt\n", false),
                Arguments.of("FROM scratch\nCOPY --chown file.txt /f\n", false),
                Arguments.of("FROM scratch\nCOPY --bogus=1 file.txt /f\n", false),
                Arguments.of("FROM scratch\nCMD [\"a\", 1]\n", false),
                Arguments.of("FROM scratch\nHEALTHCHECK NONE now\n", false),
                Arguments.of("FROM scratch\nHEALTHCHECK CMD\n", false),
                Arguments.of("FROM scratch\nHEALTHCHECK --interval=5 CMD x\n", false),
                Arguments.of("FROM scratch\nSHELL /bin/sh -c\n", false),
                Arguments.of("FROM scratch\nONBUILD ONBUILD RUN x\n", false),
                Arguments.of("FROM scratch AS 1st\n", false),
                Arguments.of("FROM\n", false),
                Arguments.of("ENV A=1\nFROM scratch\n", false),
                Arguments.of("# escape=x\nFROM scratch\n", false),
                // BuildKit only warns about a repeated stage name
                Arguments.of("FROM scratch AS a\nFROM scratch AS A\n", true));
    }

    @ParameterizedTest(name = "{0} -> builds: {1}")
    @MethodSource("dockerfiles")
    void shouldAcceptExactlyWhatDockerBuilds(String text, boolean builds) throws IOException {
        Files.writeString(context.resolve("file.txt"), "content", StandardCharsets.UTF_8);
        Path dockerfile = Files.createTempFile(dockerfiles, "Dockerfile", "");
        Files.writeString(dockerfile, text, StandardCharsets.UTF_8);

        CommandResult build = DOCKERD.docker("build", "--network", "host", "-q", "-f", dockerfile.toString(),
                context.toString());

        assertThat(build.succeeded()).as("docker build of %s: %s", text, build.stderr()).isEqualTo(builds);
        if (!builds) {
            // docker 26's client builds through buildx, which reports BuildKit's refusal as "ERROR: failed to build:
            // failed to solve: <why>", or, when its own frontend call read the file first (seen once in a CI run),
            // "ERROR: failed to build: failed to run Build function: <why>": either way a refusal, not a daemon error
            assertThat(build.stderr()).containsAnyOf("failed to solve: ", "failed to run Build function: ");
        }
        assertThat(refusal(text)).as("parser agrees with docker on %s", text).matches(refusal -> {
            if (builds) {
                return refusal.isEmpty();
            }
            Matcher dockerLine = DOCKER_LINE.matcher(build.stderr());
            return refusal.isPresent()
                    && (!dockerLine.find() || refusal.get().line() == Integer.parseInt(dockerLine.group(1)));
        });
    }

    private static final Pattern DOCKER_LINE = Pattern.compile("dockerfile parse error on line (\\d+)");

    private static Optional<DockerfileParseException> refusal(String text) {
        try {
            DockerfileParser.parse(text);
            return Optional.empty();
        } catch (DockerfileParseException refused) {
            return Optional.of(refused);
        }
    }
}
