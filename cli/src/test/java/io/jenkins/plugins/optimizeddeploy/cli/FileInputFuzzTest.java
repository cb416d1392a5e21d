package io.jenkins.plugins.optimizeddeploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.optimizeddeploy.cli.common.ExitCode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Every file the CLI reads, filled with random bytes, token soups, deep nesting and expansion bombs: each run ends
 * with exit code 0, 1 or 2, within a time and an allocation bound, and says what is wrong in one line, never with a
 * stack trace. (Exit code 3 would mean a crash, 1 a gate that a crash must never pass for.) About 30 s in all on an idle machine; bake
 * files go through {@code build} with a target the file cannot have, so nothing is ever built.
 */
class FileInputFuzzTest {
    private static final Duration TIME_BOUND = Duration.ofSeconds(10);
    /** A bake file is read by docker buildx where it is installed, which gets a minute before it is stopped. */
    private static final Duration BAKE_TIME_BOUND = Duration.ofSeconds(70);
    private static final long ALLOCATION_BOUND = 1L << 30;
    private static final String CLEAN_DOCKERFILE = "FROM debian:12.5\nUSER 10001\nCMD [\"app\"]\n";

    private static Path folder;

    @BeforeContainer
    static void createFolder() throws IOException {
        folder = Files.createTempDirectory("file-input-fuzz");
    }

