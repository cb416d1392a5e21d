package io.jenkins.plugins.optimizeddeploy.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough of the distribution API to seed images, with the Basic and Bearer challenge flows. Independent of
 * the engine on purpose: the engine's own client is what the tests examine.
 */
final class RegistryApi {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Pattern CHALLENGE_PARAMETER = Pattern.compile("(\\w+)=\"([^\"]*)\"");
    private static final String MANIFEST_TYPES = String.join(",", BusyboxImage.DOCKER_MANIFEST,
            BusyboxImage.OCI_MANIFEST, BusyboxImage.OCI_INDEX,
            "application/vnd.docker.distribution.manifest.list.v2+json");

    private final URI baseUrl;
    private final HttpClient http;
    private final Optional<String> basicCredentials;
    private final Map<String, String> authorizationByRepository = new HashMap<>();

    RegistryApi(URI baseUrl, HttpClient http, String username, String password) {
        this.baseUrl = baseUrl;
        this.http = http;
        this.basicCredentials = username == null ? Optional.empty() : Optional.of("Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    /** Uploads the blob unless the repository has it already. */
    void pushBlob(String repository, Blob blob) {
        URI blobUrl = url("/v2/" + repository + "/blobs/" + blob.digest());
        HttpResponse<byte[]> head = exchange(repository, "check blob " + blob.digest(),
                HttpRequest.newBuilder(blobUrl).method("HEAD", HttpRequest.BodyPublishers.noBody()));
        if (head.statusCode() == 200) {
            return;
        }
        HttpResponse<byte[]> started = exchange(repository, "start blob upload",
                HttpRequest.newBuilder(url("/v2/" + repository + "/blobs/uploads/"))
                        .POST(HttpRequest.BodyPublishers.noBody()));
        expect(started, 202, "start blob upload to " + repository);
        URI location = baseUrl.resolve(started.headers().firstValue("Location").orElseThrow(() ->
                new IllegalStateException("Registry " + baseUrl + " started an upload without a Location header")));
        String separator = location.getQuery() == null ? "?" : "&";
        URI finish = URI.create(location + separator + "digest=" + URLEncoder.encode(blob.digest(), StandardCharsets.UTF_8));
        HttpResponse<byte[]> finished = exchange(repository, "upload blob " + blob.digest(),
                HttpRequest.newBuilder(finish).header("Content-Type", "application/octet-stream")
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(blob.content())));
        expect(finished, 201, "upload blob " + blob.digest() + " to " + repository);
    }

    /** Puts a manifest or index under a tag or its digest and returns the digest the registry reports. */
    String pushManifest(String repository, String reference, Blob manifest) {
        HttpResponse<byte[]> response = exchange(repository, "put manifest " + reference,
                HttpRequest.newBuilder(url("/v2/" + repository + "/manifests/" + reference))
                        .header("Content-Type", manifest.mediaType())
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(manifest.content())));
        expect(response, 201, "put manifest " + repository + ":" + reference);
        return response.headers().firstValue("Docker-Content-Digest").orElse(manifest.digest());
    }

    RegistryManifest manifest(String repository, String reference) {
        HttpResponse<byte[]> response = exchange(repository, "get manifest " + reference,
                HttpRequest.newBuilder(url("/v2/" + repository + "/manifests/" + reference))
                        .header("Accept", MANIFEST_TYPES).GET());
        expect(response, 200, "get manifest " + repository + ":" + reference);
        return new RegistryManifest(response.headers().firstValue("Content-Type").orElse(""),
                response.headers().firstValue("Docker-Content-Digest").orElse(Blob.sha256(response.body())),
                new String(response.body(), StandardCharsets.UTF_8));
    }

    private HttpResponse<byte[]> exchange(String repository, String operation, HttpRequest.Builder request) {
        String authorization = authorizationByRepository.get(repository);
        HttpResponse<byte[]> response = send(operation, authorized(request, authorization));
        if (response.statusCode() != 401) {
            return response;
        }
        String challenge = response.headers().firstValue("WWW-Authenticate").orElseThrow(() ->
                new IllegalStateException("Registry " + baseUrl + " answered 401 without a challenge to " + operation));
        authorization = answer(challenge, repository);
        authorizationByRepository.put(repository, authorization);
        return send(operation, authorized(request, authorization));
    }

    private String answer(String challenge, String repository) {
        String credentials = basicCredentials.orElseThrow(() -> new IllegalStateException(
                "Registry " + baseUrl + " asks for credentials (" + challenge + ") but none were given"));
        if (challenge.regionMatches(true, 0, "Basic", 0, 5)) {
            return credentials;
        }
        if (!challenge.regionMatches(true, 0, "Bearer", 0, 6)) {
            throw new IllegalStateException("Registry " + baseUrl + " sent an unknown challenge: " + challenge);
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        Matcher matcher = CHALLENGE_PARAMETER.matcher(challenge);
        while (matcher.find()) {
            parameters.put(matcher.group(1), matcher.group(2));
        }
        String realm = parameters.get("realm");
        if (realm == null) {
            throw new IllegalStateException("Registry " + baseUrl + " sent a Bearer challenge without realm: " + challenge);
        }
        String scope = parameters.getOrDefault("scope", "repository:" + repository + ":pull,push");
        URI tokenUrl = URI.create(realm + "?service=" + encode(parameters.getOrDefault("service", ""))
                + "&scope=" + encode(scope));
        HttpResponse<byte[]> response = send("get token", HttpRequest.newBuilder(tokenUrl).timeout(TIMEOUT)
                .header("Authorization", credentials).GET().build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Token server " + realm + " answered " + response.statusCode()
                    + " for scope " + scope);
        }
        try {
            JsonNode token = new ObjectMapper().readTree(response.body());
            JsonNode value = token.hasNonNull("token") ? token.get("token") : token.get("access_token");
            if (value == null) {
                throw new IllegalStateException("Token server " + realm + " answered without a token field");
            }
            return "Bearer " + value.asText();
        } catch (IOException e) {
            throw new IllegalStateException("Token server " + realm + " answered with invalid JSON", e);
        }
    }

    private static HttpRequest authorized(HttpRequest.Builder request, String authorization) {
        HttpRequest.Builder copy = request.copy().timeout(TIMEOUT);
        return authorization == null ? copy.build() : copy.header("Authorization", authorization).build();
    }

    private HttpResponse<byte[]> send(String operation, HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot " + operation + " at " + request.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during " + operation + " at " + request.uri(), e);
        }
    }

    private void expect(HttpResponse<byte[]> response, int status, String operation) {
        if (response.statusCode() != status) {
            throw new IllegalStateException("Registry " + baseUrl + " answered " + response.statusCode() + " to "
                    + operation + " (expected " + status + "): "
                    + new String(response.body(), StandardCharsets.UTF_8));
        }
    }

    private URI url(String path) {
        return baseUrl.resolve(path);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
