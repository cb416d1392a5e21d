package io.jenkins.plugins.optimizeddeploy.engine.cache;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** A folder with everything in it, as the local cache folders handle them: deleted whole or replaced whole. */
public final class FolderTree {
    private FolderTree() {
    }

    /** Deletes {@code root} and everything below it; nothing when it does not exist. Links are removed, not followed. */
    public static void delete(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> tree = Files.walk(root)) {
            for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** Puts {@code replacement} where {@code folder} was, deleting the old folder first. */
    public static void replace(Path folder, Path replacement) throws IOException {
        delete(folder);
        Files.move(replacement, folder);
    }
}