    @AfterContainer
    static void deleteFolder() throws IOException {
        try (var files = Files.list(folder)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(folder);
    }

    @Property(tries = 200)
    void shouldLintAndParseAnyDockerfile(@ForAll("dockerfiles") byte[] content) {
        String dockerfile = write("Dockerfile", content);

        assertEndsCleanly(() -> CliRun.of("harden", dockerfile));
        assertEndsCleanly(() -> CliRun.of("parse", dockerfile));
    }

    @Property(tries = 150)
    void shouldReadAnyHadolintConfiguration(@ForAll("hadolintConfigurations") byte[] content) {
        String config = write(".hadolint.yaml", content);
        String dockerfile = write("Dockerfile", CLEAN_DOCKERFILE.getBytes(StandardCharsets.UTF_8));

        assertEndsCleanly(() -> CliRun.of("harden", "--config", config, dockerfile));
    }

    @Property(tries = 120)
    void shouldReadAnyBakeFile(@ForAll("bakeFiles") byte[] content, @ForAll boolean json) {
        String bakeFile = write(json ? "docker-bake.json" : "docker-bake.hcl", content);

        assertEndsCleanly(BAKE_TIME_BOUND, () -> CliRun.of("build", "--file", bakeFile, "--registry",
                "127.0.0.1:9/fuzz", "--target", "not-in-the-file", "--created", "2026-01-01T00:00:00Z"));
    }

    @Property(tries = 120)
    void shouldReadAnyDockerConfig(@ForAll("dockerConfigs") byte[] content) {
        String dockerConfig = write("config.json", content);
        String bakeFile = write("docker-bake.hcl", "target \"app\" {}\n".getBytes(StandardCharsets.UTF_8));

        assertEndsCleanly(() -> CliRun.of("build", "--file", bakeFile, "--registry", "127.0.0.1:9/fuzz",
                "--docker-config", dockerConfig, "--target", "not-in-the-file", "--created", "2026-01-01T00:00:00Z"));
    }

    @Provide
    Arbitrary<byte[]> dockerfiles() {
        return inputs(List.of("FROM a\n", "FROM ${A}\n", "ARG A=${A}${A}\n", "ENV B=${B}${B}\n", "ARG ", "ENV ",
                "RUN ", "COPY --from=", "ONBUILD ", "HEALTHCHECK CMD ", "LABEL k=", "USER ", "EXPOSE 22 ", "${A:-",
                "${A//a/aaaa}", "}", "\"", "'", "\\\n", "<<EOF\n", "EOF\n", "# escape=`\n", "[\"", "\"]", "\n", " ",
                "\u0000", "\u001b[2J", "\u00e9", "\uFEFF", "AWS_SECRET_ACCESS_KEY=x ", "https://u:p@h "),
                List.of("${A:-", "[", "\"${", "ARG A=x${A}${A}\n"), List.of("}", "]", "}\"", ""));
    }

    @Provide
    Arbitrary<byte[]> hadolintConfigurations() {
        return inputs(List.of("ignored:", "override:", "error:", "failure-threshold: ", "trustedRegistries:",
                "no-fail: ", "true", "DL3008", "- ", "[", "]", "{", "}", ": ", "\n", "  ", "---\n", "&a ", "*a ",
                "!!binary ", "'", "\"", "#", "%YAML 1.2\n", "\t", "\u0000"), List.of("[", "{a: ", "- "),
                List.of("]", "}", ""));
    }

    @Provide
    Arbitrary<byte[]> bakeFiles() {
        return inputs(List.of("target \"t\" {\n", "group \"default\" {\n", "variable \"V\" {\n", "default = ",
                "targets = [\"t\"]\n", "inherits = [\"t\"]\n", "tags = ", "A = \"${A}${A}\"\n", "B = [B, B]\n", "}\n",
                "\"", "${", "[", "]", "{", ":", "=", ",", "<<EOT\n", "EOT\n", "#", "//", "/*", "*/", "\n", " ",
                "null", "1e999", "-", "\\u", "\u0000", "\"target\": {", "\"t\": {\"tags\": [", "\"${V}\""),
                List.of("[", "{a = ", "\"${", "x {\n", "{\"a\": "), List.of("]", "}", "}\"", "}\n", "}"));
    }

    @Provide
    Arbitrary<byte[]> dockerConfigs() {
        return inputs(List.of("{", "}", "[", "]", "\"auths\"", "\"credHelpers\"", "\"credsStore\"", "\"auth\"",
                "\"username\"", "\"password\"", "\"identitytoken\"", "\"r.example\"", "\"dTpw\"", "\"!!\"", ":", ",",
                "null", "1", "true", " ", "\n", "\u0000"), List.of("{\"a\":", "["), List.of("}", "]"));
    }

    /**
     * Random bytes; soups of the format's tokens; and a token soup wrapped in an opener repeated up to 60,000 times,
     * for nesting far deeper than any stack takes (or, for an opener that doubles a variable, an expansion bomb).
     */
    private static Arbitrary<byte[]> inputs(List<String> tokens, List<String> openers, List<String> closers) {
        Arbitrary<byte[]> bytes = Arbitraries.bytes().array(byte[].class).ofMaxSize(4096);
        Arbitrary<String> soup = Arbitraries.of(tokens).list().ofMaxSize(200).map(each -> String.join("", each));
        Arbitrary<String> nested = Arbitraries.integers().between(0, openers.size() - 1).flatMap(kind ->
                Arbitraries.integers().between(1, 60_000).flatMap(depth -> soup.map(inner ->
                        openers.get(kind).repeat(depth) + inner + closers.get(kind).repeat(depth))));
        return Arbitraries.oneOf(bytes, soup.map(FileInputFuzzTest::utf8), nested.map(FileInputFuzzTest::utf8));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String write(String name, byte[] content) {
        try {
            return Files.write(folder.resolve(name), content).toString();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the fuzz input " + name, e);
        }
    }

    private static void assertEndsCleanly(Supplier<CliRun> command) {
        assertEndsCleanly(TIME_BOUND, command);
    }

    private static void assertEndsCleanly(Duration timeBound, Supplier<CliRun> command) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
        long started = System.nanoTime();

        CliRun run = command.get();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).as(run.err()).isLessThan(timeBound);
        assertThat(threads.getCurrentThreadAllocatedBytes() - allocatedBefore).as(run.err())
                .isLessThan(ALLOCATION_BOUND);
        assertThat(run.exitCode()).as(run.err()).isIn(ExitCode.OK, ExitCode.GATE_FAILED, ExitCode.BAD_INPUT);
        assertThat(run.err()).doesNotContain("\tat ", "Exception in thread");
        if (run.exitCode() == ExitCode.BAD_INPUT) {
            assertThat(run.err().lines().filter(line -> !line.startsWith("Try '"))).as(run.err()).hasSize(1);
        }
    }
}
