package io.jenkins.plugins.optimizeddeploy.steps;

import io.jenkins.plugins.optimizeddeploy.engine.registry.auth.CredentialsSource;
import io.jenkins.plugins.optimizeddeploy.engine.registry.auth.DockerConfigCredentials;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;

/**
 * Where a step's registry credentials come from on the agent: the step's own (a {@link RegistryLogin}) for the
 * registries the step writes to, else the docker config.json of the build ({@code $DOCKER_CONFIG}), else that of the
 * agent user ({@code ~/.docker}).
 */
public final class AgentCredentials implements Serializable {

    private static final long serialVersionUID = 1L;

    private final RegistryLogin login;
    private final String dockerConfigDirectory;

    /**
     * @param login                 the step's credentials, or null for the docker config
     * @param dockerConfigDirectory DOCKER_CONFIG of the build, or null for the docker client's default
     */
    public AgentCredentials(RegistryLogin login, String dockerConfigDirectory) {
        this.login = login;
        this.dockerConfigDirectory = dockerConfigDirectory == null || dockerConfigDirectory.isBlank()
                ? null : dockerConfigDirectory;
    }

    /**
     * The credentials source of the step: its login only for {@code loginRegistries} (the step's targets), so that it
     * never reaches another registry, which gets the docker config's credentials (read when one asks for them).
     */
    public CredentialsSource toSource(Collection<String> loginRegistries) {
        if (login == null) {
            return dockerConfig();
        }
        CredentialsSource source = registryHost -> dockerConfig().lookup(registryHost);
        for (String registry : loginRegistries) {
            source = CredentialsSource.forRegistry(registry, login.toCredentials(), source);
        }
        return source;
    }

    private CredentialsSource dockerConfig() {
        if (dockerConfigDirectory != null) {
            Path configJson = Path.of(dockerConfigDirectory, "config.json");
            return Files.exists(configJson) ? DockerConfigCredentials.from(configJson) : CredentialsSource.anonymous();
        }
        return DockerConfigCredentials.fromDefaultLocation();
    }

    @Override
    public String toString() {
        return "AgentCredentials[login=" + login + ", dockerConfig=" + dockerConfigDirectory + "]";
    }
}
