package io.jenkins.plugins.optimizeddeploy.engine.bake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.optimizeddeploy.engine.exec.Command;
import io.jenkins.plugins.optimizeddeploy.engine.exec.CommandFailedException;
import io.jenkins.plugins.optimizeddeploy.engine.exec.CommandResult;
import io.jenkins.plugins.optimizeddeploy.engine.exec.CommandRunner;
import io.jenkins.plugins.optimizeddeploy.engine.findings.Secrets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The reference reading of bake files: {@code docker buildx bake --print} (and {@code --list type=variables} for the
 * variables the environment may set), run in the first file's folder with the variables in its environment as bake
 * reads them, never in its arguments. Its JSON becomes a {@link BakeDefinition} of the printed groups and targets.
 * The two calls of one reading share one time limit, which starts with {@link #print}.
 */
final class BuildxBakePrint {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ERROR_PREFIX = "ERROR: ";
    private static final Duration VERSION_TIMEOUT = Duration.ofMinutes(1);

    private final CommandRunner runner;
    private final Path docker;
    private final Map<String, String> dockerEnvironment;
    private final Duration timeLimit;
    private long deadline;

    /**
     * @param dockerEnvironment what the docker client runs with ({@code DOCKER_HOST}, {@code DOCKER_CONFIG})
     * @param timeLimit         how long reading the files may take, both calls together
     */
    BuildxBakePrint(CommandRunner runner, Path docker, Map<String, String> dockerEnvironment, Duration timeLimit) {
        this.runner = runner;
        this.docker = docker;
        this.dockerEnvironment = Map.copyOf(dockerEnvironment);
        this.timeLimit = timeLimit;
    }

    /** What is left of the time limit, at least a millisecond (the command is then killed at once). */
    private Duration remaining() {
        return Duration.ofNanos(Math.max(Duration.ofMillis(1).toNanos(), deadline - System.nanoTime()));
    }

    /** The first line of {@code docker buildx version}, empty when the client or its buildx plugin is missing. */
    Optional<String> version() {
        try {
            CommandResult result = runner.run(Command.of(docker.toString(), "buildx", "version")
                    .withEnvironment(dockerEnvironment).withTimeout(VERSION_TIMEOUT));
            return result.succeeded() ? result.stdout().stream().filter(line -> !line.isBlank()).findFirst()
                    : Optional.empty();
        } catch (CommandFailedException e) {
            return Optional.empty();
        }
    }

    /** What buildx prints for {@code names} (none: the default group) of {@code files} read as one. */
    String print(List<Path> files, Map<String, String> environment, List<String> names) {
        deadline = System.nanoTime() + timeLimit.toNanos();
        List<String> arguments = new ArrayList<>(List.of("--print"));
        arguments.add("--");
        arguments.addAll(names);
        return String.join("\n", bake(files, environment, arguments).stdout()) + "\n";
    }

    /** {@code print}, what buildx printed for {@code files}, as a definition with the variables buildx lists. */
    BakeDefinition definition(List<Path> files, Map<String, String> environment, String print) {
        return definition(source(files), print,
                String.join("\n", bake(files, environment, List.of("--list", "type=variables,format=json")).stdout()));
    }

    private CommandResult bake(List<Path> files, Map<String, String> environment, List<String> arguments) {
        List<String> command = new ArrayList<>(List.of(docker.toString(), "buildx", "bake", "--progress=quiet"));
        files.forEach(file -> command.addAll(List.of("--file", file.toAbsolutePath().toString())));
        command.addAll(arguments);
        String[] secrets = environment.entrySet().stream().filter(variable -> Secrets.isSecretName(variable.getKey()))
                .map(Map.Entry::getValue).toArray(String[]::new);
        CommandResult result = runner.run(Command.of(command).withEnvironment(environment)
                .withEnvironment(dockerEnvironment).withSecrets(secrets)
                .withWorkingDirectory(files.get(0).toAbsolutePath().getParent()).withTimeout(remaining()));
        if (!result.succeeded()) {
            String reason = result.stderr().stream().filter(line -> line.startsWith(ERROR_PREFIX))
                    .map(line -> line.substring(ERROR_PREFIX.length())).reduce((first, last) -> last)
                    .orElse(result.lastLine());
            throw new BakeFileException(source(files) + ": docker buildx bake refuses it: " + reason);
        }
        return result;
    }

    private static String source(List<Path> files) {
        return String.join(" + ", files.stream().map(Path::toString).toList());
    }

    /** The definition buildx printed: its groups and targets; {@code variables} is its variable list. */
    static BakeDefinition definition(String source, String print, String variables) {
        JsonNode printed = readJson(source, print);
        Map<String, List<String>> groups = new LinkedHashMap<>();
        printed.path("group").properties().forEach(group -> groups.put(group.getKey(),
                strings(group.getValue().path("targets"))));
        Map<String, BakeTarget> targets = new LinkedHashMap<>();
        printed.path("target").properties().forEach(target -> targets.put(target.getKey(),
                target(target.getKey(), target.getValue())));
        Map<String, Object> values = new LinkedHashMap<>();
        readJson(source, variables).forEach(variable -> values.put(variable.path("name").asText(),
                variable.path("value").asText()));
        return new BakeDefinition(source, targets, groups, values, Map.of());
    }

    private static BakeTarget target(String name, JsonNode printed) {
        return BakeTarget.builder(name, printed.path("context").asText("."),
                        printed.path("dockerfile").asText("Dockerfile"), printed.path("target").asText(""))
                .args(stringMap(printed.path("args")))
                .tags(strings(printed.path("tags")))
                .labels(stringMap(printed.path("labels")))
                .platforms(strings(printed.path("platforms")))
                .cache(cacheEntries(printed.path("cache-from")), cacheEntries(printed.path("cache-to")))
                .contexts(stringMap(printed.path("contexts")))
                .build();
    }

    private static JsonNode readJson(String source, String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new BakeFileException(source + ": docker buildx bake printed no JSON (line "
                    + e.getLocation().getLineNr() + ")", e);
        }
    }

    private static List<String> strings(JsonNode array) {
        return values(array, JsonNode::asText);
    }

    /** Entries as strings: buildx 0.29 prints objects, older versions the strings of the file. */
    private static List<String> cacheEntries(JsonNode array) {
        return values(array, entry -> entry.isObject()
                ? CacheEntry.text(JSON.convertValue(entry, Map.class)) : entry.asText());
    }

    private static List<String> values(JsonNode array, Function<JsonNode, String> value) {
        List<String> values = new ArrayList<>();
        array.forEach(item -> values.add(value.apply(item)));
        return values;
    }

    /** A printed map; a null entry (an unset build argument) is left out. */
    private static Map<String, String> stringMap(JsonNode object) {
        Map<String, String> map = new LinkedHashMap<>();
        object.properties().forEach(entry -> {
            if (!entry.getValue().isNull()) {
                map.put(entry.getKey(), entry.getValue().asText());
            }
        });
        return map;
    }
}
