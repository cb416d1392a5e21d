package io.jenkins.plugins.optimizeddeploy.engine.imagebuild;

import io.jenkins.plugins.optimizeddeploy.engine.errors.BadInputException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The build backends, and {@code auto}: buildx bake (when its builder can export a registry cache), then docker, then
 * buildah, whichever is there first.
 */
public enum BuilderBackend {
    AUTO,
    BUILDX,
    DOCKER,
    BUILDAH;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code auto}, {@code buildx}, {@code docker} or {@code buildah}, in any case. */
    public static BuilderBackend parse(String id) {
        return Arrays.stream(values()).filter(backend -> backend.id().equalsIgnoreCase(id.strip())).findFirst()
                .orElseThrow(() -> new BadInputException("Unknown build backend '" + id + "' (known: "
                        + Arrays.stream(values()).map(BuilderBackend::id).collect(Collectors.joining(", ")) + ")"));
    }
}
