package io.jenkins.plugins.optimizeddeploy.engine.registry.auth;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.optimizeddeploy.engine.files.InputFile;
import io.jenkins.plugins.optimizeddeploy.engine.files.InputFileException;
import io.jenkins.plugins.optimizeddeploy.engine.files.InputKind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Credentials from docker's {@code config.json}: the {@code auths} entries, with either {@code auth}
 * (base64 of {@code username:password}) or {@code username} and {@code password}. Credential helpers
 * ({@code credHelpers}, {@code credsStore}) and identity tokens are programs or flows this client does not run,
 * so a registry that depends on them gets a {@link CredentialsException} saying so instead of silently going
 * anonymous.
 */
public final class DockerConfigCredentials implements CredentialsSource {
    private static final String DOCKER_HUB = "docker.io";

    private final String source;
    private final Map<String, RegistryCredentials> credentials;
    private final Map<String, String> unsupported;
    private final String credentialsStore;

    private DockerConfigCredentials(String source, Map<String, RegistryCredentials> credentials,
            Map<String, String> unsupported, String credentialsStore) {
        this.source = source;
        this.credentials = Map.copyOf(credentials);
        this.unsupported = Map.copyOf(unsupported);
        this.credentialsStore = credentialsStore;
    }

    /**
     * {@code $DOCKER_CONFIG/config.json}, else {@code ~/.docker/config.json}, as the docker client reads it.
     * A missing file means no credentials.
     */
    public static DockerConfigCredentials fromDefaultLocation() {
        return fromEnvironment(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /** {@code $DOCKER_CONFIG/config.json}, else {@code ~/.docker/config.json}: where the docker client looks. */
    public static Path defaultLocation() {
        return location(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    private static Path location(Map<String, String> environment, Path userHome) {
        String dockerConfig = environment.get("DOCKER_CONFIG");
        return dockerConfig == null || dockerConfig.isEmpty()
                ? userHome.resolve(".docker").resolve("config.json")
                : Path.of(dockerConfig).resolve("config.json");
    }

    static DockerConfigCredentials fromEnvironment(Map<String, String> environment, Path userHome) {
        Path configJson = location(environment, userHome);
        if (!Files.exists(configJson)) {
            return new DockerConfigCredentials(configJson.toString(), Map.of(), Map.of(), null);
        }
        return from(configJson);
    }

    /**
     * Reads {@code configJson}, which must exist.
     *
     * @throws CredentialsException naming the file when it is not a docker config
     * @throws InputFileException naming the file when it is missing, not a regular file, too large or unreadable
     */
    public static DockerConfigCredentials from(Path configJson) {
        String source = configJson.toString();
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(InputFile.of(InputKind.DOCKER_CONFIG, configJson).readText());
        } catch (JsonProcessingException e) {
            // The parser's own message may quote file content, which can be a password: give the position only.
            JsonLocation location = e.getLocation();
            throw new CredentialsException("Docker config " + source + " is not valid JSON (line "
                    + (location == null ? "?" : location.getLineNr()) + ", column "
                    + (location == null ? "?" : location.getColumnNr()) + ")");
        }
        if (root == null || !root.isObject()) {
            throw new CredentialsException("Docker config " + source + " must hold a JSON object");
        }
        Map<String, RegistryCredentials> credentials = new HashMap<>();
        Map<String, String> unsupported = new HashMap<>();
        JsonNode auths = root.path("auths");
        requireObject(auths, "Docker config " + source + ": 'auths' must be an object of registries");
        for (Map.Entry<String, JsonNode> entry : auths.properties()) {
            requireObject(entry.getValue(), "Docker config " + source + ": the 'auths' entry of '" + entry.getKey()
                    + "' must be an object");
            String registry = normalise(entry.getKey());
            readEntry(source, entry.getKey(), entry.getValue(), unsupported)
                    .ifPresent(found -> credentials.put(registry, found));
        }
        for (Map.Entry<String, JsonNode> helper : root.path("credHelpers").properties()) {
            unsupported.put(normalise(helper.getKey()), "are kept by the credential helper 'docker-credential-"
                    + helper.getValue().asText() + "' (credHelpers), which optimized-deploy does not run");
        }
        String store = root.path("credsStore").asText("");
        return new DockerConfigCredentials(source, credentials, unsupported, store.isEmpty() ? null : store);
    }

    /** Refuses a node of another type (absent and null are empty, as docker reads them); never shows its value. */
    private static void requireObject(JsonNode node, String problem) {
        if (!node.isMissingNode() && !node.isNull() && !node.isObject()) {
            throw new CredentialsException(problem + ", found " + node.getNodeType());
        }
    }

    private static Optional<RegistryCredentials> readEntry(String source, String key, JsonNode entry,
            Map<String, String> unsupported) {
        String auth = entry.path("auth").asText("");
        String username = entry.path("username").asText("");
        if (!auth.isEmpty()) {
            return Optional.of(decodeAuth(source, key, auth));
        }
        if (!username.isEmpty()) {
            return Optional.of(new RegistryCredentials(username, entry.path("password").asText("")));
        }
        if (!entry.path("identitytoken").asText("").isEmpty()) {
            unsupported.put(normalise(key), "are an identity token (OAuth refresh token), which optimized-deploy"
                    + " does not exchange");
        }
        return Optional.empty();
    }

    private static RegistryCredentials decodeAuth(String source, String key, String auth) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(auth.trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new CredentialsException("Docker config " + source + ": the 'auth' of '" + key
                    + "' is not valid base64");
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            throw new CredentialsException("Docker config " + source + ": the 'auth' of '" + key
                    + "' must be base64 of 'username:password'");
        }
        return new RegistryCredentials(decoded.substring(0, colon), decoded.substring(colon + 1));
    }

    /** {@code https://index.docker.io/v1/} and {@code docker.io} are the same registry; so are scheme variants. */
    static String normalise(String registry) {
        String host = registry.toLowerCase(Locale.ROOT);
        int scheme = host.indexOf("://");
        if (scheme >= 0) {
            host = host.substring(scheme + 3);
        }
        int path = host.indexOf('/');
        if (path >= 0) {
            host = host.substring(0, path);
        }
        if (host.equals("index.docker.io") || host.equals("registry-1.docker.io")) {
            return DOCKER_HUB;
        }
        return host;
    }

    /**
     * @throws CredentialsException when the registry's credentials are kept where this client cannot read them
     */
    @Override
    public Optional<RegistryCredentials> lookup(String registryHost) {
        String registry = normalise(registryHost);
        RegistryCredentials found = credentials.get(registry);
        if (found != null) {
            return Optional.of(found);
        }
        String reason = unsupported.get(registry);
        if (reason == null && credentialsStore != null) {
            reason = "would come from the credentials store 'docker-credential-" + credentialsStore
                    + "' (credsStore), which optimized-deploy does not run";
        }
        if (reason != null) {
            throw new CredentialsException("Docker config " + source + ": the credentials for '" + registryHost
                    + "' " + reason + "; give the username and password explicitly, or point DOCKER_CONFIG to a"
                    + " config.json with an 'auths' entry for it");
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "DockerConfigCredentials[" + source + ", registries=" + new TreeSet<>(credentials.keySet())
                + "]";
    }
}
