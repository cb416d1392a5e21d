package io.jenkins.plugins.optimizeddeploy.engine.imagebuild;

/** A backend that builds a plan's targets and pushes their images and caches: buildx bake, docker or buildah. */
public interface ImageBuilder {
    /** {@code buildx}, {@code docker} or {@code buildah}. */
    String name();

    /**
     * Builds and pushes every target of {@code plan}.
     *
     * @throws ImageBuildException naming the targets that failed and why; cache exports never fail a build
     */
    BuildResult build(BuildPlan plan, BuildProgress progress);
}
