package io.jenkins.plugins.optimizeddeploy.steps;

import java.nio.file.Path;

/** A path a step argument names, resolved in the workspace; a path leading out of the workspace is refused. */
final class WorkspaceFile {

    private WorkspaceFile() {
    }

    /**
     * {@code name} resolved against {@code workspace}.
     *
     * @throws IllegalArgumentException naming the argument and the path when it leads out of the workspace
     */
    static Path resolve(Path workspace, String argument, String name) {
        Path root = workspace.toAbsolutePath().normalize();
        Path resolved = root.resolve(name).normalize();
        if (!resolved.startsWith(root)) {
            throw new IllegalArgumentException("the " + argument + " '" + name + "' is outside the workspace " + root);
        }
        return resolved;
    }
}
