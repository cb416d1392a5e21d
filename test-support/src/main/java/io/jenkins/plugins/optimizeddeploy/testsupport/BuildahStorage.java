package io.jenkins.plugins.optimizeddeploy.testsupport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Private buildah storage roots and auth file under one temporary directory. The storage driver is the one the
 * engine's buildah backend picks: buildah's default (overlay as root here) when buildah can open the storage with
 * it, else vfs.
 */
final class BuildahStorage implements AutoCloseable {
    private final ScratchDirectory directory;
    private final List<String> globalArguments;
    private final Map<String, String> environment;

    private BuildahStorage(ScratchDirectory directory) {
        this.directory = directory;
        this.environment = Map.of(
                "BUILDAH_ISOLATION", "chroot",
                // buildah refuses an auth file that does not exist yet
                "REGISTRY_AUTH_FILE", directory.write("auth.json", "{\"auths\": {}}\n").toString(),
                "TMPDIR", directory.createDirectory("tmp").toString());
        List<String> roots = List.of(
                "--root", directory.createDirectory("root").toString(),
                "--runroot", directory.createDirectory("runroot").toString());
        List<String> withFallback = new ArrayList<>(roots);
        withFallback.addAll(List.of("--storage-driver", "vfs"));
        this.globalArguments = driverOf(roots).isPresent() ? roots : List.copyOf(withFallback);
    }

    static BuildahStorage create() {
        RequiredBinary.BUILDAH.path();
        return new BuildahStorage(ScratchDirectory.create("buildah"));
    }

    List<String> globalArguments() {
        return globalArguments;
    }

    Map<String, String> environment() {
        return environment;
    }

    String storageDriver() {
        return driverOf(globalArguments).orElseThrow(() -> new IllegalStateException(
                "buildah cannot open its test storage with " + globalArguments));
    }

    private Optional<String> driverOf(List<String> arguments) {
        CommandResult result = run(null, ExternalCommand.DEFAULT_TIMEOUT, arguments,
                List.of("info", "--format", "{{.store.GraphDriverName}}"));
        return result.succeeded() ? Optional.of(result.stdout().strip()) : Optional.empty();
    }

    CommandResult buildah(String stdin, Duration timeout, List<String> arguments) {
        return run(stdin, timeout, globalArguments, arguments);
    }

    private CommandResult run(String stdin, Duration timeout, List<String> global, List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(RequiredBinary.BUILDAH.path().toString());
        command.addAll(global);
        command.addAll(arguments);
        return ExternalCommand.run(command, environment, stdin, timeout);
    }

    @Override
    public void close() {
        directory.delete();
    }
}
