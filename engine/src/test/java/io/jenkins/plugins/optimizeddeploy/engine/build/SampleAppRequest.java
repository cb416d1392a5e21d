package io.jenkins.plugins.optimizeddeploy.engine.build;

import io.jenkins.plugins.optimizeddeploy.engine.cache.CacheSettings;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Build requests for the sample app's essential group against a test registry. */
final class SampleAppRequest {
    /** A fixed revision time: the created label stays the same from build to build, as with a commit's time. */
    static final SourceRevision REVISION = new SourceRevision("0123456789abcdef", "main", "1",
            "https://git.example.com/sample-app.git", Instant.parse("2026-11-26T12:00:00Z"));
    /** The steps downstream of {@code COPY web/ web/} in the builder stage: a change to web/index.html reruns them. */
    static final List<String> WEB_DEPENDENT_STEPS = List.of("[builder 4/7] COPY web/", "[builder 5/7] COPY docs/",
            "[builder 6/7] COPY migrations/", "[builder 7/7] RUN ", "[web 1/1] COPY --from=builder");

    private SampleAppRequest() {
    }

    static BuildRequest essential(String imageRegistry, String cacheRepository, String branch, String baseImage) {
        return new BuildRequest(List.of("essential"), imageRegistry, List.of("t1"), REVISION, "",
                CacheSettings.of(cacheRepository, branch, "main"), Map.of("BASE_IMAGE", baseImage));
    }

    static boolean dependsOnWeb(String stepName) {
        return WEB_DEPENDENT_STEPS.stream().anyMatch(stepName::startsWith);
    }
}
