package io.jenkins.plugins.optimizeddeploy.engine.deploy;

import static io.jenkins.plugins.optimizeddeploy.testsupport.CapRoverFake.LOGIN;
import static io.jenkins.plugins.optimizeddeploy.testsupport.CapRoverFake.build;
import static io.jenkins.plugins.optimizeddeploy.testsupport.CapRoverFake.definitions;
import static io.jenkins.plugins.optimizeddeploy.testsupport.CapRoverFake.deploy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.optimizeddeploy.engine.deploy.HealthServer.Answer;
import io.jenkins.plugins.optimizeddeploy.engine.errors.BadInputException;
import io.jenkins.plugins.optimizeddeploy.engine.image.ImageReference;
import io.jenkins.plugins.optimizeddeploy.testsupport.CapRoverFake.Reply;
import io.jenkins.plugins.optimizeddeploy.testsupport.CapRoverFake.Request;
import io.jenkins.plugins.optimizeddeploy.testsupport.CapRoverFake;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Releases to a CapRover fake that plays the status codes of CapRover's API; the health gate probes a second server. */
class CapRoverTargetTest {
    private static final String PASSWORD = "captain42";
    private static final String APP_TOKEN = "5f2b8e".repeat(10) + "abcd";
    private static final ImageReference V1 = ImageReference.parse("registry.example.com/team/web@sha256:" + "a".repeat(64));
    private static final ImageReference V2 = ImageReference.parse("registry.example.com/team/web@sha256:" + "b".repeat(64));
    private static final Duration PAUSE = Duration.ofMillis(20);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path state;
    private final CapRoverFake caprover = new CapRoverFake().script(definitions(), Reply.ok(deployed(V1.toString())));
    private final HealthServer healthy = new HealthServer(List.of(new Answer(200, "ok")));
    private final HealthServer unhealthy = new HealthServer(List.of(new Answer(503, "down")));

    @AfterEach
    void stopServers() {
        caprover.close();
        healthy.close();
        unhealthy.close();
    }

    @Test
    void shouldDeployTheDigestAsACaptainDefinitionStringThenFollowTheBuild() throws Exception {
        caprover.script(build("web"), Reply.build(true, false), Reply.build(false, false, "Build has finished successfully!"));

        ReleaseResult result = release(CapRoverLogin.password(PASSWORD), healthy, Duration.ofSeconds(20));

        assertThat(result.healthy()).as(String.join("\n", result.summary())).isTrue();
        assertThat(result.services()).singleElement().satisfies(web -> {
            assertThat(web.from()).as("the image CapRover's deployed version runs").isEqualTo(V1);
            assertThat(web.to()).isEqualTo(V2);
        });
        assertThat(caprover.requests(LOGIN)).singleElement().satisfies(login ->
                assertThat(login.json()).isEqualTo(JSON.readTree("{\"password\":\"captain42\"}")));
        assertThat(caprover.requests(deploy("web"))).singleElement().satisfies(request -> {
            assertThat(request.query()).isEqualTo("detached=1");
            assertThat(request.header("x-captain-auth")).contains("jwt-1");
            assertThat(request.header("x-namespace")).contains("captain");
            assertThat(request.header("x-captain-app-token")).isEmpty();
            assertDefinitionOf(request, V2);
        });
        assertThat(caprover.requests(build("web"))).as("polled until the build ended").hasSize(2);
        assertThat(Files.readString(state.resolve("history.jsonl"))).contains(V2.toString())
                .doesNotContain(PASSWORD, "jwt-1");
    }

    @Test
    void shouldLogInAgainOnceWhenCapRoverCallsTheTokenInvalid() throws Exception {
        caprover.script(LOGIN, Reply.token("jwt-1"), Reply.token("jwt-2"))
                .script(deploy("web"), Reply.status(1106, "Auth token is no longer valid. Request for a new auth token", "{}"),
                        Reply.status(101, "Deploy is started", "{}"));

        ReleaseResult result = release(CapRoverLogin.password(PASSWORD), healthy, Duration.ofSeconds(20));

        assertThat(result.healthy()).as(String.join("\n", result.summary())).isTrue();
        assertThat(caprover.requests(LOGIN)).hasSize(2);
        assertThat(caprover.requests(deploy("web"))).extracting(request -> request.header("x-captain-auth").orElseThrow())
                .containsExactly("jwt-1", "jwt-2");
        assertThat(caprover.requests(build("web"))).allSatisfy(request ->
                assertThat(request.header("x-captain-auth")).contains("jwt-2"));
    }

