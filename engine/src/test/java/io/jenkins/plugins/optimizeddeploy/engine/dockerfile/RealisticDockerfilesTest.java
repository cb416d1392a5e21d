package io.jenkins.plugins.optimizeddeploy.engine.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Multi-stage files of the kind teams write for Go, Node and Python services, parsed in full. */
class RealisticDockerfilesTest {

    private static Dockerfile parseResource(String name) throws IOException {
        try (InputStream in = RealisticDockerfilesTest.class.getResourceAsStream("/dockerfile/" + name)) {
            assertThat(in).as("test resource %s", name).isNotNull();
            return DockerfileParser.parse(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void shouldParseAGoBuildWithCacheMountsATestStageAndADistrolessRuntime() throws IOException {
        Dockerfile dockerfile = parseResource("go.Dockerfile");

        assertThat(dockerfile.directive("syntax")).contains("docker/dockerfile:1.7");
        assertThat(dockerfile.directive("check")).contains("error=true");
        assertThat(dockerfile.stages()).map(stage -> stage.index() + ":" + stage.name() + ":" + stage.resolvedBaseImage())
                .containsExactly("0:build:golang:1.22-bookworm", "1:test:build", "2::gcr.io/distroless/static-debian12:nonroot");
        assertThat(dockerfile.instructions()).map(InstructionDescription::of).containsExactly(
                "arg <GO_VERSION=1.22>",
                "from --platform=$BUILDPLATFORM <golang:${GO_VERSION}-bookworm> <AS> <build>",
                "workdir </src>",
                "env <CGO_ENABLED=0> <GOFLAGS=\"-trimpath -mod=readonly\">",
                "copy <go.mod> <go.sum> <./>",
                "run --mount=type=cache,target=/go/pkg/mod <go mod download>",
                "copy <.> <.>",
                "arg <TARGETOS> <TARGETARCH>",
                "run --mount=type=cache,target=/go/pkg/mod --mount=type=cache,target=/root/.cache/go-build"
                        + " <GOOS=$TARGETOS GOARCH=$TARGETARCH go build -ldflags=\"-s -w\" -o /out/server ./cmd/server>",
                "from <build> <AS> <test>",
                "run <go test ./...>",
                "from <gcr.io/distroless/static-debian12:nonroot>",
                "label <org.opencontainers.image.source=\"https://example.com/app\"> <org.opencontainers.image.licenses=MIT>",
                "copy --from=build --chown=65532:65532 </out/server> </server>",
                "user <65532:65532>",
                "expose <8080>",
                "healthcheck --interval=30s --timeout=3s --retries=3 json <CMD> </server> <-healthcheck>",
                "entrypoint json </server>");
        assertThat(dockerfile.instructions().get(3).arguments().pairs()).containsExactly(
                new KeyValuePair("CGO_ENABLED", "0"), new KeyValuePair("GOFLAGS", "-trimpath -mod=readonly"));
        assertThat(dockerfile.baseStage(dockerfile.stages().get(1))).contains(dockerfile.stages().get(0));
        assertThat(dockerfile.stages().get(2).last("user")).map(user -> user.args().get(0)).contains("65532:65532");
    }

    @Test
    void shouldParseANodeBuildWithAHeredocFileAndAnExecFormCmd() throws IOException {
        Dockerfile dockerfile = parseResource("node.Dockerfile");
        Stage runtime = dockerfile.finalStage().orElseThrow();

        assertThat(dockerfile.stages()).map(Stage::name).containsExactly("deps", "build", "");
        assertThat(runtime.instructions()).map(Instruction::keyword).containsExactly(
                "env", "workdir", "run", "copy", "copy", "copy", "user", "expose", "healthcheck", "cmd");
        Instruction heredocCopy = runtime.instructions().get(5);
        assertThat(heredocCopy.args()).containsExactly("<<EOF", "/app/healthcheck.js");
        assertThat(heredocCopy.arguments().heredocs()).singleElement().satisfies(heredoc -> {
            assertThat(heredoc.name()).isEqualTo("EOF");
            assertThat(heredoc.content()).startsWith("require('http')").endsWith("process.exit(1));\n");
        });
        assertThat(heredocCopy.written().span().startLine()).isEqualTo(18);
        assertThat(heredocCopy.written().span().endLine()).isEqualTo(21);
        assertThat(runtime.instructions()).filteredOn(instruction -> instruction.flags().has("from"))
                .map(instruction -> dockerfile.stageCopiedFrom(instruction).orElseThrow().name())
                .containsExactly("build", "deps");
        assertThat(InstructionDescription.of(runtime.instructions().get(9))).isEqualTo("cmd json <node> <dist/server.js>");
    }

    @Test
    void shouldParseAPythonBuildWithACommentInsideAContinuationAndATabStrippedHeredoc() throws IOException {
        Dockerfile dockerfile = parseResource("python.Dockerfile");

        assertThat(dockerfile.stages()).map(Stage::resolvedBaseImage)
                .containsExactly("python:3.12-slim", "python:3.12-slim");
        Instruction aptGet = dockerfile.stages().get(0).instructions().get(0);
        assertThat(aptGet.args()).containsExactly("apt-get update  && apt-get install -y --no-install-recommends"
                + " build-essential=12.9  && rm -rf /var/lib/apt/lists/*");
        assertThat(aptGet.startLine()).isEqualTo(5);
        assertThat(aptGet.endLine()).isEqualTo(8);
        Instruction createUser = dockerfile.stages().get(1).instructions().get(0);
        assertThat(createUser.arguments().heredocs()).singleElement().satisfies(heredoc -> {
            assertThat(heredoc.stripTabs()).isTrue();
            assertThat(heredoc.content()).isEqualTo("set -eu\ngroupadd --system app\n"
                    + "useradd --system --gid app --home /app app\n");
        });
        assertThat(dockerfile.finalStage().orElseThrow().last("cmd")).hasValueSatisfying(cmd -> {
            assertThat(cmd.arguments().jsonForm()).isFalse();
            assertThat(cmd.args()).containsExactly("gunicorn --bind 0.0.0.0:8000 src.app:app");
        });
    }
}
