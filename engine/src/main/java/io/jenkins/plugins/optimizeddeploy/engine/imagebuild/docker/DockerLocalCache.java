package io.jenkins.plugins.optimizeddeploy.engine.imagebuild.docker;

import io.jenkins.plugins.optimizeddeploy.engine.cache.CacheSource;
import io.jenkins.plugins.optimizeddeploy.engine.cache.LocalCacheRead;
import io.jenkins.plugins.optimizeddeploy.engine.exec.CommandFailedException;
import io.jenkins.plugins.optimizeddeploy.engine.exec.CommandResult;
import io.jenkins.plugins.optimizeddeploy.engine.exec.CommandRunner;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.DockerSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The docker backend's cache folder on the agent: a target's cache images (final and intermediate stages, each with
 * its inline cache) saved by {@code docker save} into one archive, and loaded by {@code docker load} when no registry
 * cache has been written. dockerd's BuildKit reads {@code --cache-from} images from its own image store before the
 * registry, so the loaded images are hits even when the registry no longer has them.
 */
final class DockerLocalCache {
    static final String ARCHIVE = "docker-cache.tar";
    private static final Pattern LOADED = Pattern.compile("^Loaded image: (\\S+)$");

    private final CommandRunner runner;
    private final DockerSettings settings;

    DockerLocalCache(CommandRunner runner, DockerSettings settings) {
        this.runner = runner;
        this.settings = settings;
    }

    /** Loads the folder's archive, if it has one; the images it held are the {@code --cache-from} references. */
    LocalCacheRead load(CacheSource folder) {
        Path archive = Path.of(folder.location(), ARCHIVE);
        if (!Files.isRegularFile(archive)) {
            return LocalCacheRead.empty();
        }
        long started = System.nanoTime();
        try {
            CommandResult result = runner.run(settings.command(List.of("load", "--input", archive.toString())));
            long millis = (System.nanoTime() - started) / 1_000_000;
            if (!result.succeeded()) {
                return new LocalCacheRead(List.of(), "docker load exit code " + result.exitCode() + ": " + result.lastLine(), millis);
            }
            return new LocalCacheRead(loadedImages(result.stdout()), "", millis);
        } catch (CommandFailedException e) {
            return new LocalCacheRead(List.of(), e.getMessage(), (System.nanoTime() - started) / 1_000_000);
        }
    }

    /**
     * Saves {@code images} into the folder's archive (written aside under a name of its own, then moved over the old
     * one, so a failed save leaves the previous cache whole and two builds saving at once do not mix their files).
     *
     * @return empty when saved, else what went wrong, naming the folder
     */
    Optional<String> save(CacheSource folder, List<String> images) {
        Path directory = Path.of(folder.location());
        Path partial = null;
        try {
            Files.createDirectories(directory);
            partial = Files.createTempFile(directory, ARCHIVE, ".partial");
            List<String> arguments = new ArrayList<>(List.of("save", "--output", partial.toString()));
            arguments.addAll(images);
            CommandResult result = runner.run(settings.command(arguments));
            if (!result.succeeded()) {
                return Optional.of(folder + " (docker save exit code " + result.exitCode() + ": " + result.lastLine() + ")");
            }
            Files.move(partial, directory.resolve(ARCHIVE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return Optional.empty();
        } catch (IOException | CommandFailedException e) {
            return Optional.of(folder + " (" + e.getMessage() + ")");
        } finally {
            deletePartial(partial);
        }
    }

    private static void deletePartial(Path partial) {
        try {
            if (partial != null) {
                Files.deleteIfExists(partial);
            }
        } catch (IOException e) {
            // the next save writes a file of its own; a leftover only takes space until the folder is cleaned
        }
    }

    /** The references {@code docker load} printed ({@code Loaded image: REF}); images saved by id print no reference. */
    static List<String> loadedImages(List<String> output) {
        List<String> images = new ArrayList<>();
        for (String line : output) {
            Matcher loaded = LOADED.matcher(line.strip());
            if (loaded.matches()) {
                images.add(loaded.group(1));
            }
        }
        return images;
    }
}
