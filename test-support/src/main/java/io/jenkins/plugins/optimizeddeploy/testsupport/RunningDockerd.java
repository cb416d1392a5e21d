package io.jenkins.plugins.optimizeddeploy.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A private dockerd (own data root, exec root, socket and docker client config) without iptables or a bridge:
 * containers and builds use {@code --network host}. With the containerd image store it starts its own containerd
 * below its exec and data roots.
 */
final class RunningDockerd implements AutoCloseable {
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);
    private static final Duration CLEAN_UP_TIMEOUT = Duration.ofSeconds(30);

    private final ScratchDirectory directory;
    private final DockerImageStore imageStore;
    private final String storageDriver;
    private final BackgroundProcess process;
    private final Map<String, String> clientEnvironment;

    private RunningDockerd(ScratchDirectory directory, DockerImageStore imageStore, String storageDriver,
            BackgroundProcess process) {
        this.directory = directory;
        this.imageStore = imageStore;
        this.storageDriver = storageDriver;
        this.process = process;
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("DOCKER_HOST", "unix://" + socket(directory));
        environment.put("DOCKER_CONFIG", directory.createDirectory("client-config").toString());
        environment.put("DOCKER_BUILDKIT", "1");
        this.clientEnvironment = Map.copyOf(environment);
    }

    /** Starts with the store's overlay driver where this kernel and file system allow it, else with its copying one. */
    static RunningDockerd start(DockerImageStore imageStore) {
        List<String> failures = new ArrayList<>();
        for (String driver : imageStore.storageDrivers()) {
            ScratchDirectory directory = ScratchDirectory.create("dockerd");
            try {
                return new RunningDockerd(directory, imageStore, driver, startDaemon(directory, imageStore, driver));
            } catch (IllegalStateException e) {
                directory.delete();
                failures.add(driver + ": " + e.getMessage());
            }
        }
        throw new IllegalStateException("dockerd did not start with the " + imageStore + " image store and any"
                + " storage driver of " + imageStore.storageDrivers() + ":\n" + String.join("\n", failures));
    }

    private static BackgroundProcess startDaemon(ScratchDirectory directory, DockerImageStore imageStore, String driver) {
        Path socket = socket(directory);
        List<String> command = List.of(RequiredBinary.DOCKERD.path().toString(),
                "--storage-driver", driver,
                "--iptables=false", "--ip-forward=false", "--ip-masq=false", "--bridge=none",
                // containers whose PID 1 ignores SIGTERM would otherwise hold up the stop for 15 s
                "--shutdown-timeout=2",
                "--data-root", directory.createDirectory("root").toString(),
                "--exec-root", directory.createDirectory("exec").toString(),
                "-H", "unix://" + socket,
                "--pidfile", directory.resolve("dockerd.pid").toString(),
                "--config-file", directory.write("daemon.json", imageStore.daemonJson()).toString());
        BackgroundProcess daemon = BackgroundProcess.start("dockerd (" + imageStore + " store, " + driver + ")", command, Map.of(),
                directory.resolve("dockerd.log"));
        try {
            daemon.awaitReady(STARTUP_TIMEOUT, () -> answersPing(socket));
        } catch (IllegalStateException e) {
            daemon.stop(STOP_GRACE);
            throw e;
        }
        return daemon;
    }

    private static Path socket(ScratchDirectory directory) {
        return directory.resolve("docker.sock");
    }

    private static boolean answersPing(Path socket) {
        if (!Files.exists(socket)) {
            return false;
        }
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            channel.write(ByteBuffer.wrap("GET /_ping HTTP/1.0\r\nHost: docker\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));
            ByteBuffer answer = ByteBuffer.allocate(1024);
            while (channel.read(answer) >= 0 && answer.hasRemaining()) {
                // HTTP/1.0: the daemon closes the connection after the answer
            }
            String response = new String(answer.array(), 0, answer.position(), StandardCharsets.US_ASCII);
            return response.startsWith("HTTP/1.") && response.contains(" 200 ") && response.endsWith("OK");
        } catch (IOException e) {
            return false;
        }
    }

    DockerImageStore imageStore() {
        return imageStore;
    }

    String storageDriver() {
        return storageDriver;
    }

    Map<String, String> clientEnvironment() {
        return clientEnvironment;
    }

    Path logFile() {
        return process.logFile();
    }

    CommandResult docker(String stdin, Duration timeout, List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(RequiredBinary.DOCKER.path().toString());
        command.addAll(arguments);
        return ExternalCommand.run(command, clientEnvironment, stdin, timeout);
    }

    @Override
    public void close() {
        removeServicesAndContainers();
        process.stop(STOP_GRACE);
        directory.delete();
    }

    /**
     * A container outlives its dockerd in its containerd shim (swarm tasks did, after every SwarmTargetIT): services go
     * first, or swarm would start new tasks for the containers removed next. Best effort: a daemon that already died
     * has nothing to list.
     */
    private void removeServicesAndContainers() {
        removeListed(List.of("service", "ls", "-q"), List.of("service", "rm"));
        removeListed(List.of("ps", "-aq"), List.of("rm", "-f"));
    }

    private void removeListed(List<String> list, List<String> remove) {
        try {
            CommandResult listed = docker(null, CLEAN_UP_TIMEOUT, list);
            List<String> ids = listed.succeeded() ? listed.stdout().lines().filter(id -> !id.isBlank()).toList() : List.of();
            if (!ids.isEmpty()) {
                List<String> command = new ArrayList<>(remove);
                command.addAll(ids);
                docker(null, CLEAN_UP_TIMEOUT, command);
            }
        } catch (IllegalStateException | UncheckedIOException e) {
            // the daemon is stopped next whatever this left
        }
    }
}
