package io.jenkins.plugins.optimizeddeploy.engine.registry.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.optimizeddeploy.engine.files.InputFile;
import io.jenkins.plugins.optimizeddeploy.engine.files.InputKind;
import io.jenkins.plugins.optimizeddeploy.engine.files.OutputFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A registry login for docker and buildah, which read one only from a file: a private folder (only its owner may
 * enter it) holding a docker config.json that logs in to the given registries, handed to the builders by the
 * environment ({@code DOCKER_CONFIG}, {@code REGISTRY_AUTH_FILE}), never on a command line; closing it deletes the
 * folder. The machine's own docker config keeps what else the docker CLI finds there: its other logins, its CLI
 * plugins (buildx), buildx's builders and the docker contexts are linked in, and the context chosen with
 * {@code docker context use} is chosen in the temporary config too.
 */
public final class TemporaryDockerConfig implements AutoCloseable {
    /**
     * What the docker CLI keeps beside config.json: plugins such as buildx, buildx's builder instances and the
     * contexts that {@code DOCKER_CONTEXT} names.
     */
    private static final List<String> SHARED_CONFIG_FOLDERS = List.of("cli-plugins", "buildx", "contexts");
    /** docker's key for Docker Hub in config.json. */
    private static final String DOCKER_HUB_AUTH_KEY = "https://index.docker.io/v1/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path directory;

    private TemporaryDockerConfig(Path directory) {
        this.directory = directory;
    }

    /**
     * Writes {@code logins} (registry host to its login) into a new folder under {@code parent} (created when
     * missing), the other logins of the machine's config.json besides.
     *
     * @param machineConfigJson the docker config.json the builders would read otherwise ({@code
     *     $DOCKER_CONFIG/config.json}, else {@code ~/.docker/config.json}); it may be missing
     * @throws UncheckedIOException naming the folder when the config cannot be written, or naming the machine's
     *     config.json (without quoting it) when that is not JSON
     */
    public static TemporaryDockerConfig write(Path parent, Path machineConfigJson,
            Map<String, RegistryCredentials> logins) {
        Path machineConfig = machineConfigJson.toAbsolutePath().getParent();
        Path directory = null;
        try {
            Files.createDirectories(parent);
            directory = Files.createTempDirectory(parent, "optimized-deploy-docker-config",
                    ownerOnly(parent.getFileSystem().supportedFileAttributeViews()));
            Path configJson = directory.resolve("config.json");
            OutputFile.writeText(configJson, dockerConfig(logins, machineConfig(machineConfigJson)));
            if (ownerOnly(parent.getFileSystem().supportedFileAttributeViews()).length > 0) {
                Files.setPosixFilePermissions(configJson, PosixFilePermissions.fromString("rw-------"));
            }
            for (String folder : SHARED_CONFIG_FOLDERS) {
                if (Files.isDirectory(machineConfig.resolve(folder))) {
                    link(directory.resolve(folder), machineConfig.resolve(folder));
                }
            }
            return new TemporaryDockerConfig(directory);
        } catch (IOException e) {
            delete(directory);
            throw new UncheckedIOException("cannot write the registry login into a temporary docker config ("
                    + (directory == null ? parent : directory) + "): " + e.getMessage(), e);
        }
    }

    /** The folder, deleted on {@link #close()}. */
    public Path directory() {
        return directory;
    }

    /** {@code DOCKER_CONFIG} for docker, {@code REGISTRY_AUTH_FILE} for buildah: the builders' environment. */
    public Map<String, String> environment() {
        return Map.of("DOCKER_CONFIG", directory.toString(),
                "REGISTRY_AUTH_FILE", directory.resolve("config.json").toString());
    }

    /**
     * Only the owner may enter a folder made with these attributes where the file system has POSIX permissions. A
     * Windows agent has none (asking for them fails there): the folder keeps the permissions of its parent, as the
     * docker config {@code withDockerRegistry} writes does.
     *
     * @param supportedViews the file attribute views of the folder's file system
     */
    public static FileAttribute<?>[] ownerOnly(Set<String> supportedViews) {
        if (!supportedViews.contains("posix")) {
            return new FileAttribute<?>[0];
        }
        return new FileAttribute<?>[] {
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))};
    }

    /**
     * A docker config.json logging in to each registry of {@code logins} with its login, and to every other registry
     * as the machine's config does; it chooses the machine's {@code currentContext} when there is one. Logins the
     * machine keeps in a credential helper are not carried over.
     *
     * @param machineConfig the machine's config.json, a missing node when there is none
     */
    public static String dockerConfig(Map<String, RegistryCredentials> logins, JsonNode machineConfig) {
        ObjectNode config = JSON.createObjectNode();
        ObjectNode auths = config.putObject("auths");
        machineConfig.path("auths").fields().forEachRemaining(entry -> auths.set(entry.getKey(), entry.getValue()));
        logins.forEach((host, login) -> auths.putObject("docker.io".equals(host) ? DOCKER_HUB_AUTH_KEY : host)
                .put("auth", Base64.getEncoder().encodeToString((login.username() + ":" + login.password())
                        .getBytes(StandardCharsets.UTF_8))));
        String currentContext = machineConfig.path("currentContext").asText("");
        if (!currentContext.isEmpty()) {
            config.put("currentContext", currentContext);
        }
        try {
            return JSON.writeValueAsString(config);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a docker config: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Links a folder of the machine's docker config into the temporary one. Where links cannot be made (Windows
     * without the privilege), the temporary config goes without it: docker then finds no buildx plugin or context
     * there, and the bake falls back as it does on a machine without them.
     */
    private static void link(Path link, Path target) throws IOException {
        try {
            Files.createSymbolicLink(link, target);
        } catch (UnsupportedOperationException | FileSystemException e) {
            // see above: the builders run without what the link would have shared
        }
    }

    /**
     * The machine's config.json, a missing node when there is none.
     *
     * @throws IOException naming the file when it exists but is not JSON, which docker itself refuses
     */
    private static JsonNode machineConfig(Path configJson) throws IOException {
        if (!Files.isRegularFile(configJson)) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(InputFile.of(InputKind.DOCKER_CONFIG, configJson).readText());
        } catch (JsonProcessingException e) {
            // Not Jackson's message: it may quote the file, and the file holds logins.
            String where = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            throw new IOException("the docker config " + configJson + " is not valid JSON" + where);
        }
    }

    /** Deletes the folder and the login in it. */
    @Override
    public void close() {
        delete(directory);
    }

    private static void delete(Path directory) {
        if (directory == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the temporary docker config " + directory
                    + " holding a registry login: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "TemporaryDockerConfig[" + directory + "]";
    }
}
