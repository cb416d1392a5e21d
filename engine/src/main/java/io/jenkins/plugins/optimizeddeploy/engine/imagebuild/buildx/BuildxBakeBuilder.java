package io.jenkins.plugins.optimizeddeploy.engine.imagebuild.buildx;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.optimizeddeploy.engine.cache.CacheSource;
import io.jenkins.plugins.optimizeddeploy.engine.cache.FolderTree;
import io.jenkins.plugins.optimizeddeploy.engine.exec.Command;
import io.jenkins.plugins.optimizeddeploy.engine.exec.CommandResult;
import io.jenkins.plugins.optimizeddeploy.engine.exec.CommandRunner;
import io.jenkins.plugins.optimizeddeploy.engine.files.OutputFile;
import io.jenkins.plugins.optimizeddeploy.engine.image.Digest;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.BuildKitProgressParser;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.BuildPlan;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.BuildProgress;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.BuildResult;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.BuildStep;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.CacheTimes;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.DockerSettings;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.ImageBuildException;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.ImageBuilder;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.PlannedTarget;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.PushedDigest;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.StepStatistics;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.TargetResult;
import io.jenkins.plugins.optimizeddeploy.engine.inspect.ImageInspection;
import io.jenkins.plugins.optimizeddeploy.engine.inspect.ImageInspector;
import io.jenkins.plugins.optimizeddeploy.engine.registry.RegistryClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code docker buildx bake} with one generated override file layered over the user's bake file: per target the
 * plan's tags, labels, platform and cache ({@code cache-from} of every source, {@code cache-to} the primary with
 * {@code mode=max,ignore-error=true}), then {@code --push} and {@code --metadata-file} for the digests. All
 * targets build in one bake invocation, so buildx does the parallelism; the wall time is the bake's.
 *
 * <p>Each image gets BuildKit's provenance attestation with {@value #PROVENANCE}: unlike {@code mode=min} it records
 * the build arguments, which the image's history already shows for every {@code RUN} that uses one; build secrets
 * ({@code --secret}) never appear in it. Both modes record the git remote and commit of a build context that is a
 * checkout.
 */
public final class BuildxBakeBuilder implements ImageBuilder {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    static final String PROVENANCE = "--provenance=mode=max";
    private final CommandRunner runner;
    private final RegistryClient registry;
    private final DockerSettings settings;

    public BuildxBakeBuilder(CommandRunner runner, RegistryClient registry, DockerSettings settings) {
        this.runner = runner;
        this.registry = registry;
        this.settings = settings;
    }

    @Override
    public String name() {
        return "buildx";
    }

    @Override
    public BuildResult build(BuildPlan plan, BuildProgress progress) {
        plan.targets().forEach(target -> progress.started(target, "docker buildx bake"));
        long started = System.nanoTime();
        Path workDirectory;
        try {
            workDirectory = Files.createTempDirectory("optimized-deploy-bake");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a folder for the bake override of " + plan.bakeFile(), e);
        }
        Path overrideFile = workDirectory.resolve("override.json");
        Path metadataFile = workDirectory.resolve("metadata.json");
        try {
            OutputFile.writeText(overrideFile, overrideFile(plan, settings.hostNetwork()));
            // bake resolves contexts against its working directory; the plan resolved them against the bake file
            CommandResult result = runner.run(Command.of(arguments(plan, overrideFile, metadataFile))
                    .withWorkingDirectory(plan.bakeFile().getParent())
                    .withEnvironment(settings.environment()).withEnvironment(plan.variableValues())
                    .withTimeout(settings.timeout()));
            if (!result.succeeded()) {
                throw new ImageBuildException("docker buildx bake of " + plan.bakeFile() + " failed with exit code "
                        + result.exitCode() + ":\n" + result.tail(15));
            }
            long durationMillis = (System.nanoTime() - started) / 1_000_000;
            Map<String, Digest> digests = digests(plan.bakeFile().toString(), Files.readString(metadataFile));
            List<String> progressLines = result.stderr().isEmpty() ? result.stdout() : result.stderr();
            Map<String, List<String>> linesByTarget = linesByTarget(plan, progressLines);
            List<TargetResult> results = new ArrayList<>();
            for (PlannedTarget target : plan.targets()) {
                ImageInspection inspection = new ImageInspector(registry).inspect(target.image());
                List<String> targetLines = linesByTarget.getOrDefault(target.name(), List.of());
                List<BuildStep> targetSteps = BuildKitProgressParser.parse(targetLines);
                CacheTimes targetCacheTimes = BuildKitProgressParser.cacheTimes(targetLines);
                List<String> exportFailures = new ArrayList<>(BuildKitProgressParser.cacheExportErrors(targetLines));
                replaceLocalCacheFolder(target).ifPresent(exportFailures::add);
                TargetResult targetResult = TargetResult.builder(target.name(), name())
                        .pushed(target.images(), digests.getOrDefault(target.name(), inspection.digest()),
                                inspection.firstCompressedBytes())
                        .platformSizes(inspection.compressedSizes())
                        .provenance(inspection.firstProvenance())
                        .durationMillis(durationMillis)
                        .steps(StepStatistics.of(targetSteps), StepStatistics.executedNames(targetSteps))
                        .cache("buildx reads " + target.cache().readOrder().stream().map(CacheSource::toString)
                                .collect(Collectors.joining(", ")), targetCacheTimes, exportFailures).build();
                progress.finished(targetResult);
                results.add(targetResult);
            }
            return new BuildResult(name(), "requested", results);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write or read the bake files in " + workDirectory, e);
        } finally {
            overrideFile.toFile().delete();
            metadataFile.toFile().delete();
            workDirectory.toFile().delete();
        }
    }

