package io.jenkins.plugins.optimizeddeploy.engine.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Dockerfile;
import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.DockerfileParser;
import io.jenkins.plugins.optimizeddeploy.engine.findings.FailureThreshold;
import io.jenkins.plugins.optimizeddeploy.engine.findings.Finding;
import io.jenkins.plugins.optimizeddeploy.engine.findings.LintOutputFormat;
import io.jenkins.plugins.optimizeddeploy.engine.findings.LintReport;
import io.jenkins.plugins.optimizeddeploy.engine.lint.LintConfiguration;
import io.jenkins.plugins.optimizeddeploy.engine.lint.Linter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class LintOutputFormatTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LintReport REPORT = report(
            DockerfileParser.parse("services/web/Dockerfile", "FROM debian:12\nRUN apt-get install -y curl\n"),
            DockerfileParser.parse("my app/Dockerfile", "FROM a:1\nUSER app\n  COPY . .\n"));

    @Test
    void shouldPrintEachFindingWithItsLocationAndExcerptForPeople() {
        String text = LintOutputFormat.TTY.render(REPORT);

        assertThat(text.lines()).startsWith(
                "services/web/Dockerfile:1:1 warning OD1001 The final stage never sets USER, so the image runs as root;"
                        + " create an unprivileged user and switch to it with USER before CMD/ENTRYPOINT.",
                "    FROM debian:12",
                "services/web/Dockerfile:2:1 warning DL3008 Pin versions in apt-get install. Instead of"
                        + " `apt-get install <package>` use `apt-get install <package>=<version>`. (curl)",
                "    RUN apt-get install -y curl");
        assertThat(text).contains("my app/Dockerfile:3:3 warning OD1009 ");
        assertThat(text.lines().reduce((first, second) -> second).orElseThrow())
                .isEqualTo("7 findings (0 error, 4 warning, 3 info, 0 style); failure threshold warning: failed");
    }

    @Test
    void shouldEscapeTerminalControlCharactersFromTheDockerfileForPeople() {
        LintReport report = report(DockerfileParser.parse("Dockerfile\u001b]0;title\u0007",
                "FROM debian:12\nRUN apt-get install -y \u001b[2Jcurl\u009b31m\n"));

        String text = LintOutputFormat.TTY.render(report);

        assertThat(text).doesNotContain("\u001b", "\u0007", "\u009b")
                .contains("Dockerfile\\x1b]0;title\\x07:2:1 warning DL3008 ",
                        "    RUN apt-get install -y \\x1b[2Jcurl\\u009b31m\n");
    }

    @Test
    void shouldWriteFindingsAsJson() throws IOException {
        JsonNode json = JSON.readTree(LintOutputFormat.JSON.render(REPORT));

        JsonNode first = json.path("findings").path(0);
        assertThat(first.path("rule").asText()).isEqualTo("OD1001");
        assertThat(first.path("severity").asText()).isEqualTo("warning");
        assertThat(first.path("file").asText()).isEqualTo("services/web/Dockerfile");
        assertThat(first.path("line").asInt()).isEqualTo(1);
        assertThat(first.path("column").asInt()).isEqualTo(1);
        assertThat(first.path("message").asText()).startsWith("The final stage never sets USER");
        assertThat(json.path("findings")).hasSize(7);
        assertThat(json.path("counts").path("warning").asInt()).isEqualTo(4);
        assertThat(json.path("failed").asBoolean()).isTrue();
    }

    @Test
    void shouldWriteSarifValidAgainstTheSarif210Schema() throws IOException {
        String sarif = LintOutputFormat.SARIF.render(REPORT);

        Set<ValidationMessage> errors = sarifSchema().validate(JSON.readTree(sarif));

        assertThat(errors).isEmpty();
    }

    @Test
    void shouldDescribeRulesAndLocateResultsInSarif() throws IOException {
        JsonNode run = JSON.readTree(LintOutputFormat.SARIF.render(REPORT)).path("runs").path(0);

        JsonNode rules = run.path("tool").path("driver").path("rules");
        assertThat(rules).extracting(rule -> rule.path("id").asText()).contains("DL3008", "OD1001");
        JsonNode dl3008 = rules.get(indexOf(rules, "DL3008"));
        assertThat(dl3008.path("helpUri").asText()).isEqualTo("https://github.com/hadolint/hadolint/wiki/DL3008");
        assertThat(dl3008.path("defaultConfiguration").path("level").asText()).isEqualTo("warning");
        JsonNode result = run.path("results").path(1);
        assertThat(result.path("ruleId").asText()).isEqualTo("DL3008");
        assertThat(result.path("ruleIndex").asInt()).isEqualTo(indexOf(rules, "DL3008"));
        assertThat(result.path("level").asText()).isEqualTo("warning");
        JsonNode location = result.path("locations").path(0).path("physicalLocation");
        assertThat(location.path("artifactLocation").path("uri").asText()).isEqualTo("services/web/Dockerfile");
        assertThat(location.path("region").path("startLine").asInt()).isEqualTo(2);
        assertThat(location.path("region").path("startColumn").asInt()).isEqualTo(1);
        assertThat(run.path("results")).extracting(each -> each.path("locations").path(0).path("physicalLocation")
                .path("artifactLocation").path("uri").asText()).contains("my%20app/Dockerfile");
        assertThat(run.path("results")).extracting(each -> each.path("level").asText()).contains("note");
    }

    @Test
    void shouldWriteCheckstyleXmlWithAFileElementPerDockerfile() throws Exception {
        String xml = LintOutputFormat.CHECKSTYLE.render(REPORT);

        Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        NodeList files = document.getElementsByTagName("file");
        assertThat(files.getLength()).isEqualTo(2);
        Element web = (Element) files.item(0);
        assertThat(web.getAttribute("name")).isEqualTo("services/web/Dockerfile");
        Element error = (Element) web.getElementsByTagName("error").item(1);
        assertThat(error.getAttribute("line")).isEqualTo("2");
        assertThat(error.getAttribute("column")).isEqualTo("1");
        assertThat(error.getAttribute("severity")).isEqualTo("warning");
        assertThat(error.getAttribute("source")).isEqualTo("DL3008");
        assertThat(error.getAttribute("message")).contains("`apt-get install <package>=<version>`");
        assertThat(document.getElementsByTagName("error").getLength()).isEqualTo(7);
    }

    @Test
    void shouldWriteADockerfileThatDoesNotParseAsAnErrorInEveryFormat() throws Exception {
        LintConfiguration configuration = LintConfiguration.defaults().withFailureThreshold(FailureThreshold.ERROR);
        Linter linter = new Linter(RuleRegistry.rules(configuration), configuration);
        List<Finding> findings = new ArrayList<>(linter.lint("bad/Dockerfile", "FROM a:1\nRUNN x\n",
                UnaryOperator.identity()));
        findings.addAll(linter.lint("good/Dockerfile", "FROM debian:12\nRUN apt-get install -y curl\n",
                UnaryOperator.identity()));
        LintReport report = linter.report(findings);

        assertThat(LintOutputFormat.TTY.render(report)).startsWith("bad/Dockerfile:2:1 error DL1000 The Dockerfile"
                + " does not parse: unknown instruction: RUNN (expected one of ADD, ARG, CMD, COPY, ENTRYPOINT, ENV,"
                + " EXPOSE, FROM, HEALTHCHECK, LABEL, MAINTAINER, ONBUILD, RUN, SHELL, STOPSIGNAL, USER, VOLUME,"
                + " WORKDIR); nothing else in it is checked.\ngood/Dockerfile:1:1 ")
                .contains("good/Dockerfile:2:1 warning DL3008 ").endsWith("failure threshold error: failed\n");
        JsonNode json = JSON.readTree(LintOutputFormat.JSON.render(report)).path("findings").path(0);
        assertThat(List.of(json.path("rule").asText(), json.path("severity").asText(), json.path("file").asText(),
                json.path("line").asText())).containsExactly("DL1000", "error", "bad/Dockerfile", "2");
        String sarif = LintOutputFormat.SARIF.render(report);
        assertThat(sarifSchema().validate(JSON.readTree(sarif))).isEmpty();
        JsonNode run = JSON.readTree(sarif).path("runs").path(0);
        JsonNode result = run.path("results").path(0);
        assertThat(result.path("ruleId").asText()).isEqualTo("DL1000");
        assertThat(result.path("level").asText()).isEqualTo("error");
        assertThat(run.path("tool").path("driver").path("rules").path(result.path("ruleIndex").asInt()).path("id")
                .asText()).isEqualTo("DL1000");
        Element error = (Element) DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(LintOutputFormat.CHECKSTYLE.render(report)
                        .getBytes(StandardCharsets.UTF_8))).getElementsByTagName("error").item(0);
        assertThat(List.of(error.getAttribute("source"), error.getAttribute("severity"), error.getAttribute("line"),
                ((Element) error.getParentNode()).getAttribute("name")))
                .containsExactly("DL1000", "error", "2", "bad/Dockerfile");
    }

    @Test
    void shouldParseFormatNamesAndRefuseUnknownOnes() {
        assertThat(LintOutputFormat.parse("SARIF")).isEqualTo(LintOutputFormat.SARIF);
        assertThatThrownBy(() -> LintOutputFormat.parse("html"))
                .hasMessage("Unknown output format 'html': expected one of tty, json, sarif, checkstyle");
    }

    private static int indexOf(JsonNode rules, String id) {
        for (int i = 0; i < rules.size(); i++) {
            if (rules.get(i).path("id").asText().equals(id)) {
                return i;
            }
        }
        throw new AssertionError("No rule " + id + " in the SARIF driver");
    }

    private static JsonSchema sarifSchema() throws IOException {
        try (InputStream schema = LintOutputFormatTest.class.getResourceAsStream("/lint/sarif-schema-2.1.0.json")) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(schema);
        }
    }

    private static LintReport report(Dockerfile... dockerfiles) {
        LintConfiguration configuration = LintConfiguration.defaults().withFailureThreshold(FailureThreshold.WARNING);
        return new Linter(RuleRegistry.rules(configuration), configuration).lint(List.of(dockerfiles));
    }
}
