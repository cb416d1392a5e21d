package io.jenkins.plugins.optimizeddeploy.engine.imagebuild.buildah;

import io.jenkins.plugins.optimizeddeploy.engine.cache.CacheSource;
import io.jenkins.plugins.optimizeddeploy.engine.cache.LocalCacheRead;
import io.jenkins.plugins.optimizeddeploy.engine.cache.WrittenCache;
import io.jenkins.plugins.optimizeddeploy.engine.exec.Command;
import io.jenkins.plugins.optimizeddeploy.engine.exec.CommandResult;
import io.jenkins.plugins.optimizeddeploy.engine.exec.CommandRunner;
import io.jenkins.plugins.optimizeddeploy.engine.image.Digest;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.BuildPlan;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.BuildProgress;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.BuildResult;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.BuildStep;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.CacheTimes;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.ImageBuildException;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.ImageBuilder;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.ParallelTargets;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.PlannedTarget;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.PushedDigest;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.StepStatistics;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.TargetResult;
import io.jenkins.plugins.optimizeddeploy.engine.inspect.ImageInspection;
import io.jenkins.plugins.optimizeddeploy.engine.inspect.ImageInspector;
import io.jenkins.plugins.optimizeddeploy.engine.inspect.Provenance;
import io.jenkins.plugins.optimizeddeploy.engine.registry.RegistryClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * buildah with {@code --layers} and its registry layer cache, which covers every stage: {@code --cache-to} the
 * primary cache repository, {@code --cache-from} the first registry source of the cache plan that has been written
 * (buildah 1.28 takes only one), else the step images of the local cache folder ({@link BuildahLocalCache}). The
 * final image also goes to the cache repository as the marker that it exists.
 * Images are built with {@code --format docker} (the OCI format drops HEALTHCHECK) and pushed with
 * {@code --digestfile}. The storage driver is chosen once per build ({@link BuildahStorageDriver}: overlay where
 * it works, else vfs) and reported as a progress line and in the result's reason.
 */
public final class BuildahBuilder implements ImageBuilder {
    private final CommandRunner runner;
    private final RegistryClient registry;
    private final BuildahSettings settings;
    private final BuildahLocalCache localCache;

    public BuildahBuilder(CommandRunner runner, RegistryClient registry, BuildahSettings settings) {
        this.runner = runner;
        this.registry = registry;
        this.settings = settings;
        this.localCache = new BuildahLocalCache(runner, settings);
    }

    @Override
    public String name() {
        return "buildah";
    }

    @Override
    public BuildResult build(BuildPlan plan, BuildProgress progress) {
        for (PlannedTarget target : plan.targets()) {
            target.requireOnePlatform(plan.bakeFile(), "the buildah backend");
            target.contexts().forEach((name, value) -> {
                if (value.startsWith("target:")) {
                    throw new ImageBuildException("Target " + target.name() + " of " + plan.bakeFile() + " takes its context "
                            + name + " from another bake " + value + ", which only buildx bake builds: build it with the"
                            + " buildx backend");
                }
            });
        }
        BuildahStorageDriver storage = BuildahStorageDriver.choose(runner, settings);
        progress.line("buildah storage driver: " + storage.summary());
        BuildahBuilder onStorage = new BuildahBuilder(runner, registry, settings.withGlobalArguments(storage.globalArguments()));
        return new BuildResult(name(), "requested; storage driver " + storage.summary(), ParallelTargets.build(
                plan.targets(), settings.parallelism(), target -> onStorage.buildTarget(target, progress)));
    }

