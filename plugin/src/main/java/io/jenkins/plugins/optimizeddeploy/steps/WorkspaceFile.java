package io.jenkins.plugins.optimizeddeploy.steps;

import io.jenkins.plugins.optimizeddeploy.engine.errors.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A path a step argument names, resolved in the workspace with its links followed. A path that leads out of the
 * workspace is refused, whether by its text ({@code ../x}, {@code /etc/x}) or through a link: a committed
 * {@code Dockerfile -> ~/.git-credentials}, a linked folder on the way, or a link where a report is to be created.
 * The workspace is a checkout of code that anyone who can push may shape, and the agent's files are not theirs.
 */
final class WorkspaceFile {
    /** How many links one path may pass through, as Linux allows before it answers ELOOP. */
    private static final int MAX_LINKS = 40;

    private WorkspaceFile() {
    }

    /**
     * {@code name} resolved against {@code workspace}: the real path of the file, or where it is to be created when
     * it does not exist yet.
     *
     * @throws BadInputException naming the argument and the path when it leads out of the workspace (the
     *                                  message never says where a link points)
     */
    static Path resolve(Path workspace, String argument, String name) {
        Path root = realPath(workspace.toAbsolutePath().normalize(), argument, name);
        Path resolved = root.resolve(name).normalize();
        if (!resolved.startsWith(root)) {
            throw new BadInputException("the " + argument + " '" + name + "' is outside the workspace " + root);
        }
        Path real = realPath(resolved, argument, name);
        if (!real.startsWith(root)) {
            throw new BadInputException("the " + argument + " '" + name + "' is outside the workspace " + root
                    + ": a link leads out of it");
        }
        return real;
    }

    private static Path realPath(Path path, String argument, String name) {
        try {
            return followLinks(path, MAX_LINKS);
        } catch (IOException e) {
            throw new BadInputException("the " + argument + " '" + name + "' cannot be resolved in the"
                    + " workspace: " + e.getMessage(), e);
        }
    }

    /**
     * The path with every link followed, also where its last parts do not exist yet: what a file created there
     * would really be. Parts that do not exist cannot be links, so the rest of the path is normalised as text.
     */
    private static Path followLinks(Path path, int linksLeft) throws IOException {
        if (Files.exists(path)) {
            return path.toRealPath();
        }
        Path parent = path.getParent();
        if (parent == null) {
            return path;
        }
        Path realParent = followLinks(parent, linksLeft);
        if (Files.isSymbolicLink(path)) {
            if (linksLeft == 0) {
                throw new IOException("too many levels of links");
            }
            return followLinks(realParent.resolve(Files.readSymbolicLink(path)), linksLeft - 1);
        }
        return realParent.resolve(path.getFileName()).normalize();
    }
}
