package io.jenkins.plugins.optimizeddeploy.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A private buildkitd (own root and socket, OCI worker with runc, host network) and a {@code docker buildx} remote
 * builder for it in a private docker config: what {@code docker buildx bake} needs to push and export a registry
 * cache, which buildx's {@code docker} driver cannot. buildkitd has no Debian package on bookworm, so tests ask
 * {@link #binary()} first. Every {@code start} is a brand-new builder with an empty cache, as on a new agent.
 */
public final class Buildkitd implements AutoCloseable {
    private static final List<Path> LOCATIONS = List.of(Path.of("/usr/local/bin/buildkitd"), Path.of("/usr/bin/buildkitd"));
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);
    private static final String BUILDER = "optimized-deploy-remote";

    private final ScratchDirectory directory;
    private final BackgroundProcess process;

    private Buildkitd(ScratchDirectory directory, BackgroundProcess process) {
        this.directory = directory;
        this.process = process;
    }

    /** buildkitd where a manual install puts it, if there is one. */
    public static Optional<Path> binary() {
        return LOCATIONS.stream().filter(Files::isExecutable).findFirst();
    }

    /** Starts a buildkitd that talks plain HTTP to {@code plainHttpRegistries} (host:port) and a builder for it. */
    public static Buildkitd start(String... plainHttpRegistries) {
        Path buildkitd = binary().orElseThrow(() -> new IllegalStateException("No buildkitd in " + LOCATIONS
                + ": there is no Debian package for it; build moby/buildkit v0.11.6 cmd/buildkitd as engine's"
                + " build/bake-print/README.md says, or ask Buildkitd.binary() first"));
        ScratchDirectory directory = ScratchDirectory.create("buildkitd");
        StringBuilder config = new StringBuilder();
        for (String registry : plainHttpRegistries) {
            config.append("[registry.\"").append(registry).append("\"]\n  http = true\n  insecure = true\n");
        }
        Path socket = directory.resolve("buildkitd.sock");
        BackgroundProcess process = BackgroundProcess.start("buildkitd", List.of(buildkitd.toString(),
                "--root", directory.createDirectory("root").toString(),
                "--addr", "unix://" + socket,
                "--config", directory.write("buildkitd.toml", config.toString()).toString(),
                "--oci-worker=true", "--containerd-worker=false", "--oci-worker-net=host",
                "--oci-worker-binary", RequiredBinary.RUNC.path().toString()),
                Map.of(), directory.resolve("buildkitd.log"));
        try {
            process.awaitReady(STARTUP_TIMEOUT, () -> Files.exists(socket) && logSays(directory, "running server on"));
            Buildkitd started = new Buildkitd(directory, process);
            ExternalCommand.run(List.of(RequiredBinary.DOCKER.path().toString(), "buildx", "create", "--name", BUILDER,
                    "--driver", "remote", "unix://" + socket), started.clientEnvironment(), null, STARTUP_TIMEOUT)
                    .requireSuccess();
            return started;
        } catch (RuntimeException e) {
            process.stop(STOP_GRACE);
            directory.delete();
            throw e;
        }
    }

    /** {@code DOCKER_CONFIG} (holding the builder) and {@code BUILDX_BUILDER}, for running docker buildx against it. */
    public Map<String, String> clientEnvironment() {
        return Map.of("DOCKER_CONFIG", directory.createDirectory("client-config").toString(), "BUILDX_BUILDER", BUILDER);
    }

    /** The daemon's log, for diagnosing a failed test. */
    public Path logFile() {
        return process.logFile();
    }

    @Override
    public void close() {
        process.stop(STOP_GRACE);
        directory.delete();
    }

    private static boolean logSays(ScratchDirectory directory, String text) {
        try (Stream<String> lines = Files.lines(directory.resolve("buildkitd.log"))) {
            return lines.anyMatch(line -> line.contains(text));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + directory.resolve("buildkitd.log"), e);
        }
    }
}
