package io.jenkins.plugins.optimizeddeploy.engine.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class StagesTest {

    private static final String MULTI_STAGE = """
            ARG GO_VERSION=1.22
            ARG BASE=golang:${GO_VERSION}-alpine
            ARG RUNTIME
            FROM --platform=$BUILDPLATFORM ${BASE} AS Builder
            ARG STAGE=builder
            ENV TARGET_STAGE=${STAGE}
            RUN go build -o /out/app ./cmd/app
            FROM ${RUNTIME:-gcr.io/distroless/static} AS runtime
            ARG STAGE=builder
            COPY --from=${STAGE} /out/app /app
            COPY --from=0 /etc/ssl /etc/ssl
            COPY --from=docker.io/library/busybox:1.36 /bin/busybox /busybox
            FROM runtime
            """;

    @Test
    void shouldSplitInstructionsIntoStagesWithNamesIndexesAndPlatforms() {
        Dockerfile dockerfile = DockerfileParser.parse(MULTI_STAGE);

        assertThat(dockerfile.metaArgs()).hasSize(3);
        assertThat(dockerfile.stages()).hasSize(3);
        Stage builder = dockerfile.stages().get(0);
        assertThat(builder.index()).isZero();
        assertThat(builder.name()).isEqualTo("builder");
        assertThat(builder.platform()).isEqualTo("$BUILDPLATFORM");
        assertThat(builder.baseImage()).isEqualTo("${BASE}");
        assertThat(builder.instructions()).map(Instruction::keyword).containsExactly("arg", "env", "run");
        assertThat(builder.from().stage()).isZero();
        assertThat(dockerfile.stages().get(2).stageName()).isEmpty();
        assertThat(dockerfile.finalStage()).contains(dockerfile.stages().get(2));
        assertThat(dockerfile.instructions()).map(Instruction::stage)
                .containsExactly(-1, -1, -1, 0, 0, 0, 0, 1, 1, 1, 1, 1, 2);
    }

    @Test
    void shouldExpandMetaArgsInFromLines() {
        Dockerfile dockerfile = DockerfileParser.parse(MULTI_STAGE);

        assertThat(dockerfile.stages()).map(Stage::resolvedBaseImage)
                .containsExactly("golang:1.22-alpine", "gcr.io/distroless/static", "runtime");
    }

    @Test
    void shouldLetBuildArgumentsWinOverArgDefaults() {
        Dockerfile dockerfile = DockerfileParser.parse("Dockerfile", MULTI_STAGE,
                Map.of("GO_VERSION", "1.23", "RUNTIME", "alpine:3.20"));

        assertThat(dockerfile.stages()).map(Stage::resolvedBaseImage)
                .containsExactly("golang:1.23-alpine", "alpine:3.20", "runtime");
    }

    @Test
    void shouldResolveCopyFromByExpandedNameByIndexOrNotAtAllForAnImage() {
        Dockerfile dockerfile = DockerfileParser.parse(MULTI_STAGE);
        Stage runtime = dockerfile.stages().get(1);

        Instruction byArg = runtime.instructions().get(1);
        assertThat(byArg.flags().value("from")).contains("${STAGE}");
        assertThat(byArg.flags().resolvedValue("from")).contains("builder");
        assertThat(dockerfile.stageCopiedFrom(byArg)).contains(dockerfile.stages().get(0));
        assertThat(dockerfile.stageCopiedFrom(runtime.instructions().get(2))).contains(dockerfile.stages().get(0));
        assertThat(dockerfile.stageCopiedFrom(runtime.instructions().get(3))).isEmpty();
        assertThat(dockerfile.baseStage(dockerfile.stages().get(2))).contains(runtime);
        assertThat(dockerfile.baseStage(runtime)).isEmpty();
    }

    @Test
    void shouldFindStagesByNameInAnyCaseOrByIndex() {
        Dockerfile dockerfile = DockerfileParser.parse(MULTI_STAGE);

        assertThat(dockerfile.stage("BUILDER")).contains(dockerfile.stages().get(0));
        assertThat(dockerfile.stage("1")).contains(dockerfile.stages().get(1));
        assertThat(dockerfile.stage("7")).isEmpty();
        assertThat(dockerfile.stage("nginx")).isEmpty();
    }

    @Test
    void shouldAcceptRepeatedStageNamesAndResolveThemAsBuildKitDoes() {
        Dockerfile dockerfile = DockerfileParser.parse("""
                FROM alpine AS base
                FROM base AS base
                COPY --from=base /a /b
                FROM debian AS base
                """);

        assertThat(dockerfile.baseStage(dockerfile.stages().get(1))).contains(dockerfile.stages().get(0));
        assertThat(dockerfile.stageCopiedFrom(dockerfile.stages().get(1).instructions().get(0)))
                .contains(dockerfile.stages().get(2));
        assertThat(dockerfile.stage("BASE")).contains(dockerfile.stages().get(2));
    }

    @Test
    void shouldExpandEnvValuesWithTheEnvironmentBeforeTheInstruction() {
        Dockerfile dockerfile = DockerfileParser.parse("""
                FROM a
                ENV NAME=one
                ENV NAME=two OTHER=$NAME
                COPY --chown=${OTHER}:${NAME} a b
                """);

        assertThat(dockerfile.instructions().get(3).flags().resolvedValue("chown")).contains("one:two");
    }

    @Test
    void shouldStartAStageBuiltOnAnotherWithItsEnvButNotItsArgs() {
        Dockerfile dockerfile = DockerfileParser.parse("""
                FROM alpine AS base
                ARG FROM_ARG=arg
                ENV FROM_ENV=env
                FROM base
                COPY --chown=${FROM_ENV}:${FROM_ARG} a b
                """);

        assertThat(dockerfile.stages().get(1).instructions().get(0).flags().resolvedValue("chown")).contains("env:");
    }

    @Test
    void shouldGiveOnbuildItsTriggerAsANestedInstruction() {
        Dockerfile dockerfile = DockerfileParser.parse("FROM a\nONBUILD COPY --chown=app . /app\n");
        Instruction onbuild = dockerfile.instructions().get(1);

        assertThat(onbuild.onbuildTrigger()).hasValueSatisfying(trigger -> {
            assertThat(InstructionDescription.of(trigger)).isEqualTo("copy --chown=app <.> </app>");
            assertThat(trigger.written().span()).isEqualTo(onbuild.written().span());
        });
    }

    @Test
    void shouldKeepLineNumbersAcrossBlankLinesCommentsAndContinuations() {
        Dockerfile dockerfile = DockerfileParser.parse("""
                # escape=\\



                FROM busybox


                # a note

                ENV GOPATH \\
                /go


                RUN make \\
                \t&& make test \\

                    # inside

                    && make install
                """);

        assertThat(dockerfile.instructions())
                .map(instruction -> instruction.startLine() + "-" + instruction.endLine())
                .containsExactly("5-5", "10-11", "14-19");
        assertThat(dockerfile.instructions().get(1).arguments().pairs())
                .containsExactly(new KeyValuePair("GOPATH", "/go"));
    }

    @Test
    void shouldKeepTheOriginalTextOfEachInstruction() {
        String text = "FROM a\n  RUN one \\\n  # c\n    two\nCOPY <<EOF /x\nbody\nEOF\n";
        Dockerfile dockerfile = DockerfileParser.parse(text);

        assertThat(dockerfile.text()).isEqualTo(text);
        assertThat(dockerfile.instructions()).map(instruction -> instruction.written().text())
                .containsExactly("FROM a", "RUN one \\\n  # c\n    two", "COPY <<EOF /x\nbody\nEOF");
        assertThat(dockerfile.instructions().get(1).written().span())
                .isEqualTo(new SourceSpan(2, 3, 4, 8, 9, 32));
    }

    @Test
    void shouldListTheStagesAStageNeedsOnceEachInDockerfileOrderThroughCycles() {
        Dockerfile dockerfile = DockerfileParser.parse("""
                FROM alpine AS a
                COPY --from=b /b /b
                FROM alpine AS b
                RUN --mount=from=a,target=/a --mount=type=cache,from=c,target=/c true
                FROM alpine AS c
                FROM b AS final
                """);

        assertThat(dockerfile.stagesNeededBy(dockerfile.stages().get(3))).map(Stage::name).containsExactly("a", "b", "c");
        assertThat(dockerfile.stagesNeededBy(dockerfile.stages().get(0))).map(Stage::name).containsExactly("b", "c");
        assertThat(dockerfile.stagesNeededBy(dockerfile.stages().get(2))).isEmpty();
    }
}
