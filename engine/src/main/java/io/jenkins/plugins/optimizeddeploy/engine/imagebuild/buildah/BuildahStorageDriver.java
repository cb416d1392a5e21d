package io.jenkins.plugins.optimizeddeploy.engine.imagebuild.buildah;

import io.jenkins.plugins.optimizeddeploy.engine.exec.Command;
import io.jenkins.plugins.optimizeddeploy.engine.exec.CommandResult;
import io.jenkins.plugins.optimizeddeploy.engine.exec.CommandRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The storage driver buildah builds with, why, and the global arguments that select it. Kernel overlay shares a
 * step's unchanged files with the step before; vfs copies the whole root file system for every step, which cost the
 * sample app's warm build 1.2 to 2 times overlay's CPU here, and grows with the image. So: the driver the global
 * arguments name ({@code --storage-driver}); else buildah's own choice for the storage (its configuration's
 * driver, overlay as root on ext4 or xfs) when buildah can open the storage with it; else vfs, which works
 * everywhere, with the reason buildah gave.
 */
public record BuildahStorageDriver(String driver, String reason, List<String> globalArguments) {
    static final String FALLBACK = "vfs";
    private static final String OPTION = "--storage-driver";

    public BuildahStorageDriver {
        Objects.requireNonNull(driver, "buildah storage driver");
        Objects.requireNonNull(reason, "why the buildah storage driver was chosen");
        globalArguments = List.copyOf(globalArguments);
    }

    /** Asks buildah ({@code buildah info}, about 20 ms) unless the global arguments already name the driver. */
    public static BuildahStorageDriver choose(CommandRunner runner, BuildahSettings settings) {
        List<String> global = settings.globalArguments();
        Optional<String> named = namedDriver(global);
        if (named.isPresent()) {
            return new BuildahStorageDriver(named.get(), "named by " + OPTION, global);
        }
        List<String> probe = new ArrayList<>();
        probe.add(settings.binary().toString());
        probe.addAll(global);
        probe.addAll(List.of("info", "--format", "{{.store.GraphDriverName}}"));
        CommandResult info = runner.run(Command.of(probe).withEnvironment(settings.environment())
                .withTimeout(settings.timeout()));
        Optional<String> chosen = info.succeeded() ? reportedDriver(info.stdout()) : Optional.empty();
        if (chosen.isPresent()) {
            return new BuildahStorageDriver(chosen.get(), "buildah's default for this storage", global);
        }
        List<String> withFallback = new ArrayList<>(global);
        withFallback.addAll(List.of(OPTION, FALLBACK));
        return new BuildahStorageDriver(FALLBACK, "buildah's default storage driver does not work here ("
                + failureReason(info) + ")", withFallback);
    }

    /** The driver {@code --storage-driver D} or {@code --storage-driver=D} names, if any. */
    static Optional<String> namedDriver(List<String> globalArguments) {
        for (int i = 0; i < globalArguments.size(); i++) {
            String argument = globalArguments.get(i);
            if (argument.equals(OPTION) && i + 1 < globalArguments.size()) {
                return Optional.of(globalArguments.get(i + 1));
            }
            if (argument.startsWith(OPTION + "=")) {
                return Optional.of(argument.substring(OPTION.length() + 1));
            }
        }
        return Optional.empty();
    }

    /** The driver name {@code buildah info --format {{.store.GraphDriverName}}} printed, if it printed one. */
    static Optional<String> reportedDriver(List<String> stdout) {
        return stdout.stream().map(String::strip).filter(line -> line.matches("[a-z0-9_-]+")).findFirst();
    }

    /** buildah's {@code Error: ...} line (it is followed by shutdown warnings), else its last line. */
    static String failureReason(CommandResult info) {
        return info.stderr().stream().filter(line -> line.startsWith("Error: ")).findFirst()
                .map(line -> line.substring("Error: ".length()))
                .orElseGet(() -> "exit code " + info.exitCode() + ": " + info.lastLine());
    }

    /** E.g. {@code overlay (buildah's default for this storage)}. */
    public String summary() {
        return driver + " (" + reason + ")";
    }
}
