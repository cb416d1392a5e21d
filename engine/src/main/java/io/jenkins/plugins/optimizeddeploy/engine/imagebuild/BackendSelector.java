package io.jenkins.plugins.optimizeddeploy.engine.imagebuild;

import io.jenkins.plugins.optimizeddeploy.engine.exec.Command;
import io.jenkins.plugins.optimizeddeploy.engine.exec.CommandFailedException;
import io.jenkins.plugins.optimizeddeploy.engine.exec.CommandResult;
import io.jenkins.plugins.optimizeddeploy.engine.exec.CommandRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves {@code auto} by asking the tools themselves: {@code docker buildx version} and {@code docker buildx inspect}
 * (buildx bake, when the current builder can export a registry cache: a {@code docker-container}, {@code remote} or
 * {@code kubernetes} builder, or the default {@code docker} driver on a dockerd with the containerd image store, as
 * {@code docker info} tells; on the classic store the {@code docker} driver refuses every {@code cache-to}), then
 * {@code docker version} against the daemon (docker with BuildKit), then {@code buildah --version}. The reason says
 * what was found and what was not.
 */
public final class BackendSelector {
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(20);
    /** The buildx drivers that can export a registry cache whatever the daemon; {@code docker} needs the containerd store. */
    private static final Set<String> CACHE_EXPORTING_DRIVERS = Set.of("docker-container", "remote", "kubernetes");
    private static final String DOCKER_DRIVER = "docker";
    private final CommandRunner runner;
    private final Path docker;
    private final Path buildah;
    private final Map<String, String> environment;

    public BackendSelector(CommandRunner runner, Path docker, Path buildah, Map<String, String> environment) {
        this.runner = runner;
        this.docker = docker;
        this.buildah = buildah;
        this.environment = Map.copyOf(environment);
    }

    /**
     * {@code requested} itself unless it is {@code auto}.
     *
     * @throws ImageBuildException when {@code auto} finds no backend, naming the Debian packages that provide one
     */
    public BackendChoice choose(BuilderBackend requested) {
        if (requested != BuilderBackend.AUTO) {
            return new BackendChoice(requested, requested.id() + " was asked for");
        }
        List<String> missing = new ArrayList<>();
        Probe buildx = probe(List.of(docker.toString(), "buildx", "version"));
        if (buildx.ok()) {
            Probe inspect = probe(List.of(docker.toString(), "buildx", "inspect"));
            String driver = inspect.ok() ? builderDriver(inspect.lines()).orElse("unknown") : "unknown";
            if (CACHE_EXPORTING_DRIVERS.contains(driver)) {
                return new BackendChoice(BuilderBackend.BUILDX, "auto: docker buildx is available (" + buildx.firstLine()
                        + ") with a " + driver + " builder, which exports registry caches");
            }
            if (driver.equals(DOCKER_DRIVER) && hasContainerdImageStore()) {
                return new BackendChoice(BuilderBackend.BUILDX, "auto: docker buildx is available (" + buildx.firstLine()
                        + ") with the docker driver on a dockerd with the containerd image store, which exports"
                        + " registry caches");
            }
            missing.add("docker buildx (" + buildx.firstLine() + ") builds with the " + driver + " driver, which cannot"
                    + " export a registry cache (turn on dockerd's containerd image store, docker buildx create --use"
                    + " --driver docker-container, or a remote builder"
                    + (inspect.ok() ? "" : "; docker buildx inspect: " + inspect.firstLine()) + ")");
        } else {
            missing.add("no docker buildx (" + buildx.firstLine() + ")");
        }
        Probe daemon = probe(List.of(docker.toString(), "version", "--format", "{{.Server.Version}}"));
        if (daemon.ok()) {
            return new BackendChoice(BuilderBackend.DOCKER, "auto: " + missing.get(0) + "; dockerd " + daemon.firstLine()
                    + " answers " + docker + ", which builds with BuildKit");
        }
        missing.add("no docker daemon via " + docker + " (" + daemon.firstLine() + ")");
        Probe buildahVersion = probe(List.of(buildah.toString(), "--version"));
        if (buildahVersion.ok()) {
            return new BackendChoice(BuilderBackend.BUILDAH, "auto: " + String.join("; ", missing) + "; "
                    + buildahVersion.firstLine());
        }
        missing.add("no " + buildah + " (" + buildahVersion.firstLine() + ")");
        throw new ImageBuildException("No build backend found: " + String.join("; ", missing)
                + ". Install the Debian package docker.io (and start dockerd) or buildah.");
    }

    /** Whether the daemon keeps its images in containerd ({@code daemon.json} {@code features.containerd-snapshotter}). */
    private boolean hasContainerdImageStore() {
        List<String> arguments = new ArrayList<>(List.of(docker.toString()));
        arguments.addAll(DockerSettings.DRIVER_STATUS);
        Probe info = probe(arguments);
        return info.ok() && DockerSettings.namesContainerdImageStore(info.lines());
    }

    /** The {@code Driver:} of {@code docker buildx inspect}'s output: the current builder's driver. */
    static Optional<String> builderDriver(List<String> inspectOutput) {
        return inspectOutput.stream().filter(line -> line.startsWith("Driver:"))
                .map(line -> line.substring("Driver:".length()).strip()).findFirst();
    }

    private record Probe(boolean ok, String firstLine, List<String> lines) {
    }

    private Probe probe(List<String> arguments) {
        try {
            CommandResult result = runner.run(Command.of(arguments).withEnvironment(environment).withTimeout(PROBE_TIMEOUT));
            List<String> lines = new ArrayList<>(result.stdout());
            lines.addAll(result.stderr());
            String first = lines.stream().filter(line -> !line.isBlank()).findFirst().orElse("exit code " + result.exitCode()).strip();
            return new Probe(result.succeeded(), first, lines);
        } catch (CommandFailedException e) {
            return new Probe(false, e.getMessage(), List.of());
        }
    }
}