    @Test
    void shouldWaitWhileCapRoverThrottlesLogins() throws Exception {
        caprover.script(LOGIN, Reply.status(1113, "Too many wrong passwords... Wait for 30 seconds and retry.", "{}"),
                Reply.status(1113, "Too many wrong passwords... Wait for 30 seconds and retry.", "{}"),
                Reply.token("jwt-1"));

        ReleaseResult result = release(CapRoverLogin.password(PASSWORD), healthy, Duration.ofSeconds(20));

        assertThat(result.healthy()).as(String.join("\n", result.summary())).isTrue();
        assertThat(caprover.requests(LOGIN)).hasSize(3);
    }

    @Test
    void shouldWaitWhileAnotherOperationHoldsCapRover() throws Exception {
        caprover.script(deploy("web"), Reply.busy(), Reply.busy(), Reply.status(101, "Deploy is started", "{}"));

        ReleaseResult result = release(CapRoverLogin.password(PASSWORD), healthy, Duration.ofSeconds(20));

        assertThat(result.healthy()).as(String.join("\n", result.summary())).isTrue();
        assertThat(caprover.requests(deploy("web"))).hasSize(3)
                .allSatisfy(request -> assertDefinitionOf(request, V2));
    }

    @Test
    void shouldGiveUpOnABusyCapRoverAtTheDeadlineAndSayWhy() throws Exception {
        caprover.script(deploy("web"), Reply.busy());

        ReleaseResult result = release(CapRoverLogin.password(PASSWORD), healthy, Duration.ofMillis(500));

        assertThat(result.services()).singleElement().satisfies(web -> {
            assertThat(web.outcome()).isIn(Outcome.FAILED, Outcome.ROLLBACK_FAILED);
            assertThat(web.reason()).contains("HTTP 429 Another operation still in progress");
        });
    }

    @Test
    void shouldPutThePreviousImageBackWhenCapRoverReportsTheBuildFailed() throws Exception {
        caprover.script(build("web"), Reply.build(true, false),
                Reply.build(false, true, "----------------------", "Deploy failed!", "pull access denied"),
                Reply.build(false, false, "Build has finished successfully!"));

        ReleaseResult result = release(CapRoverLogin.password(PASSWORD), healthy, Duration.ofSeconds(20));

        assertThat(result.rolledBack()).isTrue();
        assertThat(result.services()).singleElement().satisfies(web -> {
            assertThat(web.outcome()).isEqualTo(Outcome.UNHEALTHY);
            assertThat(web.reason()).contains("CapRover's deploy of app web failed", "pull access denied");
        });
        List<Request> deploys = caprover.requests(deploy("web"));
        assertThat(deploys).hasSize(2);
        assertDefinitionOf(deploys.get(1), V1);
    }

    @Test
    void shouldRedeployThePreviousDigestFromTheHistoryWhenTheHealthProbeFails() throws Exception {
        DeployHistory history = new DeployHistory(state.resolve("history.jsonl"));
        CapRoverTarget target = target(CapRoverLogin.appToken(APP_TOKEN), history);
        history.append(List.of(DeployRecord.builder(target.identity(), "web", Action.DEPLOY).images(null, V1)
                .ended(Instant.parse("2026-12-06T10:00:00Z"), 900L, Outcome.HEALTHY, null).by("build 6").build()));

        ReleaseResult result = new Release(target, history, Duration.ofSeconds(5)).run(Action.DEPLOY,
                List.of(deployOf(unhealthy)), Duration.ofSeconds(1), "build 7");

        assertThat(result.rolledBack()).isTrue();
        assertThat(result.services()).singleElement().satisfies(web -> {
            assertThat(web.outcome()).isEqualTo(Outcome.UNHEALTHY);
            assertThat(web.from()).isEqualTo(V1);
            assertThat(web.reason()).contains("HTTP 503, expected 200");
        });
        List<Request> deploys = caprover.requests(deploy("web"));
        assertThat(deploys).hasSize(2);
        Request rollback = deploys.get(1);
        assertThat(rollback.method() + " " + rollback.path() + "?" + rollback.query())
                .isEqualTo("POST /api/v2/user/apps/appData/web?detached=1");
        assertThat(rollback.header("x-captain-app-token")).contains(APP_TOKEN);
        assertThat(rollback.header("x-captain-auth")).isEmpty();
        assertThat(rollback.header("content-type")).contains("application/json");
        assertThat(rollback.body()).isEqualTo("{\"captainDefinitionContent\":\"{\\\"schemaVersion\\\":2,"
                + "\\\"imageName\\\":\\\"" + V1 + "\\\"}\"}");
        assertThat(caprover.requests(LOGIN)).as("an app token never logs in").isEmpty();
        assertThat(caprover.requests(build("web"))).as("an app token cannot read the build").isEmpty();
        assertThat(history.live(target.identity(), "web")).contains(V1);
        assertThat(Files.readString(history.file())).doesNotContain(APP_TOKEN);
    }

