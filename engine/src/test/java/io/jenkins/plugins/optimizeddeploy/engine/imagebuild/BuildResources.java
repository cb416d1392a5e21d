package io.jenkins.plugins.optimizeddeploy.engine.imagebuild;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** Files under the engine's test resources folder {@code build/}: builders' recorded output, buildx's answers. */
public final class BuildResources {
    private BuildResources() {
    }

    public static Path resource(String name) throws URISyntaxException {
        return Path.of(BuildResources.class.getResource("/build/" + name).toURI());
    }
}
