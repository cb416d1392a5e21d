package io.jenkins.plugins.optimizeddeploy.cli.common;

import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --docker-host}: the docker engine the docker client of a command talks to. */
public final class DockerHostOption {
    @Option(names = "--docker-host", paramLabel = "URL",
            description = "The docker engine (unix://, tcp:// or ssh://); default: $DOCKER_HOST, else the local socket.")
    String dockerHost;

    /** {@code DOCKER_HOST} for the docker client: the engine given, else $DOCKER_HOST; empty for the local socket. */
    public Map<String, String> environment() {
        return Optional.ofNullable(dockerHost).or(() -> Optional.ofNullable(System.getenv("DOCKER_HOST")))
                .map(host -> Map.of("DOCKER_HOST", host)).orElse(Map.of());
    }
}
