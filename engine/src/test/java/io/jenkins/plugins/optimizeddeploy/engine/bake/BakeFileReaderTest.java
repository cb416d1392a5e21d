package io.jenkins.plugins.optimizeddeploy.engine.bake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.optimizeddeploy.engine.files.InputFileException;
import io.jenkins.plugins.optimizeddeploy.testsupport.SampleApp;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BakeFileReaderTest {
    @Test
    void shouldReadTheSampleAppHclAndJsonIdentically() {
        Map<String, String> environment = Map.of("REGISTRY", "127.0.0.1:5000", "TAG", "1.0.0");

        BakeDefinition hcl = BakeFileReader.read(SampleApp.directory().resolve("docker-bake.hcl"), environment);
        BakeDefinition json = BakeFileReader.read(SampleApp.directory().resolve("docker-bake.json"), environment);

        assertThat(hcl.targets()).isEqualTo(json.targets());
        assertThat(hcl.groups()).isEqualTo(json.groups());
        assertThat(hcl.variables()).isEqualTo(json.variables());
        assertThat(hcl.groups()).containsEntry("essential", List.of("web", "worker"));
        assertThat(hcl.targets().get("web")).isEqualTo(BakeTarget.builder("web", ".", "Dockerfile", "web")
                .args(Map.of("BASE_IMAGE", "localhost:5000/base/busybox:latest"))
                .tags(List.of("127.0.0.1:5000/sample-app/web:1.0.0")).build());
    }

    @Test
    void shouldReadEveryAttributeWithInheritsAndInterpolationInBothFormats() throws Exception {
        for (String file : List.of("full-bake.hcl", "full-bake.json")) {
            BakeDefinition bake = BakeFileReader.read(resource(file), Map.of());

            BakeTarget api = bake.targets().get("api");
            assertThat(api.context()).as(file).isEqualTo("services");
            assertThat(api.dockerfile()).isEqualTo("build/Dockerfile");
            assertThat(api.stage()).isEqualTo("api");
            assertThat(api.args()).isEqualTo(Map.of("VERSION", "dev-1", "COMMON", "yes", "PORT", "8080", "DEBUG", "false"));
            assertThat(api.labels()).isEqualTo(Map.of("org.opencontainers.image.vendor", "Example"));
            assertThat(api.platforms()).containsExactly("linux/amd64");
            assertThat(api.tags()).containsExactly("reg.example.com/team/api:dev", "reg.example.com/team/api:latest");
            assertThat(api.cacheFrom()).as("cache-from accumulates over inherits").containsExactly(
                    "ref=reg.example.com/team/cache:common,type=registry", "ref=reg.example.com/team/cache:api,type=registry");
            assertThat(api.cacheTo()).as("cache-to is replaced").containsExactly(
                    "mode=max,ref=reg.example.com/team/cache:api,type=registry");
            assertThat(api.contexts()).isEqualTo(Map.of("shared", "../shared"));
            BakeTarget worker = bake.targets().get("worker");
            assertThat(worker.dockerfile()).isEqualTo("build/Worker.Dockerfile");
            assertThat(worker.cacheTo()).containsExactly("type=inline");
            assertThat(worker.tags()).containsExactly("reg.example.com/team/worker:dev",
                    "literal ${NOT_A_VARIABLE} \"quoted\"");
        }
        assertThat(BakeFileReader.read(resource("full-bake.hcl"), Map.of()).targets())
                .isEqualTo(BakeFileReader.read(resource("full-bake.json"), Map.of()).targets());
    }

    @Test
    void shouldLetTheEnvironmentOverrideDefaultsIncludingThoseOtherDefaultsUse() throws Exception {
        BakeDefinition bake = BakeFileReader.read(resource("full-bake.hcl"), Map.of("TAG", "7", "UNRELATED", "x"));

        assertThat(bake.targets().get("api").tags()).startsWith("reg.example.com/team/api:7");
        assertThat(bake.targets().get("api").args()).containsEntry("VERSION", "7-1");
        assertThat(bake.variables()).containsEntry("TAG", "7").doesNotContainKey("UNRELATED");
    }

    @Test
    void shouldSelectGroupsOfGroupsInOrderAndEachTargetOnce() throws Exception {
        BakeDefinition bake = BakeFileReader.read(resource("full-bake.hcl"), Map.of());

        assertThat(bake.select(List.of()).stream().map(BakeTarget::name)).containsExactly("api", "worker");
        assertThat(bake.select(List.of("worker", "all")).stream().map(BakeTarget::name)).containsExactly("worker", "api");
        assertThatThrownBy(() -> bake.select(List.of("web")))
                .isInstanceOf(BakeFileException.class)
                .hasMessageContaining("no target or group named 'web'")
                .hasMessageContaining("[_common, api, worker]");
    }

    @Test
    void shouldNameTheFileLineAndProblemOfMalformedHcl() {
        assertThat(problem("target \"a\" {\n  tags = [\"x\"\n}\n")).isEqualTo("f.hcl:3: expected ',' or ']' in a list");
        assertThat(problem("target \"a\" {\n  tags = [\"x]\n}\n")).isEqualTo("f.hcl:2: a string is not closed before the end of the line");
        assertThat(problem("target \"a\" {\n  args = { A = timestamp() }\n}")).isEqualTo("f.hcl: target a.args.A"
                + " (line 2): function timestamp() is not supported by the built-in bake reader; docker buildx bake reads"
                + " bake's whole standard library (install the Debian package docker-buildx)");
        assertThat(problem("target \"a\" {\n  context = \"${MISSING}\"\n}")).isEqualTo(
                "f.hcl: target a.context refers to variable 'MISSING', which is not declared (declared: [])");
        assertThat(problem("variable \"A\" { default = \"${B}\" }\nvariable \"B\" { default = A }\ntarget \"t\" { context = A }"))
                .contains("refers to itself");
        assertThat(problem("target \"a\" {\n  tags = \"x\"\n}")).isEqualTo("f.hcl: target a.tags must be a list, is 'x'");
        assertThat(problem("function \"f\" {\n}")).isEqualTo("f.hcl:1: function 'f' needs params = [NAME, ...] and result");
        assertThat(problem("target \"web.app\" {}")).isEqualTo(
                "f.hcl:1: target name 'web.app' may only have letters, digits, '_' and '-'");
        assertThat(problem("variable \"V\" {\n  sensitive = true\n}")).isEqualTo("f.hcl:1: variable 'V' has attribute"
                + " 'sensitive'; a variable has only default, type, description and validation blocks");
        assertThat(problem("variable \"N\" { default = null }\ntarget \"a\" {\n  tags = [\"x-${N}\"]\n}"))
                .isEqualTo("f.hcl: target a.tags interpolates null into a string");
    }

    @Test
    void shouldLetTheEnvironmentOverrideOnlyDeclaredVariablesReadAsTheirDefaultsType() {
        String hcl = """
                variable "PUSH" { default = false }
                variable "REPLICAS" { default = 2 }
                variable "NAME" {}
                GLOBAL = "g-${NAME}"
                target "default" {
                  args = { PUSH = PUSH, REPLICAS = REPLICAS, TEXT = "${REPLICAS}x", NAME = NAME, GLOBAL = GLOBAL }
                  tags = ["${BAKE_CMD_CONTEXT}"]
                }
                """;

        assertThat(args(hcl, Map.of())).isEqualTo(Map.of("PUSH", "false", "REPLICAS", "2", "TEXT", "2x", "NAME", "",
                "GLOBAL", "g-"));
        assertThat(args(hcl, Map.of("PUSH", "T", "REPLICAS", "3.50", "NAME", "n", "GLOBAL", "ignored")))
                .isEqualTo(Map.of("PUSH", "true", "REPLICAS", "3.5", "TEXT", "3.5x", "NAME", "n", "GLOBAL", "g-n"));
        assertThat(BakeFileReader.readHcl("f.hcl", hcl, Map.of("BAKE_CMD_CONTEXT", "ignored")).targets().get("default")
                .tags()).containsExactly("cwd://");
        assertThatThrownBy(() -> BakeFileReader.readHcl("f.hcl", hcl, Map.of("PUSH", "s3cret")))
                .hasMessage("f.hcl: variable 'PUSH' has a bool default, and its value in the environment is not one of"
                        + " true, false, 1, 0, t, f");
        assertThatThrownBy(() -> BakeFileReader.readHcl("f.hcl", hcl, Map.of("REPLICAS", "s3cret")))
                .hasMessageNotContaining("s3cret").hasMessageContaining("variable 'REPLICAS' has a number default");
        assertThatThrownBy(() -> BakeFileReader.readHcl("f.hcl", "target \"t\" {\n  tags = [HOME]\n}",
                Map.of("HOME", "/root"))).hasMessageContaining("refers to variable 'HOME', which is not declared");
    }

    @Test
    void shouldMergeInheritedNullAndEmptyValuesAsBuildx() {
        BakeDefinition bake = BakeFileReader.readHcl("f.hcl", """
                target "base" {
                  args = { KEPT = "base", OVERRIDDEN = "base" }
                  labels = { L = "base" }
                  contexts = { removed = "../r", kept = "../k" }
                  tags = ["a", "a", ""]
                  cache-from = ["c1"]
                  cache-to = ["t1"]
                  target = "base"
                }
                target "child" {
                  inherits = ["base"]
                  args = { KEPT = null, OVERRIDDEN = "child" }
                  labels = { L = null }
                  contexts = { removed = "" }
                  cache-from = ["c2", "c1", ""]
                  cache-to = []
                  target = null
                }
                """, Map.of("SOURCE_DATE_EPOCH", "1700000000"));

        assertThat(bake.targets().get("child")).isEqualTo(BakeTarget.builder("child", ".", "Dockerfile", "base")
                .args(Map.of("KEPT", "base", "OVERRIDDEN", "child", "SOURCE_DATE_EPOCH", "1700000000"))
                .tags(List.of("a")).labels(Map.of("L", "base"))
                .cache(List.of("ref=c1,type=registry", "ref=c2,type=registry"), List.of())
                .contexts(Map.of("kept", "../k")).build());
    }

    @Test
    void shouldMergeRepeatedTargetsReplaceRepeatedGroupsAndTolerateInheritsCyclesAsBuildx() {
        BakeDefinition bake = BakeFileReader.readHcl("f.hcl", """
                group "g" {
                  targets = ["a"]
                }
                group "g" {
                  targets = ["b"]
                }
                target "a" {
                  inherits = ["b"]
                  tags = ["a"]
                }
                target "a" {
                  cache-from = ["a2"]
                }
                target "b" {
                  inherits = ["a"]
                  cache-from = ["b"]
                }
                target "orphan" {
                  inherits = ["nowhere"]
                }
                """, Map.of());

        assertThat(bake.groups()).containsEntry("g", List.of("b"));
        assertThat(bake.targets().get("a").tags()).containsExactly("a");
        assertThat(bake.targets().get("a").cacheFrom()).containsExactly("ref=b,type=registry", "ref=a2,type=registry");
        assertThat(bake.targets().get("b").cacheFrom()).containsExactly("ref=a2,type=registry", "ref=b,type=registry");
        assertThat(bake.select(List.of("g")).stream().map(BakeTarget::name)).containsExactly("b");
        assertThatThrownBy(() -> bake.select(List.of("orphan"))).isInstanceOf(BakeFileException.class)
                .hasMessage("f.hcl: target 'orphan' inherits from 'nowhere', which is not a target"
                        + " (targets: [a, b, orphan])");
    }

    @Test
    void shouldReadHeredocsAndNumbersBeyondALongAsBuildx() {
        BakeTarget target = BakeFileReader.readHcl("f.hcl", """
                variable "N" { default = 1 }
                target "default" {
                  tags = [<<EOT
                plain ${N} \\n
                  kept
                EOT
                  , <<-EOT
                    flush

                      deeper
                  EOT
                  ]
                  args = { BIG = 12345678901234567890, N = N }
                }
                """, Map.of("N", "1_000")).targets().get("default");

        assertThat(target.tags()).containsExactly("plain 1000 \\n\n  kept\n", "flush\n\n  deeper\n");
        assertThat(target.args()).isEqualTo(Map.of("BIG", "12345678901234567890", "N", "1000"));
        assertThat(problem("target \"a\" {\n  tags = [<<EOT\nnever closed\n]\n}")).isEqualTo(
                "f.hcl:2: heredoc <<EOT is not closed by a line with only EOT");
    }

    @Test
    void shouldRefusePlatformsBuildxRefusesOnlyWhenTheirTargetIsSelected() {
        BakeDefinition bake = BakeFileReader.readHcl("f.hcl", """
                target "good" {
                  platforms = ["linux/arm/v7", "arm64", "linux/amd64,linux/arm64"]
                }
                target "bad" {
                  platforms = ["linux/amd64", "linux", "plan10"]
                }
                """, Map.of());

        assertThat(bake.select(List.of("good"))).singleElement().extracting(BakeTarget::platforms)
                .isEqualTo(List.of("linux/arm/v7", "arm64", "linux/amd64,linux/arm64"));
        assertThatThrownBy(() -> bake.select(List.of("bad"))).isInstanceOf(BakeFileException.class).hasMessage(
                "f.hcl: target 'bad' has platform 'plan10', which is neither os/arch[/variant] nor a known operating"
                        + " system or architecture");
    }

    @Test
    void shouldReadCacheEntriesAsBuildxReadsThemWhenItReadsTheFile() {
        BakeDefinition bake = BakeFileReader.readHcl("f.hcl", """
                target "good" {
                  cache-from = ["type=registry,\\"ref=r/c:a,b\\"", "r/a,r/b", "TYPE=local,src=/c", "", { type = "gha" }]
                }
                """, Map.of());

        assertThat(bake.targets().get("good").cacheFrom()).containsExactly("\"ref=r/c:a,b\",type=registry",
                "ref=r/a,type=registry", "ref=r/b,type=registry", "src=/c,type=local", "type=gha");
        assertThat(problem("target \"t\" {\n  cache-to = [\"ref=r/c,mode=max\"]\n}")).isEqualTo(
                "f.hcl: target t cache-to 'ref=r/c,mode=max' has key=value fields but no type=...");
        assertThat(problem("target \"t\" {\n  cache-to = [\"type=registry,ref\"]\n}")).isEqualTo(
                "f.hcl: target t cache-to 'type=registry,ref' has field 'ref' without '=' among key=value fields");
        assertThat(problem("target \"t\" {\n  cache-to = [\"\\\"type=inline\"]\n}")).isEqualTo(
                "f.hcl: target t cache-to '\"type=inline' has a quote that is not closed");
        assertThat(problem("target \"t\" {\n  cache-to = [\",\"]\n}")).isEqualTo(
                "f.hcl: target t cache-to ',' has an empty image reference");
        assertThat(problem("target \"t\" {\n  cache-to = [\"bucket=b,secret_access_key=wJalrXUtnFEMI,"
                + "session_token=FwoGZXIv,region=eu\"]\n}")).as("credentials of a cache entry never reach the message")
                .isEqualTo("f.hcl: target t cache-to 'bucket=b,secret_access_key=***,session_token=***,region=eu' has"
                        + " key=value fields but no type=...");
    }

    @Test
    void shouldRefuseStandardInputOnlyWhenItsTargetIsSelected() {
        BakeDefinition bake = BakeFileReader.readHcl("f.hcl", """
                target "stdin" {
                  dockerfile = "-"
                }
                target "other" {}
                """, Map.of());

        assertThat(bake.select(List.of("other"))).hasSize(1);
        assertThat(selectionProblem(bake, "stdin")).isEqualTo(
                "f.hcl: target 'stdin' reads its dockerfile from standard input ('-'), which bake does not allow");
    }

    @Test
    void shouldReadGlobalValuesAndRepeatedBlocksOfJson() {
        BakeDefinition bake = BakeFileReader.readJson("f.json", """
                {"PLATFORMS": ["linux/amd64", "linux/arm64"], "RATIO": 1.50,
                 "target": {"t": [{"platforms": "${PLATFORMS}", "args": {"R": "${RATIO}"}}, {"tags": ["x"]}]}}
                """, Map.of("PLATFORMS", "ignored"));

        BakeTarget target = bake.targets().get("t");
        assertThat(target.platforms()).containsExactly("linux/amd64", "linux/arm64");
        assertThat(target.args()).isEqualTo(Map.of("R", "1.5"));
        assertThat(target.tags()).containsExactly("x");
    }

    @Test
    void shouldNameTheFileOfMalformedJson() {
        assertThatThrownBy(() -> BakeFileReader.readJson("bake.json", "{\"target\": [1]}", Map.of()))
                .isInstanceOf(BakeFileException.class).hasMessage("bake.json: 'target' must be an object of named blocks");
        assertThatThrownBy(() -> BakeFileReader.readJson("bake.json", "{\"target\": ", Map.of()))
                .isInstanceOf(BakeFileException.class).hasMessageStartingWith("bake.json: not valid JSON");
        assertThatThrownBy(() -> BakeFileReader.readJson("bake.json", "ghp_0123456789abcdef\n", Map.of()))
                .isInstanceOf(BakeFileException.class).hasMessage("bake.json: not valid JSON (line 1, column 1)");
        assertThatThrownBy(() -> BakeFileReader.read(Path.of("/nonexistent/docker-bake.hcl"), Map.of()))
                .isInstanceOf(InputFileException.class)
                .hasMessage("bake file '/nonexistent/docker-bake.hcl' does not exist");
    }

    @Test
    void shouldNameAVariablesValidationWhoseConditionIsNoBool() {
        assertThat(problem("variable \"PORT\" {\n  default = 8080\n  validation {\n    condition = PORT\n"
                + "    error_message = \"a port\"\n  }\n}\ntarget \"a\" {}"))
                .isEqualTo("f.hcl: variable PORT validation: a bool is required, got number");
    }

    @Test
    void shouldNameAFormatVerbForWholeNumbersGivenAFraction() {
        assertThat(problem("target \"a\" {\n  args = { A = format(\"%d\", 1.5) }\n}"))
                .isEqualTo("f.hcl: target a.args.A (line 2): %d needs a whole number, got 1.5");
    }

    @Test
    void shouldChunkAListInOneChunkWhateverSizeBeyondItIsAsked() {
        assertThat(args("target \"default\" {\n  args = { A = jsonencode(chunklist([\"a\", \"b\"], 4294967297)) }\n}",
                Map.of())).containsEntry("A", "[[\"a\",\"b\"]]");
    }

    @Test
    void shouldNameAPatternThatIsNoRegularExpressionInOneLine() {
        assertThat(problem("target \"a\" {\n  args = { A = regex(\"(web\", \"web-1\") }\n}"))
                .isEqualTo("f.hcl: target a.args.A (line 2): the pattern \"(web\" is no regular expression:"
                        + " Unclosed group");
    }

    private static Map<String, String> args(String hcl, Map<String, String> environment) {
        return BakeFileReader.readHcl("f.hcl", hcl, environment).targets().get("default").args();
    }

    private static String selectionProblem(BakeDefinition bake, String target) {
        try {
            bake.select(List.of(target));
        } catch (BakeFileException e) {
            return e.getMessage();
        }
        throw new AssertionError("no error selecting " + target);
    }

    private static String problem(String hcl) {
        try {
            BakeFileReader.readHcl("f.hcl", hcl, Map.of());
        } catch (BakeFileException e) {
            return e.getMessage();
        }
        throw new AssertionError("no error for " + hcl);
    }

    static Path resource(String name) throws URISyntaxException {
        return Path.of(BakeFileReaderTest.class.getResource("/build/" + name).toURI());
    }
}
