package io.jenkins.plugins.optimizeddeploy.engine.imagebuild;

import io.jenkins.plugins.optimizeddeploy.engine.cache.CacheSettings;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Build requests for the sample app's essential group against a test registry. */
public final class SampleAppRequest {
    /** A fixed revision time: the created label stays the same from build to build, as with a commit's time. */
    public static final SourceRevision REVISION = new SourceRevision("0123456789abcdef", "main", "1",
            "https://git.example.com/sample-app.git", Instant.parse("2026-11-26T12:00:00Z"));
    /** The web stage's last step, the only one a change to web/index.html reruns (both backends name it so). */
    public static final String WEB_CONTENT_STEP = "COPY --chown=app:app web/ /srv/www/";
    /** The bar for the essential group, warm after a web change and on a new agent. */
    public static final double REQUIRED_HIT_RATE = 0.9;

    private SampleAppRequest() {
    }

    public static BuildRequest essential(String imageRegistry, String cacheRepository, String branch, String baseImage) {
        return new BuildRequest(List.of("essential"), imageRegistry, List.of("t1"), REVISION, "",
                CacheSettings.of(cacheRepository, branch, "main"), Map.of("BASE_IMAGE", baseImage));
    }

    /** {@code request} with a local cache folder on the agent. */
    public static BuildRequest withLocalCache(BuildRequest request, Path folder) {
        return new BuildRequest(request.targets(), request.registry(), request.tags(), request.revision(),
                request.platform(), request.cache().withLocalDirectory(folder), request.environment());
    }

    public static boolean isWebContentStep(String stepName) {
        return stepName.endsWith("] " + WEB_CONTENT_STEP);
    }
}
