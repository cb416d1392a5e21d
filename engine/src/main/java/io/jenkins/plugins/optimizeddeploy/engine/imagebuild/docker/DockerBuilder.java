package io.jenkins.plugins.optimizeddeploy.engine.imagebuild.docker;

import io.jenkins.plugins.optimizeddeploy.engine.cache.CacheSource;
import io.jenkins.plugins.optimizeddeploy.engine.cache.LocalCacheRead;
import io.jenkins.plugins.optimizeddeploy.engine.cache.WrittenCache;
import io.jenkins.plugins.optimizeddeploy.engine.exec.CommandResult;
import io.jenkins.plugins.optimizeddeploy.engine.exec.CommandRunner;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.BuildKitProgressParser;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.BuildPlan;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.BuildProgress;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.BuildResult;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.BuildStep;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.CacheTimes;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.DockerSettings;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.ImageBuildException;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.ImageBuilder;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.ParallelTargets;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.PlannedTarget;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.StepStatistics;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.TargetResult;
import io.jenkins.plugins.optimizeddeploy.engine.inspect.ImageInspection;
import io.jenkins.plugins.optimizeddeploy.engine.inspect.ImageInspector;
import io.jenkins.plugins.optimizeddeploy.engine.inspect.Provenance;
import io.jenkins.plugins.optimizeddeploy.engine.registry.RegistryClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * docker with BuildKit, per target and in parallel up to a bound. Without buildx there is no {@code mode=max}
 * cache export, so every stage gets cached another way: each intermediate stage is built with {@code --target}
 * and pushed with inline cache to its own cache image, then the final stage; all of them, of the first registry
 * source of the cache plan that has been written, are passed as {@code --cache-from}; when none has been, the
 * cache images saved in the local cache folder ({@link DockerLocalCache}) are. A failed cache push or save is
 * reported and the build goes on. On a dockerd with the containerd image store the final stage is built with
 * {@value #PROVENANCE}, which attaches BuildKit's provenance with the build arguments (see the buildx backend); the
 * classic image store cannot hold an attestation.
 */
public final class DockerBuilder implements ImageBuilder {
    private final CommandRunner runner;
    private final RegistryClient registry;
    private final DockerSettings settings;
    private final DockerLocalCache localCache;
    /**
     * Intermediate stages are built one target at a time: targets share them, and BuildKit reports a step that
     * two concurrent builds share to one of them only, which would leave the other's step counts short.
     */
    private final Object intermediateStages = new Object();
    static final String PROVENANCE = "--provenance=mode=max";

    public DockerBuilder(CommandRunner runner, RegistryClient registry, DockerSettings settings) {
        this.runner = runner;
        this.registry = registry;
        this.settings = settings;
        this.localCache = new DockerLocalCache(runner, settings);
    }

    @Override
    public String name() {
        return "docker";
    }

    @Override
    public BuildResult build(BuildPlan plan, BuildProgress progress) {
        for (PlannedTarget target : plan.targets()) {
            target.requireOnePlatform(plan.bakeFile(), "docker build 20.10");
            if (!target.contexts().isEmpty()) {
                throw new ImageBuildException("Target " + target.name() + " of " + plan.bakeFile() + " uses named contexts "
                        + target.contexts().keySet() + ", which docker build 20.10 cannot pass (--build-context needs"
                        + " buildx): build it with the buildx or buildah backend");
            }
        }
        boolean attachesProvenance = DockerSettings.namesContainerdImageStore(
                runner.run(settings.command(DockerSettings.DRIVER_STATUS)).stdout());
        return new BuildResult(name(), "requested", ParallelTargets.build(plan.targets(), settings.parallelism(),
                target -> buildTarget(target, progress, attachesProvenance)));
    }

    private TargetResult buildTarget(PlannedTarget target, BuildProgress progress, boolean attachesProvenance) {
        progress.started(target, "docker (BuildKit)");
        long started = System.nanoTime();
        CacheRead read = readCache(target);
        List<List<String>> outputs = new ArrayList<>();
        List<String> exportFailures = new ArrayList<>();
        long exportNanos = 0;
        List<String> cacheImages = new ArrayList<>();
        for (String stage : target.intermediateStages()) {
            String stageImage = DockerCacheImages.stageReference(target.cache(), stage);
            synchronized (intermediateStages) {
                outputs.add(dockerBuild(target, stage, List.of(stageImage), read.cacheFrom(), false, false));
            }
            long exportStarted = System.nanoTime();
            push(stageImage).ifPresent(exportFailures::add);
            exportNanos += System.nanoTime() - exportStarted;
            cacheImages.add(stageImage);
        }
        List<String> finalTags = new ArrayList<>(target.imagesAsText());
        finalTags.add(target.cache().finalReference());
        outputs.add(dockerBuild(target, target.stage(), finalTags, read.cacheFrom(), true, attachesProvenance));
        for (String image : target.imagesAsText()) {
            push(image).ifPresent(problem -> {
                throw new ImageBuildException("could not push " + image + ": " + problem);
            });
        }
        long exportStarted = System.nanoTime();
        push(target.cache().finalReference()).ifPresent(exportFailures::add);
        cacheImages.add(target.cache().finalReference());
        target.cache().local().flatMap(folder -> localCache.save(folder, cacheImages)).ifPresent(exportFailures::add);
        exportNanos += System.nanoTime() - exportStarted;
        List<BuildStep> steps = StepStatistics.firstReportOfEach(
                outputs.stream().map(BuildKitProgressParser::parse).toList());
        // the cache images' pushes and saves are this backend's cache export, besides what BuildKit reports; loading
        // the local folder is import
        CacheTimes cacheTimes = outputs.stream().map(BuildKitProgressParser::cacheTimes)
                .reduce(new CacheTimes(read.loadMillis(), exportNanos / 1_000_000), CacheTimes::plus);
        ImageInspection pushed = new ImageInspector(registry).inspect(target.image());
        TargetResult result = TargetResult.builder(target.name(), name())
                .pushed(target.images(), pushed.digest(), pushed.firstCompressedBytes())
                .platformSizes(pushed.compressedSizes())
                .provenance(attachesProvenance ? pushed.firstProvenance()
                        : Provenance.missing("backend " + name() + " does not attach it on dockerd's classic image store"))
                .durationMillis((System.nanoTime() - started) / 1_000_000)
                .steps(StepStatistics.of(steps), StepStatistics.executedNames(steps))
                .cache(read.source(), cacheTimes, exportFailures).build();
        progress.finished(result);
        return result;
    }

    /** The cache a build reads: its {@code --cache-from} references, where they came from and the time loading took. */
    private record CacheRead(List<String> cacheFrom, String source, long loadMillis) {
    }

    /** The first registry source that has been written, else the images of the local folder, loaded into dockerd. */
    private CacheRead readCache(PlannedTarget target) {
        Optional<CacheSource> written = WrittenCache.firstIn(target.cache(), registry);
        if (written.isPresent()) {
            return new CacheRead(DockerCacheImages.cacheFrom(written.get(), target.intermediateStages()),
                    written.get().toString(), 0);
        }
        Optional<CacheSource> folder = target.cache().local();
        if (folder.isEmpty()) {
            return new CacheRead(List.of(), LocalCacheRead.NO_CACHE, 0);
        }
        LocalCacheRead loaded = localCache.load(folder.get());
        return new CacheRead(loaded.images(), loaded.describe(folder.get().toString()), loaded.millis());
    }

    /** The arguments of {@code docker build} for {@code stage} of {@code target}. */
    private List<String> buildArguments(PlannedTarget target, String stage, List<String> tags, List<String> cacheFrom,
            boolean finalStage, boolean provenance) {
        List<String> arguments = new ArrayList<>(List.of("build", "--progress", "plain"));
        if (provenance) {
            arguments.add(PROVENANCE);
        }
        if (settings.hostNetwork()) {
            arguments.addAll(List.of("--network", "host"));
        }
        if (!target.platforms().isEmpty()) {
            arguments.addAll(List.of("--platform", target.platforms().get(0)));
        }
        if (!stage.isEmpty()) {
            arguments.addAll(List.of("--target", stage));
        }
        arguments.addAll(List.of("--build-arg", "BUILDKIT_INLINE_CACHE=1"));
        target.sortedArgs().forEach((name, value) -> arguments.addAll(List.of("--build-arg", name + "=" + value)));
        if (finalStage) {
            target.sortedLabels().forEach((name, value) -> arguments.addAll(List.of("--label", name + "=" + value)));
        }
        cacheFrom.forEach(reference -> arguments.addAll(List.of("--cache-from", reference)));
        tags.forEach(tag -> arguments.addAll(List.of("--tag", tag)));
        arguments.addAll(List.of("--file", target.dockerfile().toString(), target.context().toString()));
        return arguments;
    }

    /** BuildKit's progress output of the build. */
    private List<String> dockerBuild(PlannedTarget target, String stage, List<String> tags, List<String> cacheFrom,
            boolean finalStage, boolean provenance) {
        CommandResult result = runner.run(settings.command(buildArguments(target, stage, tags, cacheFrom, finalStage,
                provenance)));
        if (!result.succeeded()) {
            throw new ImageBuildException("docker build of " + (stage.isEmpty() ? "the last stage" : "stage " + stage)
                    + " for " + target.image() + " failed with exit code " + result.exitCode() + ":\n" + result.tail(15));
        }
        return result.stderr().isEmpty() ? result.stdout() : result.stderr();
    }

    /** Empty when pushed, else what went wrong. */
    private Optional<String> push(String image) {
        CommandResult result = runner.run(settings.command(List.of("push", image)));
        return result.succeeded() ? Optional.empty()
                : Optional.of(image + " (exit code " + result.exitCode() + ": " + result.lastLine() + ")");
    }
}
