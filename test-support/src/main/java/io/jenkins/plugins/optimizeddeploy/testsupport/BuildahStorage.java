package io.jenkins.plugins.optimizeddeploy.testsupport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Private buildah storage roots (vfs) and auth file under one temporary directory. */
final class BuildahStorage implements AutoCloseable {
    private final ScratchDirectory directory;
    private final List<String> globalArguments;
    private final Map<String, String> environment;

    private BuildahStorage(ScratchDirectory directory) {
        this.directory = directory;
        this.globalArguments = List.of(
                "--root", directory.createDirectory("root").toString(),
                "--runroot", directory.createDirectory("runroot").toString(),
                "--storage-driver", "vfs");
        this.environment = Map.of(
                "BUILDAH_ISOLATION", "chroot",
                // buildah refuses an auth file that does not exist yet
                "REGISTRY_AUTH_FILE", directory.write("auth.json", "{\"auths\": {}}\n").toString(),
                "TMPDIR", directory.createDirectory("tmp").toString());
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

    CommandResult buildah(String stdin, Duration timeout, List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(RequiredBinary.BUILDAH.path().toString());
        command.addAll(globalArguments);
        command.addAll(arguments);
        return ExternalCommand.run(command, environment, stdin, timeout);
    }

    @Override
    public void close() {
        directory.delete();
    }
}
