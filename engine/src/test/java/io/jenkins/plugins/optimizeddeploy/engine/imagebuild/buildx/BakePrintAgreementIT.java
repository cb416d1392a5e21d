package io.jenkins.plugins.optimizeddeploy.engine.imagebuild.buildx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.optimizeddeploy.engine.bake.BakeDefinition;
import io.jenkins.plugins.optimizeddeploy.engine.bake.BakeFileException;
import io.jenkins.plugins.optimizeddeploy.engine.bake.BakeFileReader;
import io.jenkins.plugins.optimizeddeploy.engine.bake.BakeTarget;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.BuildPlan;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.BuildPlanner;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.BuildResources;
import io.jenkins.plugins.optimizeddeploy.testsupport.CommandResult;
import io.jenkins.plugins.optimizeddeploy.testsupport.DockerBuildx;
import io.jenkins.plugins.optimizeddeploy.testsupport.SampleApp;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code docker buildx bake --print} is the authority on what a bake file means: our reading of each case must
 * print the same targets and groups. The recorded outputs under {@code build/bake-print/golden} (see its README)
 * come from buildx v0.10.5 and are checked everywhere; the installed buildx is asked as well when there is one.
 * {@code -Dbake.print.record=true} rewrites the recorded outputs from the installed buildx.
 */
