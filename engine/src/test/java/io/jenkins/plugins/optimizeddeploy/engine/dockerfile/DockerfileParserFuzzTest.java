package io.jenkins.plugins.optimizeddeploy.engine.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * No input crashes the parser: random token soups and mutations of real Dockerfiles either parse, with spans
 * that point at the instructions' exact text, or fail with a {@link DockerfileParseException}.
 *
 * <p>The normal suite runs 10,000 tries per property. For the dedicated long run (a million tries each):
 * {@code mvn -B -o test -pl engine -Dtest=DockerfileParserFuzzTest -Ddockerfile.fuzz.tries=1000000}
 */
class DockerfileParserFuzzTest {
    static final String TRIES_PROPERTY = "dockerfile.fuzz.tries";
    private static final int DEFAULT_TRIES = 10_000;

    private static final List<String> TOKENS = List.of(
            "FROM", "from", "RUN", "COPY", "ADD", "ENV", "ARG", "LABEL", "CMD", "ENTRYPOINT", "SHELL", "USER",
            "WORKDIR", "EXPOSE", "VOLUME", "HEALTHCHECK", "NONE", "ONBUILD", "STOPSIGNAL", "MAINTAINER", "AS",
            " ", " ", " ", "\t", "\n", "\n", "\r\n", "\r", "\\", "\\\n", "`", "`\n", "#", "# escape=`\n",
            "# escape=\\\n", "# syntax=x\n", "<<", "<<-", "<<EOF", "<<'EOF'", "<<\"EOF\"", "EOF", "\tEOF", "3<<",
            "'", "\"", "[", "]", "[\"", "\"]", "\",\"", ",", "{", "}", "$", "${", "${A:-", "${A:+", "${A%", "${A/",
            ":", "=", "--", "--from=", "--chown=", "--mount=type=cache,target=/x", "--platform=", "--link",
            "--interval=", "--retries=", "-", "a", "b", "x y", "0", "1e999", "null", "true", "\u00e9", "\u00a0",
            "\u0085", "\u2028", "\uFEFF", "\uD83D\uDE00", "\u0000", "/", ".", "*", "?", "%", "!", "@");

