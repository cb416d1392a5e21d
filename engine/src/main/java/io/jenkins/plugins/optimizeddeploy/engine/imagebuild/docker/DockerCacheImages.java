package io.jenkins.plugins.optimizeddeploy.engine.imagebuild.docker;

import io.jenkins.plugins.optimizeddeploy.engine.cache.CachePlan;
import io.jenkins.plugins.optimizeddeploy.engine.cache.CacheSource;
import java.util.ArrayList;
import java.util.List;

/**
 * The images the docker backend caches with: the final image and one image per intermediate stage (tagged
 * {@code stage-NAME}), each pushed with inline cache to the target's cache repository.
 */
final class DockerCacheImages {
    private DockerCacheImages() {
    }

    /** docker {@code --cache-from} references of one registry {@code source}: its final image and each stage's image. */
    static List<String> cacheFrom(CacheSource source, List<String> stages) {
        List<String> references = new ArrayList<>();
        references.add(source.reference(CachePlan.FINAL_TAG));
        stages.forEach(stage -> references.add(source.reference(stageTag(stage))));
        return references;
    }

    /** Where docker pushes the image of an intermediate {@code stage} (with inline cache) for later builds. */
    static String stageReference(CachePlan plan, String stage) {
        return plan.primary().reference(stageTag(stage));
    }

    private static String stageTag(String stage) {
        return "stage-" + CachePlan.pathComponent(stage, "stage");
    }
}
