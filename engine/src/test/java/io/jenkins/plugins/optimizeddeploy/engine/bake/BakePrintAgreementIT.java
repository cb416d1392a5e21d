package io.jenkins.plugins.optimizeddeploy.engine.bake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.optimizeddeploy.engine.exec.ProcessCommandRunner;
import io.jenkins.plugins.optimizeddeploy.testsupport.CommandResult;
import io.jenkins.plugins.optimizeddeploy.testsupport.DockerBuildx;
import io.jenkins.plugins.optimizeddeploy.testsupport.RequiredBinary;
import io.jenkins.plugins.optimizeddeploy.testsupport.SampleApp;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code docker buildx bake --print} is the authority on what a bake file means: the built-in reader's print of each
 * case (BakePrintJson) must be buildx's, for the attributes BakeTarget holds. The recorded outputs under
 * {@code build/bake-print/golden} (see its README) come from buildx 0.29.1 and are checked everywhere; the installed
 * buildx must print them again (a missing buildx fails, naming the Debian package docker-buildx), and BakeReading's
 * reading through buildx must give the built-in reader's definition. {@code -Dbake.print.record=true} rewrites the
 * recorded outputs from the installed buildx.
 */
class BakePrintAgreementIT {
    /** The buildx version the recordings come from. */
    private static final String RECORDED_WITH = "0.29.1";
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).enable(SerializationFeature.INDENT_OUTPUT);
    private static final Path RECORDED_IN_SOURCES = Path.of("src", "test", "resources", "build", "bake-print", "golden");
    /** The attributes of a printed target that BakeTarget holds; buildx's others (output, secret...) are not read. */
    private static final Set<String> READ_ATTRIBUTES = Set.of("context", "contexts", "dockerfile", "args", "labels",
            "tags", "cache-from", "cache-to", "target", "platforms");
    /** What BuildxBakeBuilder generates for BuildxBakeBuilderTest's plan of the sample app (that test checks it). */
    private static final String OVERRIDE_FILE = "buildx-override-expected.json";
    private static final Map<String, String> SAMPLE_APP_ENVIRONMENT =
            Map.of("BASE_IMAGE", "127.0.0.1:5000/base/busybox:latest", "REGISTRY", "127.0.0.1:5000", "TAG", "1.0.0");
    private static final Map<String, String> OVERRIDES = Map.ofEntries(Map.entry("TAG", "7"), Map.entry("PUSH", "1"),
            Map.entry("REPLICAS", "3.0"), Map.entry("RATIO", "0.50"), Map.entry("NOTHING", "set"),
            Map.entry("RELEASE", "not-a-variable"), Map.entry("VERSION", "2.0"),
            Map.entry("BAKE_CMD_CONTEXT", "built-in"), Map.entry("REGISTRY", "other.example.com"),
            Map.entry("DOUBLE", "from-environment"), Map.entry("SOURCE_DATE_EPOCH", "1700000000"));

    static Stream<PrintCase> cases() throws URISyntaxException {
        Path sampleHcl = SampleApp.directory().resolve("docker-bake.hcl");
        Path sampleJson = SampleApp.directory().resolve("docker-bake.json");
        return Stream.of(
                new PrintCase("sample-app-hcl-default", sampleHcl, Map.of(), List.of()),
                new PrintCase("sample-app-hcl-essential", sampleHcl, SAMPLE_APP_ENVIRONMENT, List.of("essential")),
                new PrintCase("sample-app-hcl-all", sampleHcl, SAMPLE_APP_ENVIRONMENT, List.of("all")),
                new PrintCase("sample-app-json-default", sampleJson, Map.of(), List.of()),
                new PrintCase("sample-app-json-essential", sampleJson, SAMPLE_APP_ENVIRONMENT, List.of("essential")),
                new PrintCase("sample-app-json-targets", sampleJson, SAMPLE_APP_ENVIRONMENT, List.of("docs", "web")),
                new PrintCase("full-bake-hcl-default", resource("full-bake.hcl"), Map.of(), List.of()),
                new PrintCase("full-bake-hcl-targets", resource("full-bake.hcl"), Map.of("TAG", "7"),
                        List.of("_common", "worker", "api")),
                new PrintCase("full-bake-json-default", resource("full-bake.json"), Map.of(), List.of()),
                new PrintCase("full-bake-json-targets", resource("full-bake.json"), Map.of("TAG", "7"),
                        List.of("_common", "worker", "api")),
                new PrintCase("inherits-default", printResource("inherits.hcl"), Map.of(), List.of()),
                new PrintCase("inherits-nested-groups", printResource("inherits.hcl"), Map.of(), List.of("nested")),
                new PrintCase("inherits-targets", printResource("inherits.hcl"), Map.of(),
                        List.of("base", "middle", "app", "left", "right", "diamond", "cycle-b", "cycle-a", "self")),
                new PrintCase("inherits-missing-parent", printResource("inherits.hcl"), Map.of(),
                        List.of("missing-parent")),
                new PrintCase("variables-hcl-defaults", printResource("variables.hcl"), Map.of(), List.of()),
                new PrintCase("variables-hcl-environment", printResource("variables.hcl"), OVERRIDES, List.of()),
                new PrintCase("variables-hcl-not-a-bool", printResource("variables.hcl"), Map.of("PUSH", "yes"),
                        List.of()),
                new PrintCase("variables-hcl-not-a-number", printResource("variables.hcl"),
                        Map.of("REPLICAS", "three"), List.of()),
                new PrintCase("variables-json-defaults", printResource("variables.json"), Map.of(), List.of("all")),
                new PrintCase("variables-json-environment", printResource("variables.json"), OVERRIDES, List.of("all")),
                new PrintCase("sample-app-with-buildx-override", List.of(sampleHcl, resource(OVERRIDE_FILE)), Map.of(),
                        List.of("essential")),
                new PrintCase("strings-defaults", printResource("strings.hcl"), Map.of(), List.of()),
                new PrintCase("strings-digit-separators", printResource("strings.hcl"), Map.of("COUNT", "1_000"),
                        List.of()),
                new PrintCase("platforms-good", printResource("errors/platforms.hcl"), Map.of(), List.of("good")),
                new PrintCase("error-platforms-unknown", printResource("errors/platforms.hcl"), Map.of(),
                        List.of("unknown")),
                new PrintCase("error-platforms-malformed", printResource("errors/platforms.hcl"), Map.of(),
                        List.of("malformed")),
                new PrintCase("inputs-good", printResource("errors/inputs.hcl"), Map.of(), List.of("good")),
                new PrintCase("error-cache-field-without-value", printResource("errors/inputs.hcl"), Map.of(),
                        List.of("field-without-value")),
                new PrintCase("error-cache-without-type", printResource("errors/inputs.hcl"), Map.of(),
                        List.of("without-type")),
                new PrintCase("error-cache-bare-quote", printResource("errors/inputs.hcl"), Map.of(),
                        List.of("bare-quote")),
                new PrintCase("error-stdin-context", printResource("errors/inputs.hcl"), Map.of(),
                        List.of("stdin-context")),
                new PrintCase("error-stdin-dockerfile", printResource("errors/inputs.hcl"), Map.of(),
                        List.of("stdin-dockerfile")),
                new PrintCase("error-undeclared", printResource("errors/undeclared.hcl"), Map.of("UNDECLARED", "x"),
                        List.of()),
                new PrintCase("error-null-in-string", printResource("errors/null-in-string.hcl"), Map.of(), List.of()),
                new PrintCase("error-target-name", printResource("errors/target-name.hcl"), Map.of(), List.of()),
                new PrintCase("variable-description", printResource("variable-description.hcl"), Map.of(),
                        List.of()),
                new PrintCase("typed-defaults", corpus("typed-variables.hcl"), Map.of(), List.of()),
                new PrintCase("typed-environment", corpus("typed-variables.hcl"), Map.of("NAME", "web", "PORT", "9090.0",
                        "VERBOSE", "t", "PLATFORMS", "linux/amd64,linux/arm64", "PORTS", "1,2", "FEATURES", "b,a,b",
                        "LABELS", "team:edge,tier:2", "PAIR", "\"y,z\",3"), List.of()),
                new PrintCase("error-typed-not-a-bool", corpus("typed-variables.hcl"), Map.of("VERBOSE", "maybe"), List.of()),
                new PrintCase("error-typed-not-a-number", corpus("typed-variables.hcl"), Map.of("PORT", "80a"), List.of()),
                new PrintCase("error-typed-list-as-json", corpus("typed-variables.hcl"), Map.of("PORTS", "[1]"), List.of()),
                new PrintCase("error-typed-map-without-colon", corpus("typed-variables.hcl"), Map.of("LABELS", "a=1"),
                        List.of()),
                new PrintCase("error-typed-tuple-length", corpus("typed-variables.hcl"), Map.of("PAIR", "a"), List.of()),
                new PrintCase("error-typed-object", corpus("typed-variables.hcl"), Map.of("SETTINGS", "{}"), List.of()),
                new PrintCase("error-typed-any", corpus("typed-variables.hcl"), Map.of("ANYTHING", "x"), List.of()),
                new PrintCase("error-untyped-list", corpus("typed-variables.hcl"), Map.of("UNTYPED_LIST", "a,b"), List.of()),
                new PrintCase("functions", corpus("functions.hcl"), Map.of(), List.of()),
                new PrintCase("user-functions", corpus("user-functions.hcl"), Map.of("REGISTRY", "mirror.example.com"),
                        List.of()),
                new PrintCase("operators-defaults", corpus("operators.hcl"), Map.of(), List.of()),
                new PrintCase("operators-environment", corpus("operators.hcl"), Map.of("ENV", "dev", "REPLICAS", "12"),
                        List.of()),
                new PrintCase("target-references", corpus("target-references.hcl"), Map.of("TAG", "2.0"), List.of()),
                new PrintCase("matrix-default", corpus("matrix.hcl"), Map.of(), List.of()),
                new PrintCase("matrix-group", corpus("matrix.hcl"), Map.of(), List.of("service")),
                new PrintCase("matrix-one-target", corpus("matrix.hcl"), Map.of(), List.of("build-debug-2-0")),
                new PrintCase("validation-passes", corpus("validation.hcl"), Map.of("MIRROR", "https://mirror.example.com"),
                        List.of()),
                new PrintCase("error-validation-low-port", corpus("validation.hcl"), Map.of("PORT", "80"), List.of()),
                new PrintCase("error-validation-channel", corpus("validation.hcl"), Map.of("CHANNEL", "beta"), List.of()),
                new PrintCase("error-validation-mirror", corpus("validation.hcl"), Map.of("MIRROR", "http://m"), List.of()),
                new PrintCase("target-contexts-linked", corpus("target-contexts.hcl"), Map.of(), List.of()),
                new PrintCase("target-contexts-linked-twice", corpus("target-contexts.hcl"), Map.of(),
                        List.of("tools", "app")),
                new PrintCase("error-target-context-missing", corpus("target-contexts.hcl"), Map.of(), List.of("missing")),
                new PrintCase("error-target-context-self", corpus("target-contexts.hcl"), Map.of(), List.of("self")),
                new PrintCase("error-target-context-loop", corpus("target-contexts.hcl"), Map.of(), List.of("loop-a")),
                new PrintCase("groups-default", corpus("groups.hcl"), Map.of(), List.of()),
                new PrintCase("groups-own-name", corpus("groups.hcl"), Map.of(), List.of("api")),
                new PrintCase("groups-nested", corpus("groups.hcl"), Map.of(), List.of("all")),
                new PrintCase("groups-pattern", corpus("groups.hcl"), Map.of(), List.of("worker*")),
                new PrintCase("groups-pattern-and-names", corpus("groups.hcl"), Map.of(), List.of("web", "api-?o*")),
                new PrintCase("error-groups-pattern-matches-nothing", corpus("groups.hcl"), Map.of(), List.of("nomatch*")),
                new PrintCase("defaults-and-cache", corpus("defaults-and-cache.hcl"), Map.of(), List.of()),
                new PrintCase("json-array-blocks", corpus("array-blocks.json"), Map.of("REPLICAS", "1"), List.of()),
                new PrintCase("json-array-blocks-inherited", corpus("array-blocks.json"), Map.of(), List.of("worker")));
    }

    /** Files that use what the built-in reader cannot evaluate yet, each with the construct it names. */
    private static final Map<String, String> UNSUPPORTED = Map.of("unsupported.hcl", "the template directive %{...}",
            "unsupported-splat.hcl", "the splat expression [*]");

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void shouldReadAsTheRecordedBuildxPrint(PrintCase printCase) throws IOException, URISyntaxException {
        Path recorded = recorded(printCase, ".json");
        if (Files.exists(recorded)) {
            assertThat(ourPrint(printCase)).as("recorded with buildx " + RECORDED_WITH)
                    .isEqualTo(canonical(JSON.readTree(recorded.toFile())));
        } else {
            assertThat(recorded(printCase, ".error")).as("no recorded output for " + printCase).exists();
            assertThatThrownBy(() -> ourPrint(printCase)).as("buildx refused it: " + Files.readString(
                    recorded(printCase, ".error"))).isInstanceOf(BakeFileException.class);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void shouldPrintWhatWasRecordedWithTheInstalledBuildx(PrintCase printCase) throws Exception {
        String buildx = installedBuildx();

        CommandResult live = DockerBuildx.bakePrint(printCase.files(), printCase.environment(), printCase.names());

        if (Boolean.getBoolean("bake.print.record")) {
            record(printCase, live);
        }
        assertThat(buildx).as("the recordings are buildx " + RECORDED_WITH + "'s").contains(RECORDED_WITH);
        Path recorded = recorded(printCase, ".json");
        if (live.succeeded()) {
            assertThat(recorded).as(buildx + " printed " + live.stdout()).exists();
            assertThat(withGroupsSorted(JSON.readTree(live.stdout()))).as(buildx)
                    .isEqualTo(withGroupsSorted(JSON.readTree(recorded.toFile())));
            assertThat(ourPrint(printCase)).as(buildx).isEqualTo(canonical(JSON.readTree(live.stdout())));
        } else {
            assertThat(recorded(printCase, ".error")).as(buildx + " refused it: " + live.stderr()).exists();
            assertThatThrownBy(() -> ourPrint(printCase)).as(buildx + " refused it: " + live.stderr())
                    .isInstanceOf(BakeFileException.class);
        }
    }

    @Test
    void shouldNameWhatTheBuiltInReaderCannotReadWhileTheInstalledBuildxReadsIt() throws Exception {
        String buildx = installedBuildx();
        for (Map.Entry<String, String> unsupported : UNSUPPORTED.entrySet()) {
            Path file = corpus(unsupported.getKey());

            assertThat(DockerBuildx.bakePrint(List.of(file), Map.of(), List.of()).succeeded()).as(buildx).isTrue();
            assertThatThrownBy(() -> BakeFileReader.read(file, Map.of())).isInstanceOf(BakeFileException.class)
                    .hasMessageContaining(unsupported.getValue())
                    .hasMessageContaining("docker buildx bake reads it (install the Debian package docker-buildx)")
                    .hasMessageNotContaining("\n");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"target-contexts-linked", "matrix-default", "groups-pattern-and-names", "typed-environment",
        "sample-app-hcl-essential", "defaults-and-cache"})
    void shouldReadThroughTheInstalledBuildxWhatTheBuiltInReaderReads(String caseName) throws Exception {
        installedBuildx();
        PrintCase printCase = cases().filter(each -> each.name().equals(caseName)).findFirst().orElseThrow();

        BakeReading reading = BakeReading.read(new ProcessCommandRunner(), RequiredBinary.DOCKER.path(), Map.of(),
                printCase.files(), printCase.environment(), printCase.names());

        assertThat(reading.readBy()).startsWith("docker buildx bake --print (github.com/docker/buildx");
        assertThat(canonical(JSON.valueToTree(BakePrintJson.print(reading.definition(), reading.selection()))))
                .isEqualTo(ourPrint(printCase));
        assertThat(reading.requested().stream().map(BakeTarget::name)).containsExactlyInAnyOrderElementsOf(
                BakeFileReader.read(printCase.files(), printCase.environment()).select(printCase.names()).stream()
                        .map(BakeTarget::name).toList());
    }

    @Test
    void shouldReadWithTheBuiltInReaderWhatBuildxHasNotReadWithinItsTimeLimit(@TempDir Path folder)
            throws IOException {
        installedBuildx();
        Path file = Files.writeString(folder.resolve("docker-bake.hcl"), "target \"app\" {\n  tags = [\"app\"]\n}\n");

        BakeReading reading = BakeReading.read(new ProcessCommandRunner(), RequiredBinary.DOCKER.path(), Map.of(),
                List.of(file), Map.of(), List.of("app"), Duration.ofMillis(1));

        assertThat(reading.readBy())
                .isEqualTo("the built-in reader (docker buildx bake --print did not finish within PT0.001S)");
        assertThat(reading.requested()).singleElement().satisfies(app -> assertThat(app.tags()).containsExactly("app"));
    }

    @Test
    void shouldNameTheNestingLimitOfAFileNestedTooDeepForBuildxToReadInTime(@TempDir Path folder) throws IOException {
        installedBuildx();
        // buildx takes 10 s and more over this file on these machines, and ends refusing it
        Path file = Files.writeString(folder.resolve("docker-bake.hcl"),
                "target \"app\" {\n  tags = " + "{a = ".repeat(60_000) + "1" + "}".repeat(60_000) + "\n}\n");
        long started = System.nanoTime();

        assertThatThrownBy(() -> BakeReading.read(new ProcessCommandRunner(), RequiredBinary.DOCKER.path(), Map.of(),
                List.of(file), Map.of(), List.of("app"), Duration.ofSeconds(2)))
                .isInstanceOf(BakeFileException.class)
                .hasMessageContaining("nested more than 100 deep");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
    }

    @Test
    void shouldReadBuildxsBuiltInVariablesWhoseValuesDependOnTheMachineAsTheInstalledBuildx() throws Exception {
        PrintCase builtIns = new PrintCase("built-ins", printResource("built-ins.hcl"),
                Map.of("BAKE_LOCAL_PLATFORM", "linux/s390x", "BAKE_CMD_CONTEXT", "ignored"), List.of());

        assertThat(ourPrint(builtIns)).contains("\"CONTEXT\" : \"cwd://\"")
                .containsPattern("\"platforms\" : \\[ \"linux/[a-z0-9]+(/v[0-9])?\" \\]");
        String buildx = installedBuildx();
        CommandResult live = DockerBuildx.bakePrint(builtIns.files(), builtIns.environment(), List.of());
        assertThat(live.succeeded()).as(live.stderr()).isTrue();
        assertThat(ourPrint(builtIns)).as(buildx).isEqualTo(canonical(JSON.readTree(live.stdout())));
    }

    /** The installed buildx's version; without one the test fails naming the package that brings it. */
    private static String installedBuildx() {
        Optional<String> buildx = DockerBuildx.version();
        assertThat(buildx).as("/usr/bin/docker has no buildx plugin: install the Debian package docker-buildx ("
                + RECORDED_WITH + ", scripts/install-packages does)").isPresent();
        return buildx.get();
    }

    /** What {@code docker buildx bake --print NAMES} prints for our reading, as canonical JSON. */
    private static String ourPrint(PrintCase printCase) {
        BakeDefinition bake = BakeFileReader.read(printCase.files(), printCase.environment());
        return canonical(JSON.valueToTree(BakePrintJson.print(bake, printCase.names())));
    }

    /** Sorted keys and only the attributes we read, so that a difference shows as a readable diff. */
    private static String canonical(JsonNode print) {
        withGroupsSorted(print);
        JsonNode targets = print.path("target");
        targets.forEach(target -> {
            ((ObjectNode) target).retain(READ_ATTRIBUTES);
            // BakeTarget does not tell an unset stage from an empty one, which buildx prints
            if (target.path("target").asText("-").isEmpty()) {
                ((ObjectNode) target).remove("target");
            }
        });
        try {
            return JSON.writeValueAsString(JSON.treeToValue(print, Object.class));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write " + print + " as JSON", e);
        }
    }

    /**
     * {@code print} with each group's targets in name order: buildx lists the targets a matrix makes in Go's map
     * order, which changes from run to run (one run in six here), and bake builds a group's targets all at once.
     */
    private static JsonNode withGroupsSorted(JsonNode print) {
        print.path("group").forEach(group -> {
            if (group.path("targets") instanceof ArrayNode targets) {
                List<JsonNode> sorted = new ArrayList<>();
                targets.forEach(sorted::add);
                sorted.sort(Comparator.comparing(JsonNode::asText));
                targets.removeAll().addAll(sorted);
            }
        });
        return print;
    }

    private static void record(PrintCase printCase, CommandResult live) throws IOException {
        Path folder = RECORDED_IN_SOURCES.toAbsolutePath();
        Files.createDirectories(folder);
        Files.deleteIfExists(folder.resolve(printCase.name() + ".json"));
        Files.deleteIfExists(folder.resolve(printCase.name() + ".error"));
        if (live.succeeded()) {
            Files.writeString(folder.resolve(printCase.name() + ".json"), live.stdout(), StandardCharsets.UTF_8);
        } else {
            String error = live.stderr().strip().lines().reduce((first, second) -> second).orElse("");
            Files.writeString(folder.resolve(printCase.name() + ".error"), error + "\n", StandardCharsets.UTF_8);
        }
    }

    private static Path recorded(PrintCase printCase, String extension) throws URISyntaxException {
        return printResource("golden").resolve(printCase.name() + extension);
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(BakePrintAgreementIT.class.getResource("/build/" + name).toURI());
    }

    private static Path corpus(String name) throws URISyntaxException {
        return printResource("corpus/" + name);
    }

    private static Path printResource(String name) throws URISyntaxException {
        return resource("bake-print/" + name);
    }

    record PrintCase(String name, List<Path> files, Map<String, String> environment, List<String> names) {
        PrintCase(String name, Path file, Map<String, String> environment, List<String> names) {
            this(name, List.of(file), environment, names);
        }

        @Override
        public String toString() {
            return name;
        }
    }
}
