package io.jenkins.plugins.optimizeddeploy.engine.imagebuild;

import io.jenkins.plugins.optimizeddeploy.engine.errors.BadInputException;
import io.jenkins.plugins.optimizeddeploy.engine.exec.Command;
import java.io.Serializable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How the docker backend runs {@code docker}: the client binary ({@code /usr/bin/docker} by default: the Debian
 * client builds with BuildKit when {@code DOCKER_BUILDKIT=1}), extra environment ({@code DOCKER_HOST},
 * {@code DOCKER_CONFIG}), host networking for builds, how many targets build at once and a timeout per command.
 */
public record DockerSettings(Path binary, Map<String, String> environment, boolean hostNetwork, int parallelism,
        Duration timeout) implements Serializable {
    public static final Path DEFAULT_BINARY = Path.of("/usr/bin/docker");

    public DockerSettings {
        Objects.requireNonNull(binary, "docker binary");
        environment = Map.copyOf(environment);
        if (parallelism < 1) {
            throw new BadInputException("docker parallelism must be at least 1, was " + parallelism);
        }
        Objects.requireNonNull(timeout, "docker command timeout");
    }

    /** The arguments of {@code docker info} that print the storage driver's status. */
    public static final List<String> DRIVER_STATUS = List.of("info", "--format", "{{json .DriverStatus}}");
    /** How {@code docker info}'s storage driver status names a containerd snapshotter: the containerd image store. */
    private static final String CONTAINERD_SNAPSHOTTER = "io.containerd.snapshotter.v1";

    /** Whether the output of {@link #DRIVER_STATUS} says the daemon keeps its images in containerd. */
    public static boolean namesContainerdImageStore(List<String> driverStatus) {
        return driverStatus.stream().anyMatch(line -> line.contains(CONTAINERD_SNAPSHOTTER));
    }

    /** {@code docker arguments...} with BuildKit on, the settings' environment and timeout. */
    public Command command(List<String> arguments) {
        List<String> all = new ArrayList<>();
        all.add(binary.toString());
        all.addAll(arguments);
        return Command.of(all).withEnvironment(environment).withEnvironment("DOCKER_BUILDKIT", "1").withTimeout(timeout);
    }

    /** The same settings running {@code docker} as {@code path}: a file, or a bare name for the runner to find. */
    public DockerSettings withBinary(Path path) {
        return new DockerSettings(path, environment, hostNetwork, parallelism, timeout);
    }

    /** {@code /usr/bin/docker}, host network, 2 targets at once, 30 minutes per command. */
    public static DockerSettings defaults(Map<String, String> environment) {
        return new DockerSettings(DEFAULT_BINARY, environment, true, 2, Duration.ofMinutes(30));
    }
}