class BakePrintAgreementIT {
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
                new PrintCase("error-variable-attribute", printResource("errors/variable-attribute.hcl"), Map.of(),
                        List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void shouldReadAsTheRecordedBuildxPrint(PrintCase printCase) throws IOException, URISyntaxException {
        Path recorded = recorded(printCase, ".json");
        if (Files.exists(recorded)) {
            assertThat(ourPrint(printCase)).isEqualTo(canonical(JSON.readTree(recorded.toFile())));
        } else {
            assertThat(recorded(printCase, ".error")).as("no recorded output for " + printCase).exists();
            assertThatThrownBy(() -> ourPrint(printCase)).as("buildx refused it: " + Files.readString(
                    recorded(printCase, ".error"))).isInstanceOf(BakeFileException.class);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void shouldReadAsTheInstalledBuildxPrint(PrintCase printCase) throws IOException {
        String buildx = installedBuildx("the outputs recorded with buildx v0.10.5 covered this case in"
                + " shouldReadAsTheRecordedBuildxPrint");

        CommandResult live = DockerBuildx.bakePrint(printCase.files(), printCase.environment(), printCase.names());

        if (Boolean.getBoolean("bake.print.record")) {
            record(printCase, live);
        }
        assertAgreement(printCase, buildx, live);
    }

    @Test
    void shouldReadBuildxsBuiltInVariablesWhoseValuesDependOnTheMachineAsTheInstalledBuildx() throws Exception {
        PrintCase builtIns = new PrintCase("built-ins", printResource("built-ins.hcl"),
                Map.of("BAKE_LOCAL_PLATFORM", "linux/s390x", "BAKE_CMD_CONTEXT", "ignored"), List.of());

        assertThat(ourPrint(builtIns)).contains("\"CONTEXT\" : \"cwd://\"")
                .containsPattern("\"platforms\" : \\[ \"linux/[a-z0-9]+(/v[0-9])?\" \\]");
        String buildx = installedBuildx("only the value of BAKE_CMD_CONTEXT and the form of BAKE_LOCAL_PLATFORM were"
                + " checked");
        assertAgreement(builtIns, buildx, DockerBuildx.bakePrint(builtIns.files(), builtIns.environment(), List.of()));
    }

    private static String installedBuildx(String coveredInstead) {
        Optional<String> buildx = DockerBuildx.version();
        assumeThat(buildx).as("/usr/bin/docker has no buildx plugin (bookworm has no package for it; the README in"
                + " build/bake-print says how it was built): " + coveredInstead).isPresent();
        return buildx.get();
    }

    private static void assertAgreement(PrintCase printCase, String buildx, CommandResult live) throws IOException {
        if (live.succeeded()) {
            assertThat(ourPrint(printCase)).as(buildx).isEqualTo(canonical(JSON.readTree(live.stdout())));
        } else {
            assertThatThrownBy(() -> ourPrint(printCase)).as(buildx + " refused it: " + live.stderr())
                    .isInstanceOf(BakeFileException.class);
        }
    }

    @Test
    void shouldMakeBuildxBuildWhatThePlanSaysWhenItLayersTheOverrideFileOverTheUsersBakeFile() throws Exception {
        Path bakeFile = SampleApp.directory().resolve("docker-bake.hcl");
        BuildPlan plan = BuildPlanner.plan(bakeFile, BuildxBakeBuilderTest.REQUEST);

        BakeDefinition layered = BakeFileReader.read(List.of(bakeFile, resource(OVERRIDE_FILE)), Map.of());

        assertThat(plan.targets()).allSatisfy(planned -> {
            BakeTarget built = layered.targets().get(planned.name());
            assertThat(built.tags()).isEqualTo(planned.images());
            assertThat(built.labels()).containsAllEntriesOf(planned.labels());
            assertThat(built.platforms()).isEqualTo(planned.platforms());
            assertThat(built.cacheFrom()).isEqualTo(planned.cache().buildxCacheFrom());
            assertThat(built.cacheTo()).isEqualTo(planned.cache().buildxCacheTo());
            assertThat(built.stage()).isEqualTo(planned.stage());
        });
    }

    /** What {@code docker buildx bake --print NAMES} prints for our reading, as canonical JSON. */
    private static String ourPrint(PrintCase printCase) {
        BakeDefinition bake = BakeFileReader.read(printCase.files(), printCase.environment());
        List<String> names = printCase.names().isEmpty() ? List.of(BakeDefinition.DEFAULT_GROUP) : printCase.names();
        Map<String, Object> groups = new LinkedHashMap<>();
        for (String name : names) {
            for (String group : reachedGroups(bake, name, new LinkedHashSet<>())) {
                groups.put(group, Map.of("targets", bake.groups().get(group)));
            }
        }
        // buildx adds the names it was given, but "default", to the default group it prints
        List<String> given = names.stream().filter(name -> !name.equals(BakeDefinition.DEFAULT_GROUP)).toList();
        if (!given.isEmpty()) {
            Set<String> members = new LinkedHashSet<>(groups.containsKey(BakeDefinition.DEFAULT_GROUP)
                    ? bake.groups().get(BakeDefinition.DEFAULT_GROUP) : List.of());
            members.addAll(given);
            groups.put(BakeDefinition.DEFAULT_GROUP, Map.of("targets", List.copyOf(members)));
        }
        Map<String, Object> targets = new LinkedHashMap<>();
        bake.select(names).forEach(target -> targets.put(target.name(), printed(target)));
        Map<String, Object> print = new LinkedHashMap<>();
        if (!groups.isEmpty()) {
            print.put("group", groups);
        }
        print.put("target", targets);
        return canonical(JSON.valueToTree(print));
    }

    /** The group {@code name} and the groups among its members, as buildx's ResolveGroup finds them. */
    private static Set<String> reachedGroups(BakeDefinition bake, String name, Set<String> reached) {
        if (bake.groups().containsKey(name) && reached.add(name)) {
            bake.groups().get(name).forEach(member -> reachedGroups(bake, member, reached));
        }
        return reached;
    }

    /** A target as buildx prints it: empty lists and maps and an unset stage are left out. */
    private static Map<String, Object> printed(BakeTarget target) {
        Map<String, Object> printed = new LinkedHashMap<>();
        printed.put("context", target.context());
        printed.put("dockerfile", target.dockerfile());
        putUnlessEmpty(printed, "contexts", target.contexts());
        putUnlessEmpty(printed, "args", target.args());
        putUnlessEmpty(printed, "labels", target.labels());
        putUnlessEmpty(printed, "tags", target.tags());
        putUnlessEmpty(printed, "cache-from", target.cacheFrom());
        putUnlessEmpty(printed, "cache-to", target.cacheTo());
        putUnlessEmpty(printed, "platforms", target.platforms());
        if (!target.stage().isEmpty()) {
            printed.put("target", target.stage());
        }
        return printed;
    }

    private static void putUnlessEmpty(Map<String, Object> printed, String attribute, Object value) {
        if (!(value instanceof Map<?, ?> map && map.isEmpty()) && !(value instanceof List<?> list && list.isEmpty())) {
            printed.put(attribute, value);
        }
    }

    /** Sorted keys and only the attributes we read, so that a difference shows as a readable diff. */
    private static String canonical(JsonNode print) {
        JsonNode targets = print.path("target");
        targets.forEach(target -> ((ObjectNode) target).retain(READ_ATTRIBUTES));
        try {
            return JSON.writeValueAsString(JSON.treeToValue(print, Object.class));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write " + print + " as JSON", e);
        }
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
        return BuildResources.resource(name);
    }

    private static Path printResource(String name) throws URISyntaxException {
        return BuildResources.resource("bake-print/" + name);
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
