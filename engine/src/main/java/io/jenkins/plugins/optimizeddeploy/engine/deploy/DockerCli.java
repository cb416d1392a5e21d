package io.jenkins.plugins.optimizeddeploy.engine.deploy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.optimizeddeploy.engine.exec.Command;
import io.jenkins.plugins.optimizeddeploy.engine.exec.CommandResult;
import io.jenkins.plugins.optimizeddeploy.engine.exec.CommandRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The docker client as the swarm and docker targets run it: one binary, the environment that names the engine
 * ({@code DOCKER_HOST}, {@code ssh://} included, and {@code DOCKER_CONFIG}), every call through the
 * {@link CommandRunner}.
 */
public final class DockerCli {
    /** The Debian client; another one may come first on PATH. */
    public static final Path DEFAULT_BINARY = Path.of("/usr/bin/docker");
    private static final String DEFAULT_HOST = "unix:///var/run/docker.sock";
    private static final Duration CALL_TIMEOUT = Duration.ofMinutes(2);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CommandRunner runner;
    private final Path binary;
    private final Map<String, String> environment;

    /** @param environment added to the inherited one: {@code DOCKER_HOST}, {@code DOCKER_CONFIG} */
    public DockerCli(CommandRunner runner, Path binary, Map<String, String> environment) {
        this.runner = runner;
        this.binary = binary;
        this.environment = Map.copyOf(environment);
    }

    /** The engine it talks to: {@code DOCKER_HOST}, else docker's default socket. */
    String endpoint() {
        return environment.getOrDefault("DOCKER_HOST", DEFAULT_HOST);
    }

    /** Runs {@code docker arguments...} and returns its result whatever its exit code. */
    CommandResult run(Duration timeout, Map<String, String> variables, List<String> arguments) {
        List<String> all = new ArrayList<>();
        all.add(binary.toString());
        all.addAll(arguments);
        return runner.run(Command.of(all).withEnvironment(environment).withEnvironment(variables).withTimeout(timeout));
    }

    /** Runs {@code docker arguments...}; a non-zero exit is a {@link DeployException} with docker's last line. */
    CommandResult require(Duration timeout, List<String> arguments) {
        CommandResult result = run(timeout, Map.of(), arguments);
        if (!result.succeeded()) {
            throw failure(result);
        }
        return result;
    }

    /** {@code result}, a command that exited non-zero, as a {@link DeployException} with docker's last line. */
    DeployException failure(CommandResult result) {
        return new DeployException(result.command() + " failed on " + endpoint() + ": " + result.lastLine());
    }

    CommandResult require(List<String> arguments) {
        return require(CALL_TIMEOUT, arguments);
    }

    CommandResult require(String... arguments) {
        return require(List.of(arguments));
    }

    /**
     * The first object {@code docker ... inspect} prints, or empty when docker says there is no such object.
     *
     * @throws DeployException when docker fails otherwise
     */
    Optional<JsonNode> inspect(String... arguments) {
        CommandResult result = run(CALL_TIMEOUT, Map.of(), List.of(arguments));
        if (!result.succeeded()) {
            if (result.output().toLowerCase(Locale.ROOT).contains("no such")) {
                return Optional.empty();
            }
            throw new DeployException(result.command() + " failed on " + endpoint() + ": " + result.lastLine());
        }
        JsonNode objects = json(result.command(), String.join("\n", result.stdout()));
        return objects.isArray() && objects.size() > 0 ? Optional.of(objects.get(0)) : Optional.empty();
    }

    static JsonNode json(String source, String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new DeployException(source + " printed no JSON: " + e.getOriginalMessage());
        }
    }
}
