package io.jenkins.plugins.optimizeddeploy.engine.exec;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One external command: an argument list (never a shell string), environment variables added to the inherited
 * ones, a working directory, a timeout, optional standard input and the secrets to mask in everything it prints.
 * Secrets belong in the environment or on standard input, never in an argument.
 */
public final class Command {
    /** How long a command may run unless told otherwise. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(30);

    private final List<String> arguments;
    private final Map<String, String> environment;
    private final Path workingDirectory;
    private final Duration timeout;
    private final String stdin;
    private final Set<String> secrets;

    private Command(List<String> arguments, Map<String, String> environment, Path workingDirectory,
            Duration timeout, String stdin, Set<String> secrets) {
        this.arguments = List.copyOf(arguments);
        this.environment = Map.copyOf(environment);
        this.workingDirectory = workingDirectory;
        this.timeout = timeout;
        this.stdin = stdin;
        this.secrets = Set.copyOf(secrets);
    }

    /** {@code program} followed by its arguments. */
    public static Command of(String program, String... arguments) {
        List<String> all = new ArrayList<>();
        all.add(program);
        all.addAll(List.of(arguments));
        return of(all);
    }

    /** The program and its arguments as one list. */
    public static Command of(List<String> arguments) {
        if (arguments.isEmpty() || arguments.get(0).isBlank()) {
            throw new IllegalArgumentException("A command needs a program to run, got arguments " + arguments);
        }
        return new Command(arguments, Map.of(), null, DEFAULT_TIMEOUT, null, Set.of());
    }

    /** A copy with {@code name=value} in its environment (on top of the inherited environment). */
    public Command withEnvironment(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(environment);
        copy.put(Objects.requireNonNull(name, "environment variable name"),
                Objects.requireNonNull(value, "value of environment variable " + name));
        return new Command(arguments, copy, workingDirectory, timeout, stdin, secrets);
    }

    /** A copy with all of {@code variables} in its environment. */
    public Command withEnvironment(Map<String, String> variables) {
        Command command = this;
        for (Map.Entry<String, String> variable : variables.entrySet()) {
            command = command.withEnvironment(variable.getKey(), variable.getValue());
        }
        return command;
    }

    public Command withWorkingDirectory(Path directory) {
        return new Command(arguments, environment, Objects.requireNonNull(directory, "working directory"),
                timeout, stdin, secrets);
    }

    public Command withTimeout(Duration limit) {
        if (limit.isNegative() || limit.isZero()) {
            throw new IllegalArgumentException("Timeout of " + this + " must be positive, was " + limit);
        }
        return new Command(arguments, environment, workingDirectory, limit, stdin, secrets);
    }

    /** A copy that feeds {@code input} to the command's standard input, e.g. a password for {@code --password-stdin}. */
    public Command withStdin(String input) {
        return new Command(arguments, environment, workingDirectory, timeout,
                Objects.requireNonNull(input, "standard input"), secrets);
    }

    /** A copy that masks each of {@code values} wherever the command's output, result or errors would show it. */
    public Command withSecrets(String... values) {
        Set<String> copy = new LinkedHashSet<>(secrets);
        for (String value : values) {
            if (value != null && !value.isEmpty()) {
                copy.add(value);
            }
        }
        return new Command(arguments, environment, workingDirectory, timeout, stdin, copy);
    }

    public List<String> arguments() {
        return arguments;
    }

    public Map<String, String> environment() {
        return environment;
    }

    public Optional<Path> workingDirectory() {
        return Optional.ofNullable(workingDirectory);
    }

    public Duration timeout() {
        return timeout;
    }

    public Optional<String> stdin() {
        return Optional.ofNullable(stdin);
    }

    /** What to mask; only the runner reads it. */
    SecretMask mask() {
        return new SecretMask(secrets);
    }

    /** {@code text}, e.g. a line the command printed, with the command's secrets masked. */
    public String masked(String text) {
        return mask().apply(text);
    }

    /** The argument list joined by spaces with secrets masked: for messages and logs. */
    public String display() {
        return mask().apply(String.join(" ", arguments));
    }

    @Override
    public String toString() {
        return "Command[" + display() + "]";
    }
}
