package io.jenkins.plugins.optimizeddeploy.steps;

import io.jenkins.plugins.optimizeddeploy.engine.exec.Command;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One process the engine starts, as it crosses from the agent to the step's Launcher on the controller: plain JDK
 * values, which core's class filter (JEP-200) lets through where the engine's {@link Command} would be refused.
 *
 * @param environment      the variables the command sets over the build's environment
 * @param workingDirectory null: the launcher's default
 * @param stdin            what to write to its standard input, null for nothing
 */
public record ProcessRequest(List<String> arguments, Map<String, String> environment, String workingDirectory,
        String stdin, long timeoutMillis) implements Serializable {

    public ProcessRequest {
        arguments = List.copyOf(arguments);
        environment = Map.copyOf(environment);
    }

    public static ProcessRequest of(Command command) {
        return new ProcessRequest(command.arguments(), command.environment(),
                command.workingDirectory().map(Path::toString).orElse(null), command.stdin().orElse(null),
                command.timeout().toMillis());
    }

    /** The build's environment with this request's variables over it: what the process sees, as under {@code sh}. */
    Map<String, String> environmentOver(Map<String, String> buildEnvironment) {
        Map<String, String> merged = new HashMap<>(buildEnvironment);
        merged.putAll(environment);
        return merged;
    }
}
