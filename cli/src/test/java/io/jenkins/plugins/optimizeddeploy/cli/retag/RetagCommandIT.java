package io.jenkins.plugins.optimizeddeploy.cli.retag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.optimizeddeploy.cli.CliRun;
import io.jenkins.plugins.optimizeddeploy.cli.common.ExitCode;
import io.jenkins.plugins.optimizeddeploy.engine.image.Digest;
import io.jenkins.plugins.optimizeddeploy.engine.image.ImageReference;
import io.jenkins.plugins.optimizeddeploy.engine.registry.TrafficSnapshot;
import io.jenkins.plugins.optimizeddeploy.engine.retag.RetagOutcome;
import io.jenkins.plugins.optimizeddeploy.engine.retag.RetagResult;
import io.jenkins.plugins.optimizeddeploy.engine.retag.RetagResultFields;
import io.jenkins.plugins.optimizeddeploy.engine.retag.RetaggedImage;
import io.jenkins.plugins.optimizeddeploy.engine.retag.TagOutcome;
import io.jenkins.plugins.optimizeddeploy.engine.retag.TagResult;
import io.jenkins.plugins.optimizeddeploy.testsupport.FieldNames;
import io.jenkins.plugins.optimizeddeploy.testsupport.HostileRegistry.Answer;
import io.jenkins.plugins.optimizeddeploy.testsupport.HostileRegistry;
import io.jenkins.plugins.optimizeddeploy.testsupport.RegistryExtension;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import picocli.CommandLine;

class RetagCommandIT {
    @RegisterExtension
    static final RegistryExtension REGISTRY = RegistryExtension.basicAuth();

    @Test
    void shouldReadSourcesTagsAndTarget() {
        RetagCommand command = CommandLine.populateCommand(new RetagCommand(), "reg.example.com/web:abc",
                "reg.example.com/worker:abc", "--tag", "latest", "--tag", "prod", "--to", "reg.example.com/release",
                "--json");

        assertThat(command.sources).containsExactly("reg.example.com/web:abc", "reg.example.com/worker:abc");
        assertThat(command.tags).containsExactly("latest", "prod");
        assertThat(command.to).isEqualTo("reg.example.com/release");
        assertThat(command.json.requested()).isTrue();
    }

    @Test
    void shouldRefuseARetagWithoutTag() {
        assertThatThrownBy(() -> CommandLine.populateCommand(new RetagCommand(), "reg.example.com/web:abc"))
                .isInstanceOf(CommandLine.MissingParameterException.class).hasMessageContaining("--tag");
    }

    @Test
    void shouldMoveEveryTagAndPrintTheResultAsJson() throws Exception {
        String web = REGISTRY.pushBusyboxBase("cli/retag-web", "abc123");
        String worker = REGISTRY.pushBusyboxIndex("cli/retag-worker", "abc123");

        CliRun run = CliRun.withStdin(REGISTRY.password(), "retag", web, worker, "--tag", "latest", "--tag", "prod", "--json",
                "--username", REGISTRY.username(), "--password-stdin");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.path("outcome").asText()).isEqualTo("MOVED");
        assertThat(FieldNames.ofJson(run.out())).as("the fields retagImages returns under images")
                .isEqualTo(FieldNames.of(RetagResultFields.of(new RetagResult(RetagOutcome.MOVED, "",
                        List.of(new RetaggedImage(ImageReference.parse(web), Digest.parse("sha256:" + "a".repeat(64)), "application/json", List.of())),
                        List.of(new TagResult(ImageReference.parse(web), ImageReference.parse(web), null,
                                Digest.parse("sha256:" + "a".repeat(64)), TagOutcome.MOVED, "")),
                        new TrafficSnapshot(Map.of(), 0), 1))));
        assertThat(json.path("images").path(1).path("digest").asText())
                .isEqualTo(REGISTRY.manifest("cli/retag-worker", "abc123").digest());
        assertThat(json.path("images").path(1).path("tags")).hasSize(2);
        assertThat(json.path("traffic").path("requests").path("MANIFEST_PUT").asLong()).isEqualTo(4);
        assertThat(REGISTRY.manifest("cli/retag-web", "prod")).isEqualTo(REGISTRY.manifest("cli/retag-web", "abc123"));
    }

    @Test
    void shouldPrintTheTagsAndCountersAsText() {
        String web = REGISTRY.pushBusyboxBase("cli/retag-text", "abc123");

        CliRun run = CliRun.withStdin(REGISTRY.password(), "retag", web, "--tag", "latest", "--to", REGISTRY.hostPort() + "/cli/released",
                "--username", REGISTRY.username(), "--password-stdin");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
        assertThat(run.out()).contains("all 1 tags of 1 image(s) point at their sources",
                REGISTRY.hostPort() + "/cli/released:latest -> sha256:", "blob mount");
    }

    @Test
    void shouldExitWithFailureSayingWhyNothingMoved() {
        String web = REGISTRY.pushBusyboxBase("cli/retag-partial", "abc123");

        CliRun run = CliRun.withStdin(REGISTRY.password(), "retag", web, REGISTRY.hostPort() + "/cli/retag-absent:abc123",
                "--tag", "latest", "--username", REGISTRY.username(), "--password-stdin");

        assertThat(run.exitCode()).isEqualTo(ExitCode.FAILURE);
        assertThat(run.err()).contains("nothing moved", "cli/retag-absent:abc123", "404").hasLineCount(1);
        assertThat(run.out()).contains("nothing moved");
    }

    @Test
    void shouldEscapeTerminalControlCharactersARegistryAnswersWith() {
        try (HostileRegistry registry = HostileRegistry.start(request -> Answer.json(403,
                "{\"errors\": [{\"code\": \"DENIED\", \"message\": \"denied\\u001b]0;pwned\\u0007\"}]}"))) {
            CliRun run = CliRun.of("retag", registry.registry() + "/team/web:1", "--tag", "prod");

            assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.FAILURE);
            assertThat(run.out() + run.err()).contains("denied\\x1b]0;pwned\\x07").doesNotContain("\u001b", "\u0007");
        }
    }

    @Test
    void shouldExitWithBadInputForABadTagOrTwoSourcesOnOneTag() {
        CliRun badTag = CliRun.of("retag", "reg.example.com/web:abc", "--tag", "-bad");
        CliRun clash = CliRun.of("retag", "reg.example.com/web:a", "reg.example.com/web:b", "--tag", "latest");

        assertThat(badTag.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(badTag.err()).contains("-bad");
        assertThat(clash.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(clash.err()).contains("would both become reg.example.com/web:latest");
    }
}