    /** Lets {@code -Ddockerfile.fuzz.tries=N} replace the normal suite's number of tries. */
    static final class TriesFromSystemProperty implements AroundPropertyHook {
        @Override
        public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
            context.attributes().setTries(Integer.getInteger(TRIES_PROPERTY, DEFAULT_TRIES));
            return property.execute();
        }
    }

    @Property
    @AddLifecycleHook(TriesFromSystemProperty.class)
    void shouldNeverCrashOnRandomTokenSoup(@ForAll("tokenSoup") String input) {
        checkParses(input);
    }

    @Property
    @AddLifecycleHook(TriesFromSystemProperty.class)
    void shouldNeverCrashOnMutatedRealDockerfiles(@ForAll("mutatedDockerfiles") String input) {
        checkParses(input);
    }

    @Property
    @AddLifecycleHook(TriesFromSystemProperty.class)
    void shouldAcceptEveryWellFormedDockerfile(@ForAll("wellFormedDockerfiles") GeneratedDockerfile generated) {
        Dockerfile dockerfile = DockerfileParser.parse(generated.text());

        assertThat(dockerfile.instructions()).map(Instruction::keyword).containsExactlyElementsOf(generated.keywords());
        checkSpans(generated.text(), dockerfile);
    }

    /** A Dockerfile put together from valid pieces, and the keywords of its instructions in order. */
    record GeneratedDockerfile(String text, List<String> keywords) {
    }

    @Provide
    Arbitrary<GeneratedDockerfile> wellFormedDockerfiles() {
        Arbitrary<String[]> instruction = Arbitraries.of(
                new String[] {"run", "RUN apt-get update && apt-get install -y curl"},
                new String[] {"run", "run --mount=type=cache,target=/root/.cache pip install -r requirements.txt"},
                new String[] {"run", "RUN [\"make\", \"test\"]"},
                new String[] {"run", "RUN <<EOF\nset -e\necho \"$HOME\"\nEOF"},
                new String[] {"run", "RUN <<-'END' sh\n\techo a\n\tEND"},
                new String[] {"copy", "COPY --from=base --chown=app:app /src /dst"},
                new String[] {"copy", "COPY <<EOF /etc/x.conf\nk=v\nEOF"},
                new String[] {"add", "ADD --checksum=sha256:00 https://example.com/a.tgz /a"},
                new String[] {"env", "ENV A=1 B=\"two words\""},
                new String[] {"env", "ENV LEGACY some value"},
                new String[] {"arg", "ARG VERSION=1.0"},
                new String[] {"label", "LABEL org.example.title=\"app\""},
                new String[] {"expose", "EXPOSE 8080/tcp 9090"},
                new String[] {"workdir", "WORKDIR /app"},
                new String[] {"user", "USER 1000:1000"},
                new String[] {"volume", "VOLUME [\"/data\"]"},
                new String[] {"healthcheck", "HEALTHCHECK --interval=30s --retries=3 CMD curl -f http://localhost/"},
                new String[] {"healthcheck", "HEALTHCHECK NONE"},
                new String[] {"onbuild", "ONBUILD COPY . /app"},
                new String[] {"shell", "SHELL [\"/bin/sh\", \"-c\"]"},
                new String[] {"stopsignal", "STOPSIGNAL SIGTERM"},
                new String[] {"cmd", "CMD [\"/app\", \"--serve\"]"},
                new String[] {"entrypoint", "ENTRYPOINT /entrypoint.sh"});
        Arbitrary<String> filler = Arbitraries.of("", "\n", "# a comment\n", "   \n", "#\n");
        Arbitrary<Boolean> lowerCase = Arbitraries.of(true, false);
        Arbitrary<Boolean> continued = Arbitraries.of(true, false);
        Arbitrary<String[]> formatted = Combinators.combine(instruction, lowerCase, continued, filler)
                .as((pair, lower, split, before) -> {
                    String text = pair[1];
                    int space = text.indexOf(' ');
                    if (lower) {
                        text = text.substring(0, space).toLowerCase(java.util.Locale.ROOT) + text.substring(space);
                    }
                    if (split && !text.contains("\n") && text.lastIndexOf(' ') > space) {
                        int at = text.lastIndexOf(' ');
                        text = text.substring(0, at) + " \\\n  # inside\n    " + text.substring(at + 1);
                    }
                    return new String[] {pair[0], before + text + "\n"};
                });
        return formatted.list().ofMaxSize(30).map(pieces -> {
            StringBuilder text = new StringBuilder("FROM alpine:3.20 AS base\n");
            List<String> keywords = new ArrayList<>(List.of("from"));
            for (String[] piece : pieces) {
                text.append(piece[1]);
                keywords.add(piece[0]);
            }
            return new GeneratedDockerfile(text.toString(), keywords);
        });
    }

    @Provide
    Arbitrary<String> tokenSoup() {
        Arbitrary<String> token = Arbitraries.oneOf(Arbitraries.of(TOKENS), Arbitraries.strings().ofMaxLength(4));
        Arbitrary<String> soup = token.list().ofMaxSize(80).map(tokens -> String.join("", tokens));
        Arbitrary<String> keyword = Arbitraries.of(TOKENS.subList(0, TOKENS.indexOf(" ")));
        Arbitrary<String> line = Combinators.combine(keyword, token.list().ofMaxSize(12))
                .as((first, rest) -> first + " " + String.join("", rest) + "\n");
        Arbitrary<String> lines = line.list().ofMaxSize(12).map(each -> String.join("", each));
        Arbitrary<String> header = Arbitraries.of("", "FROM a\n", "# escape=`\nFROM a AS b\n",
                "ARG A=b\nFROM ${A} AS s\nENV E=$A\n");
        return Arbitraries.oneOf(soup, Combinators.combine(header, lines).as(String::concat));
    }

    @Provide
    Arbitrary<String> mutatedDockerfiles() {
        Arbitrary<String> seed = Arbitraries.of(seedDockerfiles());
        Arbitrary<Mutation> mutation = Combinators.combine(
                Arbitraries.integers().between(0, 3),
                Arbitraries.doubles().between(0, 1),
                Arbitraries.integers().between(1, 40),
                Arbitraries.of(TOKENS)).as(Mutation::new);
        return Combinators.combine(seed, mutation.list().ofMinSize(1).ofMaxSize(8))
                .as((text, mutations) -> {
                    String mutated = text;
                    for (Mutation each : mutations) {
                        mutated = each.applyTo(mutated);
                    }
                    return mutated;
                });
    }

    /** Insert a token, delete a range, duplicate a range or replace one character, at a relative position. */
    record Mutation(int kind, double where, int length, String token) {
        String applyTo(String text) {
            int at = (int) (where * text.length());
            int end = Math.min(text.length(), at + length);
            return switch (kind) {
                case 0 -> text.substring(0, at) + token + text.substring(at);
                case 1 -> text.substring(0, at) + text.substring(end);
                case 2 -> text.substring(0, end) + text.substring(at, end) + text.substring(end);
                default -> at < text.length() ? text.substring(0, at) + token + text.substring(at + 1) : text + token;
            };
        }
    }

    private static List<String> seedDockerfiles() {
        List<String> seeds = new ArrayList<>();
        for (String name : List.of("go.Dockerfile", "node.Dockerfile", "python.Dockerfile")) {
            try (InputStream in = DockerfileParserFuzzTest.class.getResourceAsStream("/dockerfile/" + name)) {
                seeds.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read test resource " + name, e);
            }
        }
        seeds.add("# escape=`\nFROM mcr.microsoft.com/windows/servercore\nRUN dir c:\\ `\n  && echo x\n"
                + "SHELL [\"powershell\", \"-Command\"]\n");
        seeds.add("ARG BASE=alpine\nFROM ${BASE:-x} AS a\nONBUILD RUN <<EOF\nx\nEOF\n"
                + "HEALTHCHECK --interval=1s CMD [\"true\"]\nHEALTHCHECK NONE\nCOPY --from=a <<A <<-B /d\n1\nA\n\t2\n\tB\n"
                + "ENV K v w\nLABEL \"a b\"='c' d=e\\ f\nVOLUME [\"/v\"]\nEXPOSE 1 2\nUSER u\nWORKDIR /w\n"
                + "STOPSIGNAL 9\nMAINTAINER m\nENTRYPOINT e\nCMD [\"c\"]\n");
        return seeds;
    }

    private static void checkParses(String input) {
        Dockerfile dockerfile;
        try {
            dockerfile = DockerfileParser.parse(input);
        } catch (DockerfileParseException expected) {
            assertThat(expected.line()).isPositive();
            assertThat(expected.reason()).isNotBlank();
            Statistics.label("outcome").collect("rejected");
            return;
        }
        Statistics.label("outcome").collect("parsed");
        checkSpans(input, dockerfile);
    }

    private static void checkSpans(String input, Dockerfile dockerfile) {
        assertThat(dockerfile.instructions()).isNotEmpty();
        int previousEnd = 0;
        for (Instruction instruction : dockerfile.instructions()) {
            SourceSpan span = instruction.written().span();
            assertThat(span.startOffset()).isGreaterThanOrEqualTo(previousEnd);
            assertThat(instruction.written().text()).isEqualTo(input.substring(span.startOffset(), span.endOffset()));
            previousEnd = span.endOffset();
        }
        for (Stage stage : dockerfile.stages()) {
            assertThat(dockerfile.stages().get(stage.index())).isSameAs(stage);
            assertThat(stage.instructions()).allSatisfy(each -> assertThat(each.stage()).isEqualTo(stage.index()));
        }
    }
}
