package io.jenkins.plugins.optimizeddeploy.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code docker buildx} CLI plugin of {@code /usr/bin/docker}, when one is installed: Debian bookworm has no
 * package for it, so tests that need it ask {@link #version()} and say what is missing instead of failing.
 */
public final class DockerBuildx {
    private static final Path DOCKER = Path.of("/usr/bin/docker");
    private static final Duration TIMEOUT = Duration.ofMinutes(1);

    private DockerBuildx() {
    }

    /** The first line of {@code docker buildx version}, or empty when the docker client or its buildx plugin is missing. */
    public static Optional<String> version() {
        if (!Files.isExecutable(DOCKER)) {
            return Optional.empty();
        }
        CommandResult result = ExternalCommand.runWithOnly(List.of(DOCKER.toString(), "buildx", "version"),
                Path.of("").toAbsolutePath(), clientEnvironment(Map.of()), TIMEOUT);
        return result.succeeded() ? result.stdout().lines().findFirst() : Optional.empty();
    }

    /**
     * {@code docker buildx bake --file FILE... --print NAMES...} in the first file's folder, seeing only
     * {@code environment} (and {@code HOME}, where the client finds its plugins), so a developer's own variables
     * cannot change the bake.
     */
    public static CommandResult bakePrint(List<Path> files, Map<String, String> environment, List<String> names) {
        Path folder = files.get(0).toAbsolutePath().getParent();
        List<String> command = new ArrayList<>(List.of(RequiredBinary.DOCKER.path().toString(), "buildx", "bake"));
        files.forEach(file -> command.addAll(List.of("--file", folder.relativize(file.toAbsolutePath()).toString())));
        command.add("--print");
        command.addAll(names);
        return ExternalCommand.runWithOnly(command, folder, clientEnvironment(environment), TIMEOUT);
    }

    private static Map<String, String> clientEnvironment(Map<String, String> environment) {
        Map<String, String> client = new HashMap<>(environment);
        String home = System.getenv("HOME");
        if (home != null) {
            client.putIfAbsent("HOME", home);
        }
        return client;
    }
}
