package io.jenkins.plugins.optimizeddeploy.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** A temporary directory owned by one component; removed with everything mounted below it. */
public final class ScratchDirectory {
    private static final Path MOUNT_INFO = Path.of("/proc/self/mountinfo");

    private final Path path;

    private ScratchDirectory(Path path) {
        this.path = path;
    }

    public static ScratchDirectory create(String purpose) {
        try {
            return new ScratchDirectory(Files.createTempDirectory("optimized-deploy-" + purpose + "-"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a temporary directory for " + purpose, e);
        }
    }

    Path resolve(String name) {
        return path.resolve(name);
    }

    public Path createDirectory(String name) {
        try {
            return Files.createDirectories(path.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + path.resolve(name), e);
        }
    }

    Path write(String name, String content) {
        try {
            return Files.writeString(path.resolve(name), content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + path.resolve(name), e);
        }
    }

    /** Unmounts (deepest first) whatever a daemon left mounted below this directory, then deletes it. */
    public void delete() {
        for (Path mountPoint : mountPointsBelow()) {
            ExternalCommand.run(List.of(RequiredBinary.UMOUNT.path().toString(), "--lazy", mountPoint.toString()),
                    Map.of(), null, Duration.ofSeconds(30));
        }
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> tree = Files.walk(path)) {
            for (Path entry : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(entry);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + path, e);
        }
    }

    private List<Path> mountPointsBelow() {
        try {
            // mountinfo field 5 is the mount point, with spaces escaped as \040
            return Files.readAllLines(MOUNT_INFO).stream()
                    .map(line -> line.split(" ")[4].replace("\\040", " "))
                    .map(Path::of)
                    .filter(mountPoint -> mountPoint.startsWith(path))
                    .sorted(Comparator.comparingInt(Path::getNameCount).reversed())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + MOUNT_INFO, e);
        }
    }
}