    @Test
    void shouldSayWhatRunsIsUnknownWhenCapRoverNamesNoValidImageAfterTheDeploy() throws Exception {
        caprover.script(definitions(), Reply.ok(deployed(V1.toString())), Reply.ok(deployed("team/Web:2")));

        ReleaseResult result = release(CapRoverLogin.password(PASSWORD), healthy, Duration.ofSeconds(20));

        assertThat(result.healthy()).as(String.join("\n", result.summary())).isTrue();
        assertThat(result.services()).singleElement().extracting(ServiceResult::running).isEqualTo(new Running.Unknown(
                "app web on caprover " + DeployHttp.origin(caprover.url()) + " names no valid image: Invalid image reference"
                        + " 'team/Web:2': repository 'team/Web' must be lowercase"));
    }

    @Test
    void shouldRefuseAWrongPasswordWithoutShowingIt() {
        caprover.script(LOGIN, Reply.status(1105, "Invalid credentials", "{}"));

        assertThatThrownBy(() -> release(CapRoverLogin.password(PASSWORD), healthy, Duration.ofSeconds(5)))
                .isInstanceOf(DeployException.class)
                .hasMessageContaining("could not log in on CapRover " + caprover.url() + ": status 1105 Invalid credentials")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(PASSWORD));
        assertThat(caprover.requests(deploy("web"))).isEmpty();
    }

    @Test
    void shouldRefuseAnAppNameCapRoverWouldNotTake() {
        CapRoverTarget target = target(CapRoverLogin.password(PASSWORD), new DeployHistory(state.resolve("h.jsonl")));

        assertThatThrownBy(() -> target.app("Web_1")).isInstanceOf(BadInputException.class)
                .hasMessageContaining("CapRover app name 'Web_1' must be lower-case letters, digits and '-'");
    }

    private ReleaseResult release(CapRoverLogin login, HealthServer health, Duration timeout) throws Exception {
        DeployHistory history = new DeployHistory(state.resolve("history.jsonl"));
        return new Release(target(login, history), history, Duration.ofSeconds(5)).run(Action.DEPLOY,
                List.of(deployOf(health)), timeout, "build 7");
    }

    private CapRoverTarget target(CapRoverLogin login, DeployHistory history) {
        return new CapRoverTarget(caprover.url(), login, Map.of(), history, PAUSE);
    }

    private static ServiceDeploy deployOf(HealthServer health) {
        return new ServiceDeploy("web", V2, Optional.of(HttpHealthCheck.of(health.url()).withSuccesses(1)
                .withInterval(PAUSE)));
    }

    private static void assertDefinitionOf(Request request, ImageReference image) {
        JsonNode content = request.json().path("captainDefinitionContent");
        assertThat(content.isTextual()).as("captainDefinitionContent is a JSON string: " + request.body()).isTrue();
        try {
            assertThat(JSON.readTree(content.asText()))
                    .isEqualTo(JSON.readTree("{\"schemaVersion\":2,\"imageName\":\"" + image + "\"}"));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    /** CapRover's app definitions: app web's deployed version 7 runs {@code image}. */
    private static String deployed(String image) {
        return "{\"appDefinitions\":[{\"appName\":\"web\",\"deployedVersion\":7,"
                + "\"versions\":[{\"version\":6,\"deployedImageName\":\"registry.example.com/team/web:old\"},"
                + "{\"version\":7,\"deployedImageName\":\"" + image + "\"}]}]}";
    }
}
