package io.jenkins.plugins.optimizeddeploy.engine.deploy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.optimizeddeploy.engine.errors.BadInputException;
import io.jenkins.plugins.optimizeddeploy.engine.http.TextResponse;
import io.jenkins.plugins.optimizeddeploy.engine.image.ImageReference;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Apps of a CapRover server through its HTTP API (v2). A deploy sends the image by digest as a captain-definition
 * ({@code {"schemaVersion":2,"imageName":"IMG@sha256:..."}}, a JSON <em>string</em> inside the body) to
 * {@code POST /api/v2/user/apps/appData/APP?detached=1}; logged in with the password, it then follows the build with
 * {@code GET} of the same path until {@code isAppBuilding} is false and fails when {@code isBuildFailed}. CapRover
 * answers HTTP 200 with a {@code status} inside: 100, 101 and 102 are success, 1106 (an expired token, e.g. after a
 * restart) logs in again once, 1113 (logins throttled) and HTTP 429 (another operation holds the server's lock) wait
 * and ask again until the deadline. CapRover checks no health and rolls nothing back, so its "done" only means the
 * image was taken: the health gate's HTTP probe decides, and a rollback is a deploy of the image the app ran before,
 * as the platform reports it (logged in) or as our history recorded it (app token).
 */
public final class CapRoverTarget implements DeployTarget {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<Integer> SUCCESS = Set.of(100, 101, 102);
    private static final int TOKEN_INVALID = 1106;
    private static final int LOGIN_BACK_OFF = 1113;
    private static final int BUSY = 429;
    /** CapRover's app names (its isNameAllowed). */
    private static final Pattern APP_NAME = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?");

    private final URI url;
    private final CapRoverLogin login;
    private final Map<String, String> apps;
    private final DeployHistory history;
    private final Duration retryPause;
    private final DeployHttp http = new DeployHttp();
    /** The session token (a JWT) while logged in with the password; shared by the services deployed in parallel. */
    private String authToken;

    /**
     * @param url        the captain's root, e.g. {@code https://captain.apps.example.com}
     * @param apps       per service, its app when the names differ (else the app is named as the service)
     * @param history    where the images the apps ran are recorded, for an app token, which cannot read them
     * @param retryPause how long to wait before asking again after HTTP 429 or status 1113, and between two looks at
     *                   a build
     */
    public CapRoverTarget(URI url, CapRoverLogin login, Map<String, String> apps, DeployHistory history,
            Duration retryPause) {
        if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme()) || url.getHost() == null) {
            throw new BadInputException("CapRover URL " + DeployHttp.origin(url)
                    + " must be http:// or https:// with a host");
        }
        if (url.getRawUserInfo() != null || url.getRawQuery() != null) {
            throw new BadInputException("CapRover URL " + DeployHttp.origin(url)
                    + " must hold no user, password or query: the password or app token is given apart");
        }
        this.url = url;
        this.login = login;
        this.apps = Map.copyOf(apps);
        this.apps.values().forEach(CapRoverTarget::requireAppName);
        this.history = history;
        this.retryPause = retryPause;
    }

    @Override
    public String identity() {
        return "caprover " + DeployHttp.origin(url);
    }

    /**
     * The app {@code service} is deployed to.
     *
     * @throws BadInputException when it is no name CapRover allows
     */
    public String app(String service) {
        return requireAppName(apps.getOrDefault(service, service));
    }

    @Override
    public Optional<ImageReference> running(String service) {
        if (login.isAppToken()) {
            return history.live(identity(), service);
        }
        String app = app(service);
        JsonNode definitions = call("read the apps", "GET", "/api/v2/user/apps/appDefinitions", null,
                Instant.now().plus(Duration.ofMinutes(1)));
        for (JsonNode definition : definitions.path("appDefinitions")) {
            if (definition.path("appName").asText().equals(app)) {
                int deployed = definition.path("deployedVersion").asInt(-1);
                for (JsonNode version : definition.path("versions")) {
                    if (version.path("version").asInt() == deployed
                            && !version.path("deployedImageName").asText().isEmpty()) {
                        return Optional.of(PlatformImage.parse(version.path("deployedImageName").asText(),
                                "app " + app + " on " + identity()));
                    }
                }
                return Optional.empty();
            }
        }
        throw new DeployException("CapRover " + DeployHttp.origin(url) + " has no app " + app
                + ": create it in CapRover first");
    }

    @Override
    public Rollout deploy(String service, ImageReference image, Instant deadline) {
        String app = app(service);
        ObjectNode definition = JSON.createObjectNode().put("schemaVersion", 2).put("imageName", image.toString());
        ObjectNode body = JSON.createObjectNode().put("captainDefinitionContent", definition.toString());
        call("deploy " + image + " to app " + app, "POST", appData(app) + "?detached=1", body.toString(), deadline);
        if (login.isAppToken()) {
            return new Rollout(true, "CapRover took " + image + " (an app token cannot follow the build)");
        }
        return awaitBuild(app, deadline);
    }

    /** An app is never removed: CapRover apps are created by hand, with their domains, volumes and settings. */
    @Override
    public void remove(String service) {
        throw new DeployException("no earlier image of app " + app(service) + " on " + identity()
                + " is known to put back (CapRover reports none and the history has none); it keeps the new one");
    }

    private Rollout awaitBuild(String app, Instant deadline) {
        while (Instant.now().isBefore(deadline)) {
            JsonNode build = call("read the build of app " + app, "GET", appData(app), null, deadline);
            if (!build.path("isAppBuilding").asBoolean()) {
                if (build.path("isBuildFailed").asBoolean()) {
                    return Rollout.failed("CapRover's deploy of app " + app + " failed: " + lastLogLines(build));
                }
                return new Rollout(true, "CapRover deployed app " + app);
            }
            Health.pause(retryPause);
        }
        return Rollout.failed("CapRover was still deploying app " + app + " at the deadline");
    }

    private static String lastLogLines(JsonNode build) {
        JsonNode lines = build.path("logs").path("lines");
        StringBuilder last = new StringBuilder();
        for (int i = Math.max(0, lines.size() - 3); i < lines.size(); i++) {
            last.append(last.length() == 0 ? "" : " | ").append(lines.get(i).asText().strip());
        }
        return last.length() == 0 ? "no build log" : last.toString();
    }

    /** The {@code data} of a successful answer, logging in first (and again once after 1106) with the password. */
    private JsonNode call(String what, String method, String path, String body, Instant deadline) {
        String token = login.isAppToken() ? null : token(null, deadline);
        JsonNode answer = exchange(what, method, path, body, token, deadline);
        if (answer.path("status").asInt() == TOKEN_INVALID && token != null) {
            answer = exchange(what, method, path, body, token(token, deadline), deadline);
        }
        return data(what, answer);
    }

    /** The session token; a new one when {@code stale} is the one held (another thread may have renewed it). */
    private synchronized String token(String stale, Instant deadline) {
        if (authToken == null || authToken.equals(stale)) {
            String password = JSON.createObjectNode().put("password", login.secret()).toString();
            JsonNode data = data("log in", exchange("log in", "POST", "/api/v2/login", password, null, deadline));
            authToken = data.path("token").asText();
            if (authToken.isEmpty()) {
                throw new DeployException("CapRover " + DeployHttp.origin(url) + " answered the login without a token");
            }
        }
        return authToken;
    }

    private JsonNode data(String what, JsonNode answer) {
        int status = answer.path("status").asInt();
        if (!SUCCESS.contains(status)) {
            throw new DeployException("could not " + what + " on CapRover " + DeployHttp.origin(url) + ": status "
                    + status + " " + answer.path("description").asText()
                    + (status == TOKEN_INVALID && login.isAppToken() ? " (is the app token enabled for this app?)" : ""));
        }
        return answer.path("data");
    }

    /**
     * CapRover's answer envelope, asked again after a pause while the server is busy (429) or throttles logins
     * (1113), until {@code deadline}.
     */
    private JsonNode exchange(String what, String method, String path, String body, String token, Instant deadline) {
        String doing = what + " on CapRover " + DeployHttp.origin(url);
        while (true) {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("x-namespace", "captain");
            headers.put("Accept", "application/json");
            if (body != null) {
                headers.put("Content-Type", "application/json");
            }
            if (token != null) {
                headers.put("x-captain-auth", token);
            } else if (login.isAppToken() && !path.equals("/api/v2/login")) {
                headers.put("x-captain-app-token", login.secret());
            }
            TextResponse response = http.send(DeployHttp.request(method, url.resolve(path), headers,
                    body == null ? null : body.getBytes(StandardCharsets.UTF_8)), deadline, doing);
            boolean busy = response.statusCode() == BUSY;
            if (!busy && response.statusCode() != 200) {
                throw new DeployException("could not " + doing + ": HTTP " + response.statusCode());
            }
            JsonNode answer = busy ? null : envelope(doing, response.body());
            if (!busy && answer.path("status").asInt() != LOGIN_BACK_OFF) {
                return answer;
            }
            if (!Instant.now().plus(retryPause).isBefore(deadline)) {
                throw new DeployException("could not " + doing + " before the deadline: "
                        + (busy ? "HTTP 429 " + DeployHttp.firstLine(response.body())
                                : "status 1113 " + answer.path("description").asText()));
            }
            Health.pause(retryPause);
        }
    }

    private static JsonNode envelope(String doing, String body) {
        try {
            JsonNode answer = JSON.readTree(body);
            if (answer == null || !answer.path("status").isInt()) {
                throw new DeployException("could not " + doing + ": the answer holds no status");
            }
            return answer;
        } catch (JsonProcessingException e) {
            throw new DeployException("could not " + doing + ": the answer is not JSON: " + DeployHttp.firstLine(body));
        }
    }

    private static String appData(String app) {
        return "/api/v2/user/apps/appData/" + app;
    }

    private static String requireAppName(String app) {
        if (!APP_NAME.matcher(app).matches()) {
            throw new BadInputException("CapRover app name '" + app
                    + "' must be lower-case letters, digits and '-', starting and ending with a letter or digit");
        }
        return app;
    }
}
