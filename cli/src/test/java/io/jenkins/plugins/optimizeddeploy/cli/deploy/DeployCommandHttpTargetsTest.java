package io.jenkins.plugins.optimizeddeploy.cli.deploy;

import static io.jenkins.plugins.optimizeddeploy.testsupport.CapRoverFake.LOGIN;
import static io.jenkins.plugins.optimizeddeploy.testsupport.CapRoverFake.definitions;
import static io.jenkins.plugins.optimizeddeploy.testsupport.CapRoverFake.deploy;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.optimizeddeploy.cli.CliRun;
import io.jenkins.plugins.optimizeddeploy.cli.common.ExitCode;
import io.jenkins.plugins.optimizeddeploy.engine.deploy.Outcome;
import io.jenkins.plugins.optimizeddeploy.engine.deploy.ReleaseResult;
import io.jenkins.plugins.optimizeddeploy.engine.deploy.ReleaseResultFields;
import io.jenkins.plugins.optimizeddeploy.engine.deploy.Running;
import io.jenkins.plugins.optimizeddeploy.engine.deploy.ServiceResult;
import io.jenkins.plugins.optimizeddeploy.engine.image.ImageReference;
import io.jenkins.plugins.optimizeddeploy.testsupport.CapRoverFake.Reply;
import io.jenkins.plugins.optimizeddeploy.testsupport.CapRoverFake;
import io.jenkins.plugins.optimizeddeploy.testsupport.FieldNames;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code deploy} and {@code rollback} to the caprover and webhook targets, played by a scripted server on loopback. */
class DeployCommandHttpTargetsTest {
    private static final String V1 = "registry.example.com/team/web@sha256:" + "a".repeat(64);
    private static final String V2 = "registry.example.com/team/web@sha256:" + "b".repeat(64);
    private static final String HEALTH = "GET /health";
    private static final String HOOK = "POST /hook";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path state;
    private final CapRoverFake server = new CapRoverFake()
            .script(definitions(), Reply.ok("{\"appDefinitions\":[{\"appName\":\"web\",\"deployedVersion\":3,"
                    + "\"versions\":[{\"version\":3,\"deployedImageName\":\"" + V1 + "\"}]}]}"))
            .script(HEALTH, new Reply(200, "ok"))
            .script(HOOK, new Reply(202, "queued"));

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void shouldDeployToCapRoverWithThePasswordFromStdinAndPrintJson() throws Exception {
        CliRun run = CliRun.withStdin("captain42\n", args("deploy", "caprover", "--caprover-password-stdin", "--json"));

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
        JsonNode web = JSON.readTree(run.out()).path("services").get(0);
        assertThat(web.path("from").asText()).isEqualTo(V1);
        assertThat(web.path("to").asText()).isEqualTo(V2);
        assertThat(web.path("outcome").asText()).isEqualTo("HEALTHY");
        ReleaseResult sample = new ReleaseResult(List.of(new ServiceResult("web", ImageReference.parse(V1),
                ImageReference.parse(V2), Outcome.HEALTHY, 700L, null, new Running.Image(ImageReference.parse(V2)))),
                false);
        assertThat(FieldNames.ofJson(run.out())).as("the fields deployImages returns")
                .isEqualTo(FieldNames.of(ReleaseResultFields.of(sample)));
        assertThat(server.requests(LOGIN)).singleElement()
                .satisfies(login -> assertThat(login.json().path("password").asText()).isEqualTo("captain42"));
        assertThat(Files.readString(state.resolve("history.jsonl"))).contains(V2).doesNotContain("captain42", "jwt-1");
    }

