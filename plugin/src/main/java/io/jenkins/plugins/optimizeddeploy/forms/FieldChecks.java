package io.jenkins.plugins.optimizeddeploy.forms;

import io.jenkins.plugins.optimizeddeploy.engine.errors.BadInputException;
import io.jenkins.plugins.optimizeddeploy.engine.image.ImageReference;
import io.jenkins.plugins.optimizeddeploy.engine.retag.RetagRequest;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * What is wrong with a value typed into a form, found with the parsers the steps run: the problem, or empty when the
 * value is fine. Jenkins-free, so the checks are tested as they are; {@link FormAccess} turns them into form
 * validations.
 */
public final class FieldChecks {

    private static final Pattern SEPARATORS = Pattern.compile("[\\s,]+");

    private FieldChecks() {
    }

    /** A required image reference, e.g. {@code registry.example.com/team/web:1.4.2}. */
    public static Optional<String> image(String value) {
        if (value == null || value.isBlank()) {
            return Optional.of("An image is required, e.g. registry.example.com/team/web:1.4.2");
        }
        return problem(value.strip(), ImageReference::parse);
    }

    /** One or more image references, separated by commas, spaces or lines. */
    public static Optional<String> images(String value) {
        if (value == null || value.isBlank()) {
            return Optional.of("At least one image is required, e.g. registry.example.com/team/web:abc123");
        }
        return Arrays.stream(SEPARATORS.split(value.strip())).map(FieldChecks::image).flatMap(Optional::stream)
                .findFirst();
    }

    /**
     * An optional registry and repository prefix the images go under ({@code registry.example.com/team},
     * {@code 127.0.0.1:5000}).
     */
    public static Optional<String> registryPrefix(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        return problem(value.strip(), ImageReference::registryOf);
    }

    /** An optional repository ({@code registry/repository}) without tag or digest. */
    public static Optional<String> repository(String value) {
        return value == null || value.isBlank() ? Optional.empty() : problem(value.strip(), RetagRequest::repository);
    }

    /** An optional file, relative to the workspace and inside it. */
    public static Optional<String> workspaceFile(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String name = value.strip();
        try {
            Path path = Path.of(name);
            if (path.isAbsolute() || path.normalize().startsWith("..")) {
                return Optional.of("'" + name + "' is not inside the workspace: give a path relative to it");
            }
            return Optional.empty();
        } catch (InvalidPathException e) {
            return Optional.of("'" + name + "' is not a file name: " + e.getReason());
        }
    }

    /** Optional files, one per line, each relative to the workspace and inside it. */
    public static Optional<String> workspaceFiles(String value) {
        return value == null ? Optional.empty()
                : value.lines().map(FieldChecks::workspaceFile).flatMap(Optional::stream).findFirst();
    }

    private static Optional<String> problem(String value, Function<String, ?> parser) {
        try {
            parser.apply(value);
            return Optional.empty();
        } catch (BadInputException e) {
            return Optional.of(e.getMessage());
        }
    }
}
