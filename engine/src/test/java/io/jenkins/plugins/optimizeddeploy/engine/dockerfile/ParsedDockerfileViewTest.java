package io.jenkins.plugins.optimizeddeploy.engine.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ParsedDockerfileViewTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldSerialiseInstructionsWithKeywordFlagsArgsPairsHeredocsLinesAndStage() throws Exception {
        Dockerfile dockerfile = DockerfileParser.parse("build/Dockerfile", """
                # syntax=docker/dockerfile:1
                ARG VERSION
                FROM golang:1.22 AS builder
                RUN go build \\
                    -o /app .
                FROM scratch
                ENV MODE="prod" \\
                    LEVEL=info
                COPY --from=builder <<EOF /etc/app.conf
                mode=$MODE
                EOF
                CMD ["/app"]
                """, java.util.Map.of());

        JsonNode json = JSON.readTree(JSON.writeValueAsString(ParsedDockerfileView.of(dockerfile)));

        assertThat(json.get("file").asText()).isEqualTo("build/Dockerfile");
        assertThat(json.get("escape").asText()).isEqualTo("\\");
        assertThat(json.at("/directives/0").toString()).isEqualTo("{\"name\":\"syntax\",\"value\":\"docker/dockerfile:1\",\"line\":1}");
        assertThat(json.at("/stages/0").toString()).isEqualTo("{\"index\":0,\"name\":\"builder\",\"baseImage\":\"golang:1.22\","
                + "\"resolvedBaseImage\":\"golang:1.22\",\"platform\":\"\",\"startLine\":3,\"endLine\":5}");
        JsonNode instructions = json.get("instructions");
        assertThat(instructions).hasSize(7);
        assertThat(instructions.get(0).toString()).isEqualTo("{\"keyword\":\"arg\",\"flags\":[],\"args\":[\"VERSION\"],"
                + "\"json\":false,\"pairs\":[{\"key\":\"VERSION\",\"value\":null}],\"heredocs\":[],"
                + "\"startLine\":2,\"endLine\":2,\"stage\":-1}");
        assertThat(instructions.get(2).toString()).isEqualTo("{\"keyword\":\"run\",\"flags\":[],"
                + "\"args\":[\"go build     -o /app .\"],\"json\":false,\"pairs\":[],\"heredocs\":[],"
                + "\"startLine\":4,\"endLine\":5,\"stage\":0}");
        assertThat(instructions.get(4).get("pairs").toString())
                .isEqualTo("[{\"key\":\"MODE\",\"value\":\"prod\"},{\"key\":\"LEVEL\",\"value\":\"info\"}]");
        assertThat(instructions.get(5).toString()).isEqualTo("{\"keyword\":\"copy\",\"flags\":[\"--from=builder\"],"
                + "\"args\":[\"<<EOF\",\"/etc/app.conf\"],\"json\":false,\"pairs\":[],"
                + "\"heredocs\":[{\"name\":\"EOF\",\"content\":\"mode=$MODE\\n\",\"expand\":true}],"
                + "\"startLine\":9,\"endLine\":11,\"stage\":1}");
        assertThat(instructions.get(6).get("args").toString()).isEqualTo("[\"/app\"]");
        assertThat(instructions.get(6).get("json").asBoolean()).isTrue();
    }
}