    /**
     * Puts this build's local cache export in place of the target's local cache folder, if bake wrote one: BuildKit
     * only adds to a folder, so each export starts a new one.
     *
     * @return what went wrong, naming the folder, as a failed cache export
     */
    static Optional<String> replaceLocalCacheFolder(PlannedTarget target) {
        Optional<CacheSource> folder = target.cache().local();
        Optional<Path> export = BuildxCacheEntries.localExport(target.cache()).filter(Files::isDirectory);
        if (folder.isEmpty() || export.isEmpty()) {
            return Optional.empty();
        }
        try {
            FolderTree.replace(Path.of(folder.get().location()), export.get());
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(folder.get() + " (cannot replace it with this build's export " + export.get() + ": " + e + ")");
        }
    }

    /**
     * The override bake file (JSON) for {@code plan}; with {@code hostNetwork} every target's {@code RUN}s use the
     * host's network ({@code network = "host"}, which bake only runs with {@code --allow network.host}).
     */
    public static String overrideFile(BuildPlan plan, boolean hostNetwork) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode targets = root.putObject("target");
        for (PlannedTarget target : plan.targets()) {
            ObjectNode node = targets.putObject(target.name());
            target.imagesAsText().forEach(node.putArray("tags")::add);
            ObjectNode labels = node.putObject("labels");
            target.sortedLabels().forEach(labels::put);
            if (!target.platforms().isEmpty()) {
                target.platforms().forEach(node.putArray("platforms")::add);
            }
            BuildxCacheEntries.cacheFrom(target.cache()).forEach(node.putArray("cache-from")::add);
            BuildxCacheEntries.cacheTo(target.cache()).forEach(node.putArray("cache-to")::add);
            if (hostNetwork) {
                node.put("network", "host");
            }
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the bake override for " + plan.bakeFile(), e);
        }
    }

    /**
     * {@code docker buildx bake --file BAKE --file OVERRIDE --push --provenance=mode=max --metadata-file M
     * --progress plain TARGETS}, with
     * {@code --allow network.host} before the targets where builds use the host's network.
     */
    public List<String> arguments(BuildPlan plan, Path overrideFile, Path metadataFile) {
        List<String> arguments = new ArrayList<>(List.of(settings.binary().toString(), "buildx", "bake",
                "--file", plan.bakeFile().toString(), "--file", overrideFile.toString(), "--push", PROVENANCE,
                "--metadata-file", metadataFile.toString(), "--progress", "plain"));
        if (settings.hostNetwork()) {
            arguments.addAll(List.of("--allow", "network.host"));
        }
        plan.targets().forEach(target -> arguments.add(target.name()));
        return arguments;
    }

    /** Target name to pushed digest ({@code containerimage.digest}) from a bake metadata file. */
    static Map<String, Digest> digests(String source, String metadata) {
        JsonNode root;
        try {
            root = JSON.readTree(metadata);
        } catch (JsonProcessingException e) {
            throw new ImageBuildException("The bake metadata file of " + source + " is not JSON: " + e.getOriginalMessage(), e);
        }
        Map<String, Digest> digests = new LinkedHashMap<>();
        root.properties().forEach(entry -> {
            JsonNode digest = entry.getValue().path("containerimage.digest");
            if (digest.isTextual()) {
                digests.put(entry.getKey(), PushedDigest.read("the bake metadata file of " + source
                        + " for target " + entry.getKey(), digest.textValue()));
            }
        });
        return digests;
    }

    /**
     * Each target's progress lines. With several targets bake prefixes every vertex with its target
     * ({@code [web] importing cache manifest from ...}, {@code [web] exporting cache}): each target gets its own
     * vertices with the prefix removed ({@code [web builder 2/6] RUN ...} becomes {@code [builder 2/6] RUN ...}, as
     * a single build shows it), so the one-build parsers read them.
     */
    static Map<String, List<String>> linesByTarget(BuildPlan plan, List<String> output) {
        if (plan.targets().size() == 1) {
            return Map.of(plan.targets().get(0).name(), output);
        }
        Map<String, String> targetOfVertex = new LinkedHashMap<>();
        Map<String, List<String>> linesByTarget = new LinkedHashMap<>();
        for (String line : output) {
            String[] vertex = line.strip().split(" ", 2);
            if (vertex.length < 2 || !vertex[0].matches("#\\d+")) {
                continue;
            }
            String target = targetOfVertex.get(vertex[0]);
            String rest = vertex[1];
            if (target == null) {
                for (PlannedTarget planned : plan.targets()) {
                    if (rest.startsWith("[" + planned.name() + "] ") || rest.startsWith("[" + planned.name() + " ")) {
                        target = planned.name();
                        targetOfVertex.put(vertex[0], target);
                        rest = rest.startsWith("[" + target + "] ") ? rest.substring(target.length() + 3)
                                : "[" + rest.substring(target.length() + 2);
                        break;
                    }
                }
            }
            if (target != null) {
                linesByTarget.computeIfAbsent(target, name -> new ArrayList<>()).add(vertex[0] + " " + rest);
            }
        }
        return linesByTarget;
    }
}
