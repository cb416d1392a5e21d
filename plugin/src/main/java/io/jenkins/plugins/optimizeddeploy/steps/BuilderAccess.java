package io.jenkins.plugins.optimizeddeploy.steps;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * How the builders reach the docker daemon, buildah's storage and the registry on the agent: the build's
 * {@code DOCKER_*}, {@code REGISTRY_AUTH_FILE} and {@code BUILDAH_*} variables, and the step's registry login.
 * docker and buildah read a login only from a file, so {@link #open} writes it into a private temporary docker
 * config on the agent (never onto a command line) that closing the session deletes. The agent's own docker config
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

    /**
     * @param login            the step's credentials, or null for the agent's docker login
     * @param buildEnvironment the build's environment, of which the docker and buildah variables are kept
     * @param insecure         accept any TLS certificate of the registry, and do not verify TLS in buildah
     */
    BuilderAccess(RegistryLogin login, Map<String, String> buildEnvironment, boolean insecure) {
        this.login = login;
        this.insecure = insecure;
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
                    new AgentCredentials(null, toolEnvironment.get("DOCKER_CONFIG")).toSource());
        }
        Path directory = null;
        try {
            directory = Files.createTempDirectory("optimized-deploy-docker-config",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            Path configJson = directory.resolve("config.json");
            Path agentConfig = toolEnvironment.containsKey("DOCKER_CONFIG") ? Path.of(toolEnvironment.get("DOCKER_CONFIG"))
                    : Path.of(System.getProperty("user.home"), ".docker");
            OutputFile.writeText(configJson, dockerConfig(repositories, currentContext(agentConfig)));
            for (String folder : SHARED_CONFIG_FOLDERS) {
                if (Files.isDirectory(agentConfig.resolve(folder))) {
                    Files.createSymbolicLink(directory.resolve(folder), agentConfig.resolve(folder).toAbsolutePath());
                }
            }
            Map<String, String> environment = new HashMap<>(toolEnvironment);
            environment.put("DOCKER_CONFIG", directory.toString());
            environment.put("REGISTRY_AUTH_FILE", configJson.toString());
            return new Session(environment, directory, CredentialsSource.fixed(login.toCredentials()));
        } catch (IOException e) {
            Session.delete(directory);
            throw new UncheckedIOException("cannot write the registry login into a temporary docker config ("
                    + directory + "): " + e.getMessage(), e);
        }
    }

    /**
     * A docker config.json logging in to the registry of each repository, and choosing {@code currentContext} when
     * there is one.
     */
    String dockerConfig(List<String> repositories, Optional<String> currentContext) {
        Set<String> hosts = new LinkedHashSet<>();
        repositories.forEach(repository -> hosts.add(ImageReference.parse(repository + "/image:tag").registry()));
        String auth = Base64.getEncoder().encodeToString(login.basicAuthentication().getBytes(StandardCharsets.UTF_8));
        ObjectNode config = JSON.createObjectNode();
        ObjectNode auths = config.putObject("auths");
        hosts.forEach(host -> auths.putObject("docker.io".equals(host) ? DOCKER_HUB_AUTH_KEY : host).put("auth", auth));
        currentContext.ifPresent(context -> config.put("currentContext", context));
        try {
            return JSON.writeValueAsString(config);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a docker config: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * The context {@code docker context use} chose on the agent, from its config.json.
     *
     * @throws IOException naming the file when it exists but is not JSON, which docker itself refuses
     */
    private static Optional<String> currentContext(Path agentConfig) throws IOException {
        Path configJson = agentConfig.resolve("config.json");
        if (!Files.isRegularFile(configJson)) {
            return Optional.empty();
        }
        try {
            String context = JSON.readTree(InputFile.of(InputKind.DOCKER_CONFIG, configJson).readText())
                    .path("currentContext").asText("");
            return context.isEmpty() ? Optional.empty() : Optional.of(context);
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
                + "]";
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
            return DockerSettings.defaults(environment);
        }

        BuildahSettings buildah() {
            return BuildahSettings.defaults(List.of(), environment).withTlsVerify(!insecure);
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