    @Test
    void shouldExitOneAfterPuttingThePreviousImageBackWhenTheHealthUrlFails() {
        server.script(HEALTH, new Reply(503, "down"));

        CliRun run = CliRun.withStdin("captain42", args("deploy", "caprover", "--caprover-password-stdin",
                "--timeout", "2s"));

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCode.GATE_FAILED);
        assertThat(run.out()).contains("web: UNHEALTHY", "release rolled back");
        assertThat(server.requests(deploy("web"))).hasSize(2).last().satisfies(rollback ->
                assertThat(rollback.json().path("captainDefinitionContent").asText()).contains(V1));
    }

    @Test
    void shouldExitThreeWhenCapRoverHasNoSuchApp() {
        server.script(definitions(), Reply.ok("{\"appDefinitions\":[]}"));

        CliRun run = CliRun.withStdin("captain42", args("deploy", "caprover", "--caprover-password-stdin"));

        assertThat(run.exitCode()).isEqualTo(ExitCode.FAILURE);
        assertThat(run.err()).contains("has no app web").doesNotContain("captain42");
    }

    @Test
    void shouldRollBackToThePreviousDigestFromTheHistoryWithAnAppTokenFile() throws Exception {
        Path token = Files.writeString(state.resolve("token"), "f00d".repeat(16) + "\n");
        CliRun first = CliRun.withStdin("", args("deploy", "caprover", "--caprover-app-token-file", token.toString()));
        String second = V2.replace('b', 'c');
        CliRun next = CliRun.withStdin("", replaceImage(args("deploy", "caprover", "--caprover-app-token-file",
                token.toString()), second));
        CliRun rollback = CliRun.of("rollback", "--target", "caprover", "--caprover-url", server.url().toString(),
                "--caprover-app-token-file", token.toString(), "--service", "web", "--health-url",
                server.url() + "/health", "--health-successes", "1", "--history", state.resolve("history.jsonl").toString());

        assertThat(first.exitCode()).as(first.err()).isEqualTo(ExitCode.OK);
        assertThat(next.exitCode()).as(next.err()).isEqualTo(ExitCode.OK);
        assertThat(rollback.exitCode()).as(rollback.err()).isEqualTo(ExitCode.OK);
        assertThat(rollback.out()).contains("web: HEALTHY " + V2);
        assertThat(server.requests(deploy("web"))).hasSize(3).allSatisfy(request ->
                assertThat(request.header("x-captain-app-token")).contains("f00d".repeat(16)));
        assertThat(server.requests(LOGIN)).isEmpty();
    }

    @Test
    void shouldPostTheSignedHookAndSendTheRollbackWhenTheHealthUrlFails() throws Exception {
        Path secret = Files.writeString(state.resolve("secret"), "It's a Secret to Everybody");
        CliRun healthy = CliRun.of(args("deploy", "webhook", "--webhook-secret-file", secret.toString(), "--json"));
        server.script(HEALTH, new Reply(500, "broken"));
        CliRun unhealthy = CliRun.of(replaceImage(args("deploy", "webhook", "--webhook-secret-file", secret.toString(),
                "--timeout", "2s"), V2.replace('b', 'c')));

        assertThat(healthy.exitCode()).as(healthy.err()).isEqualTo(ExitCode.OK);
        assertThat(JSON.readTree(healthy.out()).path("rolledBack").asBoolean()).isFalse();
        assertThat(unhealthy.exitCode()).as(unhealthy.out() + unhealthy.err()).isEqualTo(ExitCode.GATE_FAILED);
        assertThat(server.requests(HOOK)).hasSize(3).allSatisfy(hook -> {
            assertThat(hook.header("x-hub-signature-256")).hasValueSatisfying(value -> assertThat(value).startsWith("sha256="));
            assertThat(hook.header("webhook-signature")).hasValueSatisfying(value -> assertThat(value).startsWith("v1,"));
        });
        JsonNode rollback = server.requests(HOOK).get(2).json().path("data");
        assertThat(rollback.path("rollback").asBoolean()).isTrue();
        assertThat(rollback.path("image").asText()).isEqualTo(V2);
    }

    @Test
    void shouldExitWithBadInputInOneLine() throws Exception {
        Path secret = Files.writeString(state.resolve("secret"), "s3cret");
        String url = server.url().toString();
        List<CliRun> runs = List.of(
                CliRun.of("deploy", "--target", "caprover", "--service", "web=" + V2, "--health-url", url + "/health",
                        "--caprover-password-file", secret.toString()),
                CliRun.of("deploy", "--target", "caprover", "--caprover-url", url, "--service", "web=" + V2,
                        "--caprover-password-file", secret.toString()),
                CliRun.of("deploy", "--target", "caprover", "--caprover-url", url, "--service", "web=" + V2,
                        "--health-url", url + "/health", "--webhook-url", url + "/hook", "--caprover-password-file",
                        secret.toString()),
                CliRun.of("deploy", "--target", "caprover", "--caprover-url", url, "--service", "web=" + V2,
                        "--health-url", url + "/health"),
                CliRun.of("deploy", "--target", "caprover", "--caprover-url", url, "--service", "Web_1=" + V2,
                        "--health-url", url + "/health", "--caprover-password-file", secret.toString()),
                CliRun.withStdin("pw", "deploy", "--target", "caprover", "--caprover-url", url, "--service", "web=" + V2,
                        "--health-url", url + "/health", "--caprover-password-stdin", "--username", "ci",
                        "--password-stdin"),
                CliRun.of("deploy", "--target", "webhook", "--webhook-url", "ftp://127.0.0.1/hook", "--service",
                        "web=" + V2, "--health-url", url + "/health", "--webhook-secret-file", secret.toString()),
                CliRun.of("deploy", "--target", "webhook", "--webhook-url", url + "/hook", "--service", "web=" + V2,
                        "--health-url", url + "/health"),
                CliRun.of("deploy", "--target", "webhook", "--webhook-url", url + "/hook", "--service", "web=" + V2,
                        "--health-url", url + "/health", "--webhook-secret-file", state.resolve("absent").toString()));
        List<String> expected = List.of("--target caprover needs --caprover-url",
                "--target caprover checks no health itself: give --health-url for web",
                "--webhook-... options are for --target webhook, not caprover",
                "--target caprover needs one of --caprover-password-stdin",
                "CapRover app name 'Web_1' must be lower-case",
                "--password-stdin and the target's -stdin option both read standard input",
                "webhook URL ftp://127.0.0.1 #",
                "--target webhook needs --webhook-secret-stdin or --webhook-secret-file",
                "--webhook-secret-file '" + state.resolve("absent") + "' does not exist");

        for (int i = 0; i < runs.size(); i++) {
            assertThat(runs.get(i).exitCode()).as(runs.get(i).err()).isEqualTo(ExitCode.BAD_INPUT);
            assertThat(runs.get(i).err()).contains(expected.get(i)).doesNotContain("s3cret", "\tat ");
        }
        assertThat(server.requests(deploy("web"))).isEmpty();
        assertThat(server.requests(HOOK)).isEmpty();
    }

    private String[] args(String command, String target, String... more) {
        List<String> args = new ArrayList<>(List.of(command, "--target", target, "--service", "web=" + V2,
                "--health-url", server.url() + "/health", "--health-successes", "1", "--health-interval", "100ms",
                "--history", state.resolve("history.jsonl").toString()));
        args.add(target.equals("caprover") ? "--caprover-url" : "--webhook-url");
        args.add(target.equals("caprover") ? server.url().toString() : server.url() + "/hook");
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    private static String[] replaceImage(String[] args, String image) {
        return List.of(args).stream().map(arg -> arg.equals("web=" + V2) ? "web=" + image : arg).toArray(String[]::new);
    }
}
