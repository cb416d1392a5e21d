package io.jenkins.plugins.optimizeddeploy.engine.imagebuild.buildah;

import io.jenkins.plugins.optimizeddeploy.engine.cache.CacheSource;
import io.jenkins.plugins.optimizeddeploy.engine.cache.FolderTree;
import io.jenkins.plugins.optimizeddeploy.engine.cache.LocalCacheRead;
import io.jenkins.plugins.optimizeddeploy.engine.exec.CommandFailedException;
import io.jenkins.plugins.optimizeddeploy.engine.exec.CommandResult;
import io.jenkins.plugins.optimizeddeploy.engine.exec.CommandRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The buildah backend's cache folder on the agent. buildah 1.28 reads {@code --cache-from} from registries only, but
 * with {@code --layers} it reuses any image in its storage whose layers and history match a step. So each step's
 * image of a build is pushed to the folder ({@code dir:} transport, one folder per image, Docker schema 2: buildah
 * passes over cache candidates in another format than the one it builds), and pulled back into a storage that has
 * no registry cache to read; the steps then hit as local cache ({@code --> Using cache}).
 */
final class BuildahLocalCache {
    static final String FOLDER = "buildah";
    /** An image being written, under a name of its own so that builds saving at once do not mix their files. */
    private static final String PARTIAL_PREFIX = ".partial-";
    /** {@code --> 0123456789a}: the image a step committed or took from cache. */
    private static final Pattern STEP_IMAGE = Pattern.compile("^(?:\\[\\d+/\\d+\\] )?--> ([0-9a-f]{11,64})$");

    private final CommandRunner runner;
    private final BuildahSettings settings;

    BuildahLocalCache(CommandRunner runner, BuildahSettings settings) {
        this.runner = runner;
        this.settings = settings;
    }

    /** Pulls every image the folder holds into buildah's storage. */
    LocalCacheRead load(CacheSource folder) {
        long started = System.nanoTime();
        List<String> loaded = new ArrayList<>();
        try {
            for (Path image : savedImages(Path.of(folder.location(), FOLDER))) {
                CommandResult result = runner.run(settings.command(List.of("pull", "--quiet", "dir:" + image)));
                if (!result.succeeded()) {
                    return new LocalCacheRead(loaded, "buildah pull of " + image.getFileName() + " exit code "
                            + result.exitCode() + ": " + result.lastLine(), (System.nanoTime() - started) / 1_000_000);
                }
                loaded.add(image.getFileName().toString());
            }
        } catch (UncheckedIOException | CommandFailedException e) {
            return new LocalCacheRead(loaded, e.getMessage(), (System.nanoTime() - started) / 1_000_000);
        }
        return new LocalCacheRead(loaded, "", (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * Makes the folder hold exactly {@code images}: pushes those it does not hold yet (an image id names its
     * content, so one already there is the same) and removes the others, so it does not grow build after build.
     *
     * @return empty when saved, else what went wrong, naming the folder
     */
    Optional<String> save(CacheSource folder, List<String> images) {
        Path directory = Path.of(folder.location(), FOLDER);
        try {
            Files.createDirectories(directory);
            for (String image : images) {
                Path destination = directory.resolve(image);
                if (Files.isDirectory(destination)) {
                    continue;
                }
                Path partial = Files.createTempDirectory(directory, PARTIAL_PREFIX + image + "-");
                try {
                    CommandResult result = runner.run(settings.command(
                            List.of("push", "--quiet", "--format", "v2s2", image, "dir:" + partial)));
                    if (!result.succeeded()) {
                        return Optional.of(folder + " (buildah push of " + image + " exit code " + result.exitCode()
                                + ": " + result.lastLine() + ")");
                    }
                    Files.move(partial, destination);
                } finally {
                    FolderTree.delete(partial);
                }
            }
            for (Path stale : savedImages(directory)) {
                if (!images.contains(stale.getFileName().toString())) {
                    FolderTree.delete(stale);
                }
            }
            return Optional.empty();
        } catch (IOException | UncheckedIOException | CommandFailedException e) {
            return Optional.of(folder + " (" + e.getMessage() + ")");
        }
    }

    /** The images a {@code buildah bud} committed or took from cache, one per step, in order, each once. */
    static List<String> stepImages(List<String> output) {
        Set<String> images = new LinkedHashSet<>();
        for (String line : output) {
            Matcher image = STEP_IMAGE.matcher(line.strip());
            if (image.matches()) {
                images.add(image.group(1));
            }
        }
        return new ArrayList<>(images);
    }

    private static List<Path> savedImages(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.filter(Files::isDirectory).filter(entry -> !entry.getFileName().toString().startsWith(PARTIAL_PREFIX))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the buildah cache images in " + directory, e);
        }
    }
}
