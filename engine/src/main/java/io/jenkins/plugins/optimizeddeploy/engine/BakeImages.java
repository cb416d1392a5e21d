package io.jenkins.plugins.optimizeddeploy.engine;

import io.jenkins.plugins.optimizeddeploy.engine.bake.BakeReading;
import io.jenkins.plugins.optimizeddeploy.engine.cache.CacheFallback;
import io.jenkins.plugins.optimizeddeploy.engine.exec.CommandRunner;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.BackendChoice;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.BackendSelector;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.BuildPlan;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.BuildPlanner;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.BuildProgress;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.BuildRequest;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.BuildResult;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.BuilderBackend;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.DockerSettings;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.ImageBuilder;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.SourceDate;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.buildah.BuildahBuilder;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.buildah.BuildahSettings;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.buildx.BuildxBakeBuilder;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.docker.DockerBuilder;
import io.jenkins.plugins.optimizeddeploy.engine.registry.RegistryClient;
import io.jenkins.plugins.optimizeddeploy.engine.text.TerminalText;
import java.nio.file.Path;
import java.util.List;

/**
 * The one call behind the {@code bakeImages} step and {@code optimized-deploy build}: plan the request from the
 * bake file, choose the backend ({@code auto} resolved by {@link BackendSelector}), build and push.
 */
public final class BakeImages {
    private final CommandRunner runner;
    private final RegistryClient registry;
    private final DockerSettings docker;
    private final BuildahSettings buildah;

    public BakeImages(CommandRunner runner, RegistryClient registry, DockerSettings docker, BuildahSettings buildah) {
        this.runner = runner;
        this.registry = registry;
        this.docker = docker;
        this.buildah = buildah;
    }

    /**
     * @param request its revision's time is the fallback for the created label; {@link SourceDate} decides
     */
    public BuildResult run(Path bakeFile, BuildRequest request, BuilderBackend backend, BuildProgress log) {
        // progress lines quote what builders print (versions, cache export errors, a RUN's output): escaped, they
        // cannot set the title or clear the screen of whoever reads the log; the output is parsed unescaped
        BuildProgress progress = line -> log.line(TerminalText.escape(line));
        SourceDate created = SourceDate.resolve(request.environment(), bakeFile.toAbsolutePath().getParent(), runner,
                request.revision().created());
        Path absoluteBakeFile = bakeFile.toAbsolutePath().normalize();
        BakeReading reading = BakeReading.read(runner, docker.binary(), docker.environment(), List.of(absoluteBakeFile), request.environment(),
                request.targets());
        progress.line("bake file read by " + reading.readBy());
        BuildPlan plan = BuildPlanner.plan(absoluteBakeFile, reading,
                request.withRevision(request.revision().withCreated(created.created())));
        progress.line("created label: " + created.created() + " (" + created.origin() + ")");
        BackendChoice choice = new BackendSelector(runner, docker.binary(), buildah.binary(), docker.environment())
                .choose(backend);
        progress.line("building " + plan.targets().size() + " target(s) with " + choice.backend().id() + ": " + choice.reason());
        if (request.cache().fallbacks().contains(CacheFallback.LOCAL) && request.cache().local().isEmpty()) {
            progress.line("local cache fallback skipped: no local cache folder was given");
        }
        ImageBuilder builder = switch (choice.backend()) {
            case BUILDX -> new BuildxBakeBuilder(runner, registry, docker);
            case DOCKER -> new DockerBuilder(runner, registry, docker);
            case BUILDAH -> new BuildahBuilder(runner, registry, buildah);
            default -> throw new IllegalStateException("auto is resolved by the selector, got " + choice);
        };
        BuildResult result = builder.build(plan, progress);
        return new BuildResult(choice.backend().id(), choice.reason(), result.targets());
    }
}
