package io.jenkins.plugins.optimizeddeploy.engine.build;

import io.jenkins.plugins.optimizeddeploy.engine.exec.Command;
import io.jenkins.plugins.optimizeddeploy.engine.exec.CommandFailedException;
import io.jenkins.plugins.optimizeddeploy.engine.exec.CommandResult;
import io.jenkins.plugins.optimizeddeploy.engine.exec.CommandRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Resolves {@code auto} by asking the tools themselves: {@code docker buildx version} and {@code docker buildx inspect}
 * (buildx bake, when its current builder can export a registry cache), then {@code docker version} against the daemon
 * (docker with BuildKit), then {@code buildah --version}. The reason says what was found and what was not.
 */
public final class BackendSelector {
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(20);
    /** The drivers whose builders run BuildKit on their own and so can export a cache (the docker driver cannot). */
    private static final Set<String> CACHE_EXPORTING_DRIVERS = Set.of("docker-container", "kubernetes", "remote");
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
            BuildxBuilder builder = currentBuildxBuilder();
            if (builder.exportsCache()) {
                return new BackendChoice(BuilderBackend.BUILDX, "auto: docker buildx is available (" + buildx.firstLine()
                        + ") and its current builder's " + builder.driver() + " driver exports a registry cache");
            }
            missing.add("docker buildx (" + buildx.firstLine() + ") has no builder that can export a registry cache ("
                    + builder.problem() + ")");
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

    private record BuildxBuilder(String driver, String problem) {
        boolean exportsCache() {
            return problem.isEmpty();
        }
    }

    private BuildxBuilder currentBuildxBuilder() {
        Probe inspect = probe(List.of(docker.toString(), "buildx", "inspect"));
        String driver = field(inspect, "Driver:");
        String error = field(inspect, "Error:");
        if (!inspect.ok() || !error.isEmpty()) {
            return new BuildxBuilder(driver, "docker buildx inspect: " + (error.isEmpty() ? inspect.firstLine() : error));
        }
        if (!CACHE_EXPORTING_DRIVERS.contains(driver)) {
            return new BuildxBuilder(driver, "its current builder uses the " + (driver.isEmpty() ? "default" : driver)
                    + " driver; create a docker-container or remote builder to use buildx");
        }
        return new BuildxBuilder(driver, "");
    }

    private static String field(Probe probe, String name) {
        return probe.lines().stream()
                .map(String::strip)
                .filter(line -> line.startsWith(name))
                .map(line -> line.substring(name.length()).strip())
                .findFirst()
                .orElse("");
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
