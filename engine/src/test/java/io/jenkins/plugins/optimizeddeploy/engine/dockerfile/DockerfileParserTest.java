package io.jenkins.plugins.optimizeddeploy.engine.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Table-driven: each row is a Dockerfile fragment and what BuildKit's parser makes of it. Fragments without a
 * FROM get {@code FROM scratch} put in front, so the row's instruction is the second one.
 */
class DockerfileParserTest {

    private static Instruction last(String fragment) {
        List<Instruction> instructions = DockerfileParser.parse(withFrom(fragment)).instructions();
        return instructions.get(instructions.size() - 1);
    }

    private static String withFrom(String fragment) {
        return fragment.stripLeading().regionMatches(true, 0, "FROM", 0, 4) || fragment.startsWith("#")
                || fragment.startsWith("ARG") ? fragment : "FROM scratch\n" + fragment;
    }

    private static Arguments row(String input, String expected) {
        return Arguments.of(input, expected);
    }

    static Stream<Arguments> instructions() {
        return Stream.of(
                // keywords are case-insensitive; the keyword is reported lower case
                row("run echo hi", "run <echo hi>"),
                row("RuN echo hi", "run <echo hi>"),
                // shell form keeps the whole text, quotes and all
                row("RUN echo \"a  b\" 'c'", "run <echo \"a  b\" 'c'>"),
                row("CMD   spaced   out  ", "cmd <spaced   out>"),
                // exec form: the JSON array's strings
                row("CMD [\"nginx\", \"-g\", \"daemon off;\"]", "cmd json <nginx> <-g> <daemon off;>"),
                row("ENTRYPOINT [\"/bin/app\"]", "entrypoint json </bin/app>"),
                row("RUN [\"a\",\"b\\\"c\", \"\\u00e9\"]", "run json <a> <b\"c> <\u00e9>"),
                row("CMD []", "cmd json"),
                row("SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]", "shell json </bin/bash> <-o> <pipefail> <-c>"),
                // invalid JSON falls back to shell form, exactly as Docker does
                row("CMD [\"a\", 'b']", "cmd <[\"a\", 'b']>"),
                row("CMD [\"a\",]", "cmd <[\"a\",]>"),
                row("CMD [\"a\"] extra", "cmd <[\"a\"] extra>"),
                row("CMD [a]", "cmd <[a]>"),
                row("CMD [\"a\" \"b\"]", "cmd <[\"a\" \"b\"]>"),
                row("CMD [1e999]", "cmd <[1e999]>"),
                row("COPY [\"a b\", \"/c\"]", "copy json <a b> </c>"),
                row("COPY [a b] /c", "copy <[a> <b]> </c>"),
                row("VOLUME [\"/data\", \"/logs\"]", "volume json </data> </logs>"),
                row("VOLUME /data /logs", "volume </data> </logs>"),
                // continuations are joined without the escape; indentation of the next line is kept
                row("RUN apt-get update && \\\n    apt-get install -y curl",
                        "run <apt-get update &&     apt-get install -y curl>"),
                row("RUN a \\  \t\n b", "run <a  b>"),
                // comments and blank lines inside a continuation are dropped
                row("RUN a \\\n# a comment\n\n   \n  # another\n b", "run <a  b>"),
                // an escaped escape does not continue the line
                row("RUN echo a\\\\\nRUN echo b", "run <echo b>"),
                // a continuation at the end of the file
                row("RUN echo a \\", "run <echo a>"),
                // a line with only the escape starts a continuation
                row("RUN a \\\n\\\n b", "run <a  b>"),
                row("\\\nRUN a", "run <a>"),
                // flags, with and without values, quotes removed as Docker removes them
                row("COPY --from=builder --chown=app:app /src /dst", "copy --from=builder --chown=app:app </src> </dst>"),
                row("COPY --link --chmod=755 a b", "copy --link --chmod=755 <a> <b>"),
                row("COPY --from=\"build er\" a b", "copy --from=build er <a> <b>"),
                row("COPY --exclude=*.md --exclude=*.txt . /app", "copy --exclude=*.md --exclude=*.txt <.> </app>"),
                row("COPY --parents ./x/* /dst", "copy --parents <./x/*> </dst>"),
                row("ADD --checksum=sha256:abc https://example.com/a.tgz /a", "add --checksum=sha256:abc <https://example.com/a.tgz> </a>"),
                row("ADD --keep-git-dir=true git@github.com:a/b.git /src", "add --keep-git-dir=true <git@github.com:a/b.git> </src>"),
                row("ADD --unpack=false a.tar /x", "add --unpack=false <a.tar> </x>"),
                row("RUN --mount=type=cache,target=/root/.cache pip install .", "run --mount=type=cache,target=/root/.cache <pip install .>"),
                row("RUN --mount=type=secret,id=npm --mount=type=ssh npm ci", "run --mount=type=secret,id=npm --mount=type=ssh <npm ci>"),
                row("RUN --network=none --security=insecure make", "run --network=none --security=insecure <make>"),
                row("RUN --device=/dev/fuse ls", "run --device=/dev/fuse <ls>"),
                row("RUN --device=name=/dev/kvm,required ls", "run --device=name=/dev/kvm,required <ls>"),
                row("RUN --mount=type=bind,from=builder,source=/out,target=/in,\"readonly\" ls",
                        "run --mount=type=bind,from=builder,source=/out,target=/in,readonly <ls>"),
                row("RUN --mount=from=$ x", "run --mount=from=$ <x>"),
                // an unterminated quote in a flag swallows the rest of the line, as in BuildKit
                row("RUN --mount=type=bind,source=\"a make", "run --mount=type=bind,source=a make"),
                row("RUN -- --not-a-flag", "run <--not-a-flag>"),
                row("RUN --network=host -- --x", "run --network=host <--x>"),
                row("RUN -x", "run <-x>"),
                // the line goes through UTF-8 as BuildKit reads it: a lone surrogate comes out as '?'
                row("RUN echo \uD800 \uD83D\uDE00", "run <echo ? \uD83D\uDE00>"),
                row("RUN --network=none echo \uDC00", "run --network=none <echo ?>"),
                row("RUN \u00a0--x", "run <--x>"),
                // exec form after flags
                row("RUN --network=none [\"make\", \"test\"]", "run --network=none json <make> <test>"),
                // words of other instructions
                row("EXPOSE 80/tcp  443 \t 8080/udp", "expose <80/tcp> <443> <8080/udp>"),
                row("USER app:app", "user <app:app>"),
                row("USER 1000 1000", "user <1000 1000>"),
                row("WORKDIR /my app", "workdir </my app>"),
                row("STOPSIGNAL SIGTERM", "stopsignal <SIGTERM>"),
                row("MAINTAINER Jane Doe <jane@example.com>", "maintainer <Jane Doe <jane@example.com>>"),
                row("ARG VERSION", "arg <VERSION>"),
                row("ARG A=1 B=\"two words\"", "arg <A=1> <B=\"two words\">"),
                row("ENV PATH=/app/bin:$PATH LANG=C.UTF-8", "env <PATH=/app/bin:$PATH> <LANG=C.UTF-8>"),
                row("ENV LEGACY some value here", "env <LEGACY> <some value here>"),
                row("LABEL org.opencontainers.image.title=\"My app\" version=1", "label <org.opencontainers.image.title=\"My app\"> <version=1>"),
                // HEALTHCHECK: type, then the command in shell or exec form
                row("HEALTHCHECK --interval=30s --timeout=3s --start-period=5s --start-interval=1s --retries=3 CMD curl -f http://localhost/ || exit 1",
                        "healthcheck --interval=30s --timeout=3s --start-period=5s --start-interval=1s --retries=3 <CMD> <curl -f http://localhost/ || exit 1>"),
                row("HEALTHCHECK CMD [\"/bin/check\", \"-q\"]", "healthcheck json <CMD> </bin/check> <-q>"),
                // a zero duration means "the default" (older BuildKit, such as Docker 20.10's, refused it)
                row("HEALTHCHECK --start-period=0 --interval=0s CMD x", "healthcheck --start-period=0 --interval=0s <CMD> <x>"),
                row("HEALTHCHECK NONE", "healthcheck <NONE>"),
                row("healthcheck none", "healthcheck <none>"),
                // ONBUILD: the trigger's keyword and arguments
                row("ONBUILD RUN make", "onbuild <RUN> <make>"),
                row("ONBUILD COPY [\"a\", \"b\"]", "onbuild json <COPY> <a> <b>"),
                // heredoc markers stay in the arguments
                row("RUN <<EOF\necho hi\nEOF", "run <<<EOF>"),
                row("COPY <<EOF /etc/app.conf\nkey=value\nEOF", "copy <<<EOF> </etc/app.conf>"),
                // FROM and stage names
                row("FROM --platform=linux/arm64 alpine:3.20 AS Build", "from --platform=linux/arm64 <alpine:3.20> <AS> <Build>"),
                row("from alpine as base", "from <alpine> <as> <base>"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("instructions")
    void shouldParseInstructionsAsBuildKitDoes(String input, String expected) {
        assertThat(InstructionDescription.of(last(input))).isEqualTo(expected);
    }

    static Stream<Arguments> pairs() {
        return Stream.of(
                row("ENV A=1", "A=1"),
                row("ENV A=\"two words\" B='single $quoted' C=plain", "A=two words; B=single $quoted; C=plain"),
                row("ENV A=escaped\\ space", "A=escaped space"),
                row("ENV A=\"a\\\"b\"", "A=a\"b"),
                row("ENV A=$OTHER B=${OTHER:-x}", "A=$OTHER; B=${OTHER:-x}"),
                row("ENV LEGACY some \"quoted\" value", "LEGACY=some quoted value"),
                row("ENV A=", "A="),
                row("ENV A=1 \\\n    B=2", "A=1; B=2"),
                row("LABEL \"com.example.vendor\"=\"ACME Inc\" description=\"x y\"",
                        "com.example.vendor=ACME Inc; description=x y"),
                row("LABEL maintainer jane", "maintainer=jane"),
                row("ARG VERSION", "VERSION"),
                row("ARG VERSION=1.2 NAME=\"my app\" EMPTY=", "VERSION=1.2; NAME=my app; EMPTY="),
                row("# escape=`\nFROM scratch\nENV A=back`tick B=\"x`\"y\"", "A=backtick; B=x\"y"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("pairs")
    void shouldUnquotePairValuesAsDockerDoes(String input, String expected) {
        assertThat(InstructionDescription.pairsOf(last(input))).isEqualTo(expected);
    }

    static Stream<Arguments> heredocs() {
        return Stream.of(
                row("RUN <<EOF\necho hi\nEOF", "EOF|echo hi\n|expand"),
                row("RUN <<EOF bash\nset -e\n\necho $HOME\nEOF", "EOF|set -e\n\necho $HOME\n|expand"),
                row("RUN <<-EOF\n\techo hi\n\t\techo indented\n\tEOF", "EOF|echo hi\necho indented\n|expand"),
                row("RUN <<'EOF'\necho $HOME\nEOF", "EOF|echo $HOME\n|literal"),
                row("RUN <<\"EOF\"\necho $HOME\nEOF", "EOF|echo $HOME\n|literal"),
                row("RUN <<E'O'F\nx\nEOF", "EOF|x\n|literal"),
                row("RUN <<  EOF\nx\nEOF", "EOF|x\n|expand"),
                row("RUN 3<<EOF cat /proc/self/fd/3\nx\nEOF", "EOF|x\n|expand|fd 3"),
                row("COPY <<A <<B /dst/\na\nA\nb\nB", "A|a\n|expand, B|b\n|expand"),
                row("RUN <<A cat && <<B cat\n1\nA\n2\nB", "A|1\n|expand, B|2\n|expand"),
                row("COPY --chmod=755 <<EOF /usr/local/bin/run.sh\n#!/bin/sh\nexec app\nEOF",
                        "EOF|#!/bin/sh\nexec app\n|expand"),
                row("RUN <<EOF\r\nwindows\r\nEOF\r\n", "EOF|windows\r\n|expand"),
                row("ONBUILD RUN <<EOF\nx\nEOF", "EOF|x\n|expand"),
                // no heredocs: exec form, other instructions, a quoted marker, no delimiter word
                row("RUN [\"<<EOF\"]", ""),
                row("RUN echo \"<<EOF\"", ""),
                row("RUN echo a<b", ""),
                row("RUN cat <<", ""),
                row("USER <<EOF", ""),
                row("CMD <<EOF", ""));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("heredocs")
    void shouldReadHeredocsAsBuildKitDoes(String input, String expected) {
        String actual = String.join(", ", last(input).arguments().heredocs().stream()
                .map(heredoc -> heredoc.name() + "|" + heredoc.content() + "|" + (heredoc.expand() ? "expand" : "literal")
                        + (heredoc.fileDescriptor() != 0 ? "|fd " + heredoc.fileDescriptor() : ""))
                .toList());
        assertThat(actual).isEqualTo(expected);
    }

    static Stream<Arguments> spans() {
        return Stream.of(
                // start line:column - end line:column (end exclusive)
                row("RUN a", "2:1-2:6"),
                row("   RUN a", "2:4-2:9"),
                row("RUN a \\\n  b", "2:1-3:4"),
                row("RUN a \\\n# c\n\n b", "2:1-5:3"),
                row("RUN <<EOF\nx\nEOF", "2:1-4:4"),
                row("RUN <<-EOF\n\tx\n\tEOF", "2:1-4:5"),
                row("RUN a\r", "2:1-2:6"),
                row("RUN a \\", "2:1-2:8"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("spans")
    void shouldKeepTheExactSourceSpanOfEachInstruction(String input, String expected) {
        SourceSpan span = last(input).written().span();
        assertThat(span.startLine() + ":" + span.startColumn() + "-" + span.endLine() + ":" + span.endColumn())
                .isEqualTo(expected);
    }

    static Stream<Arguments> errors() {
        return Stream.of(
                row("FROM scratch\nRUNN echo", "Dockerfile:2: unknown instruction: RUNN"),
                row("https://ci:s3cr3t@git.example.com", "Dockerfile:1: unknown instruction: a word that is not"
                        + " shown, as it is no keyword (expected one of ADD,"),
                row("ghp_0123456789abcdef\n", "Dockerfile:1: unknown instruction: a word that is not shown"),
                row("FROM", "Dockerfile:1: FROM requires either one or three arguments"),
                row("FROM a AS", "Dockerfile:1: FROM requires either one or three arguments"),
                row("FROM a AS 1st", "Dockerfile:1: invalid name for build stage: \"1st\""),
                row("FROM a\nCOPY --from a b", "Dockerfile:2: missing a value on flag: --from"),
                row("FROM a\nCOPY --fromm=x a b", "Dockerfile:2: unknown flag: --fromm for COPY (expected one of"),
                row("FROM a\nCOPY --link=maybe a b", "Dockerfile:2: expecting boolean value for flag --link, not: maybe"),
                row("FROM a\nCOPY --link= a b", "Dockerfile:2: missing a value on flag: --link"),
                row("FROM a\nCOPY --from=x --from=y a b", "Dockerfile:2: duplicate flag specified: --from"),
                row("FROM a\nCOPY onlyone", "Dockerfile:2: COPY requires at least two arguments"),
                row("FROM a\nCOPY a <<EOF\nx\nEOF", "Dockerfile:2: COPY cannot accept a heredoc as a destination"),
                row("FROM a\nRUN --network=bridge make", "Dockerfile:2: invalid network mode \"bridge\""),
                row("FROM a\nRUN --security=root make", "Dockerfile:2: security \"root\" is not valid"),
                row("FROM a\nRUN --mount= make", "Dockerfile:2: failed to parse csv mounts in --mount=: EOF"),
                row("FROM a\nRUN --mount=type=bind,sou\\\"rce=a make", "Dockerfile:2: failed to parse csv mounts in --mount=type=bind,sou\"rce=a: parse error on line 1, column 14: bare \" in non-quoted-field"),
                row("FROM a\nRUN --mount=type=bind,\\\"src\\\"x=a make", "Dockerfile:2: failed to parse csv mounts in --mount=type=bind,\"src\"x=a: parse error on line 1, column 15: extraneous or missing \" in quoted-field"),
                row("FROM a\nRUN --mount=type=bind,from=$STAGE,target=/x make", "Dockerfile:2: 'from' doesn't support variable expansion"),
                row("FROM a\nRUN --device=a,b make", "Dockerfile:2: invalid field 'b' must be a key=value pair"),
                row("FROM a\nRUN --device=a,name=b make", "Dockerfile:2: device name already set to a"),
                row("FROM a\nRUN --device=a,required=maybe make", "Dockerfile:2: invalid value for required: maybe"),
                row("FROM a\nRUN --device=a,x=1 make", "Dockerfile:2: unexpected key 'x' in 'x=1'"),
                row("FROM a\nCMD --foo x", "Dockerfile:2: unknown flag: --foo for CMD (it takes no flags)"),
                row("FROM a\nRUN <<EOF\necho", "Dockerfile:2: unterminated heredoc"),
                row("FROM a\nRUN <<-EOF\n  EOF", "Dockerfile:2: unterminated heredoc"),
                row("FROM a\nCMD [\"a\", 1]", "Dockerfile:2: when using JSON array syntax, arrays must be comprised of strings only"),
                row("FROM a\nCMD [null]", "Dockerfile:2: when using JSON array syntax"),
                row("FROM a\nENV", "Dockerfile:2: ENV requires at least one argument"),
                row("FROM a\nENV ONLYKEY", "Dockerfile:2: ENV must have two arguments"),
                row("FROM a\nENV A=1 B", "Dockerfile:2: Syntax error - can't find = in \"B\""),
                row("FROM a\nENV =x", "Dockerfile:2: ENV names can not be blank"),
                row("FROM a\nLABEL", "Dockerfile:2: LABEL requires at least one argument"),
                row("FROM a\nARG", "Dockerfile:2: ARG requires at least one argument"),
                row("FROM a\nARG =x", "Dockerfile:2: ARG names can not be blank"),
                row("FROM a\nUSER", "Dockerfile:2: USER requires exactly one argument"),
                row("FROM a\nWORKDIR", "Dockerfile:2: WORKDIR requires exactly one argument"),
                row("FROM a\nEXPOSE", "Dockerfile:2: EXPOSE requires at least one argument"),
                row("FROM a\nVOLUME [\" \"]", "Dockerfile:2: VOLUME specified can not be an empty string"),
                row("FROM a\nSHELL /bin/bash -c", "Dockerfile:2: SHELL requires the arguments to be in JSON form"),
                row("FROM a\nSHELL []", "Dockerfile:2: SHELL requires at least one argument"),
                row("FROM a\nHEALTHCHECK", "Dockerfile:2: HEALTHCHECK requires at least one argument"),
                row("FROM a\nHEALTHCHECK NONE now", "Dockerfile:2: HEALTHCHECK NONE takes no arguments"),
                row("FROM a\nHEALTHCHECK CMD", "Dockerfile:2: Missing command after HEALTHCHECK CMD"),
                row("FROM a\nHEALTHCHECK RUN x", "Dockerfile:2: Unknown type \"RUN\" in HEALTHCHECK (try CMD)"),
                row("FROM a\nHEALTHCHECK --interval=5 CMD x", "Dockerfile:2: --interval=5: invalid duration"),
                row("FROM a\nHEALTHCHECK --timeout=10us CMD x", "Dockerfile:2: Interval \"timeout\" cannot be less than 1ms"),
                row("FROM a\nHEALTHCHECK --retries=-1 CMD x", "Dockerfile:2: --retries cannot be negative"),
                row("FROM a\nHEALTHCHECK --retries=x CMD x", "Dockerfile:2: --retries=x: expected a whole number"),
                row("FROM a\nHEALTHCHECK --interval CMD x", "Dockerfile:2: missing a value on flag: --interval"),
                row("FROM a\nHEALTHCHECK --verbose CMD x", "Dockerfile:2: unknown flag: --verbose for HEALTHCHECK"),
                row("FROM a\nONBUILD", "Dockerfile:2: ONBUILD requires at least one argument"),
                row("FROM a\nONBUILD ONBUILD RUN x", "Dockerfile:2: Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed"),
                row("FROM a\nONBUILD FROM b", "Dockerfile:2: FROM isn't allowed as an ONBUILD trigger"),
                row("RUN echo", "Dockerfile:1: RUN before the first FROM: no build stage in current context"),
                row("", "Dockerfile:1: file with no instructions"),
                row("# just a comment\n\n", "Dockerfile:2: file with no instructions"),
                row("# escape=x\nFROM a", "Dockerfile:1: invalid escape token 'x' does not match ` or \\"),
                row("# syntax=a\n# syntax=b\nFROM a", "Dockerfile:2: only one syntax parser directive can be used"),
                row("FROM ${BASE", "Dockerfile:1: FROM ${BASE: syntax error: missing '}'"),
                row("FROM a\nRUN " + "x".repeat(70_000), "Dockerfile:2: dockerfile line greater than max allowed size of 65535"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("errors")
    void shouldRejectWhatDockerRejectsWithTheLineAndTheReason(String input, String expectedMessageStart) {
        assertThatThrownBy(() -> DockerfileParser.parse(input))
                .isInstanceOf(DockerfileParseException.class)
                .hasMessageStartingWith(expectedMessageStart);
    }
}