    private TargetResult buildTarget(PlannedTarget target, BuildProgress progress) {
        progress.started(target, "buildah");
        long started = System.nanoTime();
        Optional<CacheSource> written = WrittenCache.firstIn(target.cache(), registry);
        Optional<String> cacheFrom = written.map(CacheSource::location);
        LocalCacheRead loaded = written.isPresent() ? LocalCacheRead.empty()
                : target.cache().local().map(localCache::load).orElse(LocalCacheRead.empty());
        String cacheSource = written.map(CacheSource::toString).orElseGet(() -> target.cache().local()
                .map(folder -> loaded.describe(folder.toString()))
                .orElse(LocalCacheRead.NO_CACHE));
        List<String> exportFailures = new ArrayList<>();
        TimedLines output = new TimedLines();
        CommandResult build = runner.run(bud(target, cacheFrom, true), output);
        CacheTimes cacheTimes = BuildahOutputParser.cacheTimes(output.lines()).plus(new CacheTimes(loaded.millis(), 0));
        if (!build.succeeded() && cacheExportFailure(build).isPresent()) {
            // buildah stops the build when it cannot push a cache layer; the layers it made are local, so again
            // without --cache-to costs little, and the cache failure is reported instead of failing the build
            exportFailures.add(target.cache().primary().location() + " (" + cacheExportFailure(build).get() + ")");
            output = new TimedLines();
            build = runner.run(bud(target, cacheFrom, false), output);
            cacheTimes = cacheTimes.plus(BuildahOutputParser.cacheTimes(output.lines()));
        }
        if (!build.succeeded()) {
            throw new ImageBuildException("buildah bud of " + target.image() + " failed with exit code "
                    + build.exitCode() + ":\n" + build.tail(15));
        }
        Digest digest = null;
        String local = target.image().toString();
        for (String image : target.imagesAsText()) {
            Pushed pushed = push(local, image);
            if (!pushed.result().succeeded()) {
                throw new ImageBuildException("could not push " + image + ": " + pushed.result().lastLine());
            }
            digest = digest == null ? pushed.digest() : digest;
        }
        long exportStarted = System.nanoTime();
        Pushed marker = push(local, target.cache().finalReference());
        if (!marker.result().succeeded()) {
            exportFailures.add(target.cache().finalReference() + " (exit code " + marker.result().exitCode() + ": "
                    + marker.result().lastLine() + ")");
        }
        List<String> stepImages = BuildahLocalCache.stepImages(output.lines().stream().map(TimedLine::line).toList());
        target.cache().local().flatMap(folder -> localCache.save(folder, stepImages)).ifPresent(exportFailures::add);
        cacheTimes = cacheTimes.plusExport((System.nanoTime() - exportStarted) / 1_000_000);
        List<BuildStep> steps = BuildahOutputParser.withoutLabelSteps(BuildahOutputParser.parse(build.stdout()),
                target.labels().keySet());
        ImageInspection inspection = new ImageInspector(registry).inspect(target.image());
        TargetResult result = TargetResult.builder(target.name(), name())
                .pushed(target.images(), digest == null ? inspection.digest() : digest, inspection.firstCompressedBytes())
                .platformSizes(inspection.compressedSizes())
                .provenance(Provenance.missing("backend " + name() + " does not attach it"))
                .durationMillis((System.nanoTime() - started) / 1_000_000)
                .steps(StepStatistics.of(steps), StepStatistics.executedNames(steps))
                .cache(cacheSource, cacheTimes, exportFailures).build();
        progress.finished(result);
        return result;
    }

    /** {@code buildah bud}, masking the credentials a named context's URL may carry wherever the command shows. */
    private Command bud(PlannedTarget target, Optional<String> cacheFrom, boolean exportCache) {
        return settings.command(budArguments(target, cacheFrom, exportCache))
                .withSecrets(target.contextCredentials().toArray(String[]::new));
    }

    /** The arguments of {@code buildah bud}, after the global ones. */
    private List<String> budArguments(PlannedTarget target, Optional<String> cacheFrom, boolean exportCache) {
        List<String> arguments = new ArrayList<>(List.of("bud", "--isolation", "chroot", "--layers", "--format", "docker"));
        if (settings.hostNetwork()) {
            arguments.addAll(List.of("--network", "host"));
        }
        if (!settings.tlsVerify()) {
            arguments.add("--tls-verify=false");
        }
        if (exportCache) {
            arguments.addAll(List.of("--cache-to", target.cache().primary().location()));
        }
        cacheFrom.ifPresent(repository -> arguments.addAll(List.of("--cache-from", repository)));
        if (!target.platforms().isEmpty()) {
            arguments.addAll(List.of("--platform", target.platforms().get(0)));
        }
        if (!target.stage().isEmpty()) {
            arguments.addAll(List.of("--target", target.stage()));
        }
        target.sortedArgs().forEach((name, value) -> arguments.addAll(List.of("--build-arg", name + "=" + value)));
        target.sortedContexts().forEach((name, value) -> arguments.addAll(List.of("--build-context", name + "=" + value)));
        target.sortedLabels().forEach((name, value) -> arguments.addAll(List.of("--label", name + "=" + value)));
        target.imagesAsText().forEach(image -> arguments.addAll(List.of("--tag", image)));
        arguments.addAll(List.of("--file", target.dockerfile().toString(), target.context().toString()));
        return arguments;
    }

    /** What a push did; the digest is null when it failed. */
    private record Pushed(CommandResult result, Digest digest) {
    }

    private Pushed push(String local, String destination) {
        Path digestFile;
        try {
            digestFile = Files.createTempFile("buildah-digest", ".txt");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a digest file to push " + destination, e);
        }
        try {
            List<String> arguments = new ArrayList<>(List.of("push"));
            if (!settings.tlsVerify()) {
                arguments.add("--tls-verify=false");
            }
            arguments.addAll(List.of("--digestfile", digestFile.toString(), local, "docker://" + destination));
            CommandResult result = runner.run(settings.command(arguments));
            return new Pushed(result, result.succeeded()
                    ? PushedDigest.read("the digest file of buildah push " + destination,
                            Files.readString(digestFile).strip())
                    : null);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the digest of " + destination + " from " + digestFile, e);
        } finally {
            digestFile.toFile().delete();
        }
    }

    /** The line in which buildah says it could not push a cache layer, if it does. */
    private static Optional<String> cacheExportFailure(CommandResult build) {
        List<String> lines = new ArrayList<>(build.stdout());
        lines.addAll(build.stderr());
        return lines.stream().filter(line -> line.contains("failed pushing cache to")).findFirst().map(String::strip);
    }
}
