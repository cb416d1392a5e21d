package io.jenkins.plugins.optimizeddeploy.steps;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.optimizeddeploy.engine.image.ImageReference;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.DockerSettings;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.buildah.BuildahSettings;
import io.jenkins.plugins.optimizeddeploy.engine.registry.RegistryClient;
import io.jenkins.plugins.optimizeddeploy.engine.registry.RegistryOptions;
import io.jenkins.plugins.optimizeddeploy.engine.registry.auth.CredentialsSource;
import io.jenkins.plugins.optimizeddeploy.engine.registry.auth.RegistryCredentials;
import io.jenkins.plugins.optimizeddeploy.engine.registry.auth.TemporaryDockerConfig;
import java.io.File;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
public final class BuilderAccess implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final List<String> TOOL_VARIABLES = List.of("DOCKER_HOST", "DOCKER_CONFIG", "DOCKER_CERT_PATH",
            "DOCKER_TLS_VERIFY", "DOCKER_CONTEXT", "REGISTRY_AUTH_FILE", "BUILDAH_ISOLATION", "BUILDAH_FORMAT");

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
    public BuilderAccess(RegistryLogin login, Map<String, String> buildEnvironment, boolean insecure,
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
    public Session open(List<String> repositories) {
        if (login == null) {
            return new Session(toolEnvironment, null,
                    new AgentCredentials(null, toolEnvironment.get("DOCKER_CONFIG")).toSource(List.of()));
        }
        Path agentConfig = toolEnvironment.containsKey("DOCKER_CONFIG") ? Path.of(toolEnvironment.get("DOCKER_CONFIG"))
                : Path.of(System.getProperty("user.home"), ".docker");
        TemporaryDockerConfig config = TemporaryDockerConfig.write(Path.of(temporaryDirectory),
                agentConfig.resolve("config.json"), logins(repositories));
        Map<String, String> environment = new HashMap<>(toolEnvironment);
        environment.putAll(config.environment());
        return new Session(environment, config,
                new AgentCredentials(login, toolEnvironment.get("DOCKER_CONFIG")).toSource(registries(repositories)));
    }

    /** The registry of each repository: where the login goes. */
    private static Set<String> registries(List<String> repositories) {
        Set<String> hosts = new LinkedHashSet<>();
        repositories.forEach(repository -> hosts.add(ImageReference.registryOf(repository)));
        return hosts;
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

    /** The docker config {@link #open} writes, with {@code agentConfig} (a missing node when there is none). */
    public String dockerConfig(List<String> repositories, JsonNode agentConfig) {
        return TemporaryDockerConfig.dockerConfig(logins(repositories), agentConfig);
    }

    private Map<String, RegistryCredentials> logins(List<String> repositories) {
        Map<String, RegistryCredentials> logins = new LinkedHashMap<>();
        registries(repositories).forEach(registry -> logins.put(registry, login.toCredentials()));
        return logins;
    }

    @Override
    public String toString() {
        return "BuilderAccess[login=" + login + ", environment=" + toolEnvironment.keySet() + ", insecure=" + insecure
                + ", temporaryDirectory=" + temporaryDirectory + "]";
    }

    /** The builders' settings while a bake runs; closing it deletes the temporary docker config. */
    public final class Session implements AutoCloseable {
        private final Map<String, String> environment;
        private final TemporaryDockerConfig temporaryConfig;
        private final CredentialsSource credentials;

        private Session(Map<String, String> environment, TemporaryDockerConfig temporaryConfig,
                CredentialsSource credentials) {
            this.environment = Map.copyOf(environment);
            this.temporaryConfig = temporaryConfig;
            this.credentials = credentials;
        }

        public Map<String, String> environment() {
            return environment;
        }

        public DockerSettings docker() {
            return DockerSettings.defaults(environment).withBinary(executable("docker", DockerSettings.DEFAULT_BINARY));
        }

        public BuildahSettings buildah() {
            return BuildahSettings.defaults(List.of(), environment).withTlsVerify(!insecure)
                    .withBinary(executable("buildah", BuildahSettings.DEFAULT_BINARY));
        }

        public RegistryClient registry() {
            return new RegistryClient(RegistryOptions.builder().insecureTls(insecure).build(), credentials);
        }

        @Override
        public void close() {
            if (temporaryConfig != null) {
                temporaryConfig.close();
            }
        }
    }
}
