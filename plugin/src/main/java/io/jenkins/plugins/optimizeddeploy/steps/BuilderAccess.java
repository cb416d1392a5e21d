package io.jenkins.plugins.optimizeddeploy.steps;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.optimizeddeploy.engine.build.BuildahSettings;
import io.jenkins.plugins.optimizeddeploy.engine.build.DockerSettings;
import io.jenkins.plugins.optimizeddeploy.engine.files.InputFile;
import io.jenkins.plugins.optimizeddeploy.engine.files.InputKind;
import io.jenkins.plugins.optimizeddeploy.engine.files.OutputFile;
import io.jenkins.plugins.optimizeddeploy.engine.image.ImageReference;
import io.jenkins.plugins.optimizeddeploy.engine.registry.CredentialsSource;
import io.jenkins.plugins.optimizeddeploy.engine.registry.RegistryClient;
import io.jenkins.plugins.optimizeddeploy.engine.registry.RegistryOptions;
import java.io.File;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * How the builders reach the docker daemon, buildah's storage and the registry on the agent: the build's
 * {@code DOCKER_*}, {@code REGISTRY_AUTH_FILE} and {@code BUILDAH_*} variables (those {@code withDockerServer} and
 * {@code withDockerRegistry} set included), the docker and buildah the build's {@code PATH} finds, and the step's
 * registry login. docker and buildah read a login only from a file, so {@link #open} writes it into a private
 * temporary docker config (never onto a command line) that closing the session deletes. It goes into the
 * workspace's temporary folder ({@code WORKSPACE@tmp}), as {@code withDockerRegistry} does: a {@code container()}
 * step shares the workspace, not the agent's {@code /tmp}. The agent's own docker config
 * keeps what else the docker CLI finds there: its CLI plugins (buildx), buildx's builders and the docker contexts are
 * linked in, and the context chosen with {@code docker context use} is chosen in the temporary config too.
 */
final class BuilderAccess implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final List<String> TOOL_VARIABLES = List.of("DOCKER_HOST", "DOCKER_CONFIG", "DOCKER_CERT_PATH",
            "DOCKER_TLS_VERIFY", "DOCKER_CONTEXT", "REGISTRY_AUTH_FILE", "BUILDAH_ISOLATION", "BUILDAH_FORMAT");
    /**
     * What the docker CLI keeps beside config.json: plugins such as buildx, buildx's builder instances and the
     * contexts that {@code DOCKER_CONTEXT} names.
     */
    private static final List<String> SHARED_CONFIG_FOLDERS = List.of("cli-plugins", "buildx", "contexts");
    /** docker's key for Docker Hub in config.json. */
    private static final String DOCKER_HUB_AUTH_KEY = "https://index.docker.io/v1/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RegistryLogin login;
    private final HashMap<String, String> toolEnvironment = new HashMap<>();
    private final boolean insecure;
    private final String temporaryDirectory;
    private final String searchPath;

    /**
     * @param login            the step's credentials, or null for the agent's docker login
     * @param buildEnvironment the build's environment, of which the docker and buildah variables are kept
     * @param insecure         accept any TLS certificate of the registry, and do not verify TLS in buildah
     * @param temporaryDirectory the folder on the agent for the temporary docker config, created when missing
     */
    BuilderAccess(RegistryLogin login, Map<String, String> buildEnvironment, boolean insecure,
            String temporaryDirectory) {
        this.login = login;
        this.insecure = insecure;
        this.temporaryDirectory = temporaryDirectory;
        this.searchPath = buildEnvironment.get("PATH");
        TOOL_VARIABLES.stream().filter(buildEnvironment::containsKey)
                .forEach(name -> toolEnvironment.put(name, buildEnvironment.get(name)));
    }

    /**
     * The settings of the builders and a registry client for images under {@code repositories}.
     *
     * @throws UncheckedIOException naming the folder when the temporary docker config cannot be written
     */
    Session open(List<String> repositories) {
        if (login == null) {
            return new Session(toolEnvironment, null,
                    new AgentCredentials(null, toolEnvironment.get("DOCKER_CONFIG")).toSource(List.of()));
        }
        Path directory = null;
        try {
            Path parent = Files.createDirectories(Path.of(temporaryDirectory));
            directory = Files.createTempDirectory(parent, "optimized-deploy-docker-config",
                    ownerOnly(parent.getFileSystem().supportedFileAttributeViews()));
            Path configJson = directory.resolve("config.json");
            Path agentConfig = toolEnvironment.containsKey("DOCKER_CONFIG") ? Path.of(toolEnvironment.get("DOCKER_CONFIG"))
                    : Path.of(System.getProperty("user.home"), ".docker");
            OutputFile.writeText(configJson, dockerConfig(repositories, agentConfig(agentConfig)));
            for (String folder : SHARED_CONFIG_FOLDERS) {
                if (Files.isDirectory(agentConfig.resolve(folder))) {
                    link(directory.resolve(folder), agentConfig.resolve(folder).toAbsolutePath());
                }
            }
            Map<String, String> environment = new HashMap<>(toolEnvironment);
            environment.put("DOCKER_CONFIG", directory.toString());
            environment.put("REGISTRY_AUTH_FILE", configJson.toString());
            return new Session(environment, directory,
                    new AgentCredentials(login, toolEnvironment.get("DOCKER_CONFIG")).toSource(registries(repositories)));
        } catch (IOException e) {
            Session.delete(directory);
            throw new UncheckedIOException("cannot write the registry login into a temporary docker config ("
                    + directory + "): " + e.getMessage(), e);
        }
    }

    /** The registry of each repository: where the login goes. */
    private static Set<String> registries(List<String> repositories) {
        Set<String> hosts = new LinkedHashSet<>();
        repositories.forEach(repository -> hosts.add(ImageReference.parse(repository + "/image:tag").registry()));
        return hosts;
    }

    /**
     * Only the owner may enter a folder made with these attributes where the file system has POSIX permissions. A
     * Windows agent has none (asking for them fails there): the folder keeps the permissions of the workspace's
     * temporary folder, as the docker config {@code withDockerRegistry} writes there does.
     *
     * @param supportedViews the file attribute views of the folder's file system
     */
    static FileAttribute<?>[] ownerOnly(Set<String> supportedViews) {
        if (!supportedViews.contains("posix")) {
            return new FileAttribute<?>[0];
        }
        return new FileAttribute<?>[] {
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))};
    }

    /**
     * Links a folder of the agent's docker config into the temporary one. Where links cannot be made (a Windows
     * agent without the privilege), the temporary config goes without it: docker then finds no buildx plugin or
     * context there, and the bake falls back as it does on an agent without them.
     */
    private static void link(Path link, Path target) throws IOException {
        try {
            Files.createSymbolicLink(link, target);
        } catch (UnsupportedOperationException | FileSystemException e) {
            // see above: the builders run without what the link would have shared
        }
    }

    /**
     * Where the build's {@code sh} finds {@code name}: the first executable file of that name on the build's
     * {@code PATH}, as this agent sees it. When the agent has none there (a {@code container()} step's docker lives in
     * its container), the bare name, for the Launcher to find where it starts the process; without a {@code PATH},
     * {@code fallback}.
     */
    private Path executable(String name, Path fallback) {
        if (searchPath == null) {
            return fallback;
        }
        for (String folder : searchPath.split(File.pathSeparator)) {
            try {
                Path candidate = Path.of(folder, name);
                if (!folder.isEmpty() && Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return candidate;
                }
            } catch (InvalidPathException e) {
                // not a folder sh could search either
            }
        }
        return Path.of(name);
    }

    /**
     * A docker config.json logging in to the registry of each repository with the step's login, and to every other
     * registry as the agent's config does ({@code withDockerRegistry}'s included, so a base image from the registry
     * that block logs in to is still pulled); it chooses the agent's {@code currentContext} when there is one. Logins
     * the agent keeps in a credential helper are not carried over.
     *
     * @param agentConfig the agent's config.json, a missing node when there is none
     */
    String dockerConfig(List<String> repositories, JsonNode agentConfig) {
        Set<String> hosts = registries(repositories);
        String auth = Base64.getEncoder().encodeToString(login.basicAuthentication().getBytes(StandardCharsets.UTF_8));
        ObjectNode config = JSON.createObjectNode();
        ObjectNode auths = config.putObject("auths");
        agentConfig.path("auths").fields().forEachRemaining(entry -> auths.set(entry.getKey(), entry.getValue()));
        hosts.forEach(host -> auths.putObject("docker.io".equals(host) ? DOCKER_HUB_AUTH_KEY : host).put("auth", auth));
        String currentContext = agentConfig.path("currentContext").asText("");
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
     * The agent's config.json in {@code agentConfig}, a missing node when there is none.
     *
     * @throws IOException naming the file when it exists but is not JSON, which docker itself refuses
     */
    private static JsonNode agentConfig(Path agentConfig) throws IOException {
        Path configJson = agentConfig.resolve("config.json");
        if (!Files.isRegularFile(configJson)) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(InputFile.of(InputKind.DOCKER_CONFIG, configJson).readText());
        } catch (JsonProcessingException e) {
            // Not Jackson's message: it may quote the file, and the file holds logins.
            String where = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            throw new IOException("the agent's docker config " + configJson + " is not valid JSON" + where);
        }
    }

    @Override
    public String toString() {
        return "BuilderAccess[login=" + login + ", environment=" + toolEnvironment.keySet() + ", insecure=" + insecure
                + ", temporaryDirectory=" + temporaryDirectory + "]";
    }

    /** The builders' settings while a bake runs; closing it deletes the temporary docker config. */
    final class Session implements AutoCloseable {
        private final Map<String, String> environment;
        private final Path temporaryConfig;
        private final CredentialsSource credentials;

        private Session(Map<String, String> environment, Path temporaryConfig, CredentialsSource credentials) {
            this.environment = Map.copyOf(environment);
            this.temporaryConfig = temporaryConfig;
            this.credentials = credentials;
        }

        Map<String, String> environment() {
            return environment;
        }

        DockerSettings docker() {
            return DockerSettings.defaults(environment).withBinary(executable("docker", DockerSettings.DEFAULT_BINARY));
        }

        BuildahSettings buildah() {
            return BuildahSettings.defaults(List.of(), environment).withTlsVerify(!insecure)
                    .withBinary(executable("buildah", BuildahSettings.DEFAULT_BINARY));
        }

        RegistryClient registry() {
            return new RegistryClient(RegistryOptions.builder().insecureTls(insecure).build(), credentials);
        }

        @Override
        public void close() {
            delete(temporaryConfig);
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
    }
}
