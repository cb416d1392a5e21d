package io.jenkins.plugins.optimizeddeploy.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.optimizeddeploy.engine.exec.CommandResult;
import io.jenkins.plugins.optimizeddeploy.engine.exec.CommandRunner;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.BuildPlanner;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.BuildProgress;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.BuildRequest;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.BuildResult;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.CacheTimes;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.DockerSettings;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.ImageBuilder;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.RecordingRunner;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.SampleAppCopy;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.SampleAppRequest;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.StepStatistics;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.buildah.BuildahBuilder;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.buildah.BuildahSettings;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.buildah.BuildahStorageDriver;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.docker.DockerBuilder;
import io.jenkins.plugins.optimizeddeploy.engine.registry.RegistryClient;
import io.jenkins.plugins.optimizeddeploy.engine.registry.RegistryOptions;
import io.jenkins.plugins.optimizeddeploy.engine.registry.auth.CredentialsSource;
import io.jenkins.plugins.optimizeddeploy.testsupport.BenchmarkSection;
import io.jenkins.plugins.optimizeddeploy.testsupport.BuildahExtension;
import io.jenkins.plugins.optimizeddeploy.testsupport.DockerdExtension;
import io.jenkins.plugins.optimizeddeploy.testsupport.RegistryExtension;
import io.jenkins.plugins.optimizeddeploy.testsupport.SampleApp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cold, warm and new-agent builds of the sample app's essential group per backend, written to its own section of
 * docs/BENCHMARKS.md (other benchmarks own the other sections).
 * Not a test (its name does not end in Test, so {@code mvn verify} leaves it out): {@code bench/build} runs it.
 * Timings are measured here and never asserted.
 */
class BuildBenchmark {
    @RegisterExtension
    static final RegistryExtension registry = RegistryExtension.plain().perTestClass();
    @RegisterExtension
    static final DockerdExtension dockerAgent = new DockerdExtension().perTestClass();
    @RegisterExtension
    static final DockerdExtension dockerNewAgent = new DockerdExtension().perTestClass();
    @RegisterExtension
    static final BuildahExtension buildahAgent = new BuildahExtension().perTestClass();
    @RegisterExtension
    static final BuildahExtension buildahNewAgent = new BuildahExtension().perTestClass();
    @RegisterExtension
    static final BuildahExtension vfsAgent = new BuildahExtension().perTestClass();
    @RegisterExtension
    static final BuildahExtension vfsNewAgent = new BuildahExtension().perTestClass();

    private static final RegistryClient REGISTRY_CLIENT = new RegistryClient(RegistryOptions.defaults(), CredentialsSource.anonymous());

    private static final String COLD = "cold";
    private static final String WARM = "warm (web/index.html changed)";
    /** buildah with the vfs fallback named, measured in the same run to show what the storage driver is worth. */
    private static final String VFS = "buildah-vfs";

    /** Warm builds are cheap and noisy: the median of this many, each after its own change, is reported. */
    private static final int WARM_RUNS = 3;
    /** Per backend, the fastest and slowest of its warm builds. */
    private static final Map<String, List<Run>> WARM_RANGES = new TreeMap<>();
    private static final Set<String> COMMAND_KINDS = Set.of("build", "bud", "push", "pull", "inspect", "info");

    /** The buildah storage driver the engine chose on the benchmark's agent, and why. */
    private static String buildahStorage = "";
    /** The 1-minute load average when the run started: other work on the machine stretches the short warm builds. */
    private static String loadAtStart = "";

    /** One build: its wall time, steps, cache import and export time summed over the targets, and its commands' times. */
    private record Run(String backend, String phase, long wallMillis, StepStatistics steps, CacheTimes cacheTimes,
            String commandTimes) {
    }

    @AfterAll
    static void closeRegistryClient() {
        REGISTRY_CLIENT.close();
    }

    @Test
    void measureColdWarmAndNewAgentBuilds(@TempDir Path directory) throws Exception {
        loadAtStart = loadAverage();
        String baseImage = registry.pushBusyboxBase("base/busybox", "bench");
        List<Run> runs = new ArrayList<>();
        runs.addAll(measure("docker", directory.resolve("docker"), baseImage,
                (agent, runner) -> new DockerBuilder(runner, REGISTRY_CLIENT, DockerSettings.defaults(
                        (agent ? dockerAgent : dockerNewAgent).environment()))));
        runs.addAll(measure("buildah", directory.resolve("buildah"), baseImage,
                (agent, runner) -> buildah(agent ? buildahAgent : buildahNewAgent, List.of(), runner)));
        buildahStorage = BuildahStorageDriver.choose(new RecordingRunner(), settings(buildahAgent, List.of())).summary();
        runs.addAll(measure(VFS, directory.resolve(VFS), baseImage,
                (agent, runner) -> buildah(agent ? vfsAgent : vfsNewAgent, List.of("--storage-driver", "vfs"), runner)));
        Path report = SampleApp.directory().getParent().getParent().resolve("docs/BENCHMARKS.md");
        new BenchmarkSection("bench/build").writeInto(report, "Benchmarks", markdown(runs));
        assertThat(runs).hasSize(9);
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    private static ImageBuilder buildah(BuildahExtension storage, List<String> driver, CommandRunner runner) {
        return new BuildahBuilder(runner, REGISTRY_CLIENT, settings(storage, driver));
    }

    private static BuildahSettings settings(BuildahExtension storage, List<String> driver) {
        List<String> global = new ArrayList<>(storage.globalArguments());
        if (!global.containsAll(driver)) {
            global.addAll(driver);
        }
        return BuildahSettings.defaults(global, storage.environment()).withTlsVerify(false);
    }

    /** cold on the agent, warm on it after a web/index.html change, then the same source on a brand-new agent. */
    private static List<Run> measure(String backend, Path app, String baseImage, BiFunction<Boolean, CommandRunner, ImageBuilder> builderOnAgent) {
        SampleAppCopy.into(app);
        String repository = registry.hostPort() + "/bench-" + backend;
        BuildRequest request = SampleAppRequest.essential(repository, repository + "/cache", "main", baseImage);
        List<Run> runs = new ArrayList<>();
        runs.add(run(backend, COLD, runner -> builderOnAgent.apply(true, runner), app, request));
        List<Run> warm = new ArrayList<>();
        for (int change = 1; change <= WARM_RUNS; change++) {
            SampleAppCopy.change(app.resolve("web/index.html"), "<!-- benchmark change " + change + " -->\n");
            warm.add(run(backend, WARM, runner -> builderOnAgent.apply(true, runner), app, request));
        }
        warm.sort(Comparator.comparingLong(Run::wallMillis));
        WARM_RANGES.put(backend, List.of(warm.get(0), warm.get(warm.size() - 1)));
        runs.add(warm.get(warm.size() / 2));
        runs.add(run(backend, "new agent (registry cache only)", runner -> builderOnAgent.apply(false, runner), app, request));
        return runs;
    }

    private static Run run(String backend, String phase, Function<CommandRunner, ImageBuilder> builderWith, Path app,
            BuildRequest request) {
        RecordingRunner runner = new RecordingRunner();
        long started = System.nanoTime();
        BuildResult result = builderWith.apply(runner).build(BuildPlanner.plan(app.resolve("docker-bake.hcl"), request),
                BuildProgress.SILENT);
        CacheTimes cacheTimes = result.targets().stream()
                .map(target -> new CacheTimes(target.cacheImportMillis(), target.cacheExportMillis()))
                .reduce(CacheTimes.NONE, CacheTimes::plus);
        return new Run(backend, phase, (System.nanoTime() - started) / 1_000_000, result.steps(), cacheTimes,
                commandTimes(runner));
    }

    /** Per kind of command (build, bud, push...): how many ran and their summed time, e.g. "4 × build 2.1 s". */
    private static String commandTimes(RecordingRunner runner) {
        Map<String, List<Duration>> byKind = new TreeMap<>();
        for (CommandResult result : runner.results()) {
            String kind = Arrays.stream(result.command().split(" ")).filter(COMMAND_KINDS::contains).findFirst()
                    .orElse(result.command().split(" ")[0]);
            byKind.computeIfAbsent(kind, any -> new ArrayList<>()).add(result.duration());
        }
        List<String> parts = new ArrayList<>();
        byKind.forEach((kind, durations) -> parts.add(String.format(Locale.ROOT, "%d × %s %.1f s", durations.size(), kind,
                durations.stream().mapToLong(Duration::toMillis).sum() / 1000.0)));
        return String.join(", ", parts);
    }

    private static String markdown(List<Run> runs) {
        StringBuilder text = new StringBuilder()
                .append("## Image builds: cold, warm and new agent\n\n")
                .append("Generated by `bench/build` (engine `BuildBenchmark`; it runs `mvn -B -q -o test -pl engine -am")
                .append(" -Dtest=BuildBenchmark -Dsurefire.failIfNoSpecifiedTests=false`) on ").append(Instant.now())
                .append(" with ").append(Runtime.getRuntime().availableProcessors()).append(" CPUs: the sample app's")
                .append(" `essential` group (web, worker), a private dockerd 20.10 (BuildKit) or buildah 1.28, and a")
                .append(" local registry. buildah's storage driver as the engine chose it: ").append(buildahStorage)
                .append("; buildah-vfs is the same backend with `--storage-driver vfs` (the engine's fallback where")
                .append(" overlay does not work), measured in the same run for comparison. Targets at once, as the")
                .append(" backends' defaults: docker ").append(DockerSettings.defaults(Map.of()).parallelism()).append(", buildah ")
                .append(BuildahSettings.defaults(List.of(), Map.of()).parallelism()).append(". 1-minute load average when the run started: ").append(loadAtStart)
                .append(", when it ended: ").append(loadAverage()).append(".\n")
                .append("Cold: empty agent and cache. Warm: the same agent after a change to `web/index.html`, the")
                .append(" median of ").append(WARM_RUNS).append(" such builds (each after its own change; range: ")
                .append(WARM_RANGES.entrySet().stream().map(range -> String.format(Locale.ROOT, "%s %.1f-%.1f s",
                        range.getKey(), range.getValue().get(0).wallMillis() / 1000.0,
                        range.getValue().get(1).wallMillis() / 1000.0)).collect(Collectors.joining(", "))).append(").")
                .append(" New agent: a brand-new dockerd or buildah storage whose only cache is the registry's, same")
                .append(" source as warm.\n\n")
                .append("| backend | build | wall time | steps cached | hit rate | wall time / cold | cache import |"
                        + " cache export |\n")
                .append("|---|---|---:|---:|---:|---:|---:|---:|\n");
        for (Run run : runs) {
            text.append(String.format(Locale.ROOT, "| %s | %s | %.1f s | %d / %d | %.0f %% | %.0f %% | %.1f s | %.1f s |%n",
                    run.backend(), run.phase(), run.wallMillis() / 1000.0, run.steps().cached(), run.steps().total(),
                    run.steps().hitRate() * 100, 100.0 * run.wallMillis() / cold(runs, run.backend()).wallMillis(),
                    run.cacheTimes().importMillis() / 1000.0, run.cacheTimes().exportMillis() / 1000.0));
        }
        text.append("\nCache import and export: what each target's result reports (BuildKit's cache vertices and the layers"
                + " pulled for cached steps, docker's cache-image pushes; buildah's cache pulls and pushes timed by its"
                + " output lines), summed over the targets, which build in parallel.\n");
        text.append("\nWarm wall time against the target of at most 25 % of cold:");
        runs.stream().map(Run::backend).distinct().forEach(backend -> {
            double ratio = (double) phase(runs, backend, WARM).wallMillis() / cold(runs, backend).wallMillis();
            long coldMillis = cold(runs, backend).wallMillis();
            text.append(String.format(Locale.ROOT, " %s %.0f %% (%s; %.0f-%.0f %% over its %d warm builds);", backend,
                    ratio * 100, ratio <= 0.25 ? "met" : "missed",
                    100.0 * WARM_RANGES.get(backend).get(0).wallMillis() / coldMillis,
                    100.0 * WARM_RANGES.get(backend).get(1).wallMillis() / coldMillis, WARM_RUNS));
        });
        text.setLength(text.length() - 1);
        text.append(".\n\nWhere the warm builds' time goes (the engine's commands, summed over the targets):\n\n");
        runs.stream().filter(run -> run.phase().equals(WARM))
                .forEach(run -> text.append("- ").append(run.backend()).append(": ").append(run.commandTimes()).append('\n'));
        text.append("\nWhat the numbers are made of:\n\n")
                .append("- The builder stage generates the worker's seed catalog (600 000 items, awk and `gzip -9`): most")
                .append(" of a cold build. Each service stage copies its own sources in its last step, so a change to")
                .append(" `web/index.html` reruns that one step of the web image.\n")
                .append("- A warm build still pays what every build pays with everything cached: for docker, per target a")
                .append(" `docker build` of each intermediate stage and of the final one, cache and image pushes and")
                .append(" registry look-ups; for buildah, every step of `bud` is committed as an image and pushed to the")
                .append(" registry cache (`--cache-to`), cached or not, and each of the engine's 3 `--label`s is a LABEL")
                .append(" step of its own; then the image and cache-marker pushes. With vfs each step also copies the")
                .append(" whole root file system, which overlay does not.\n")
                .append("- BuildKit counts the steps that change files (RUN, COPY, WORKDIR); buildah counts every")
                .append(" instruction (ENV, CMD...), but not the `LABEL` steps buildah 1.28 appends for the engine's")
                .append(" `--label`s: BuildKit shows no step for labels either.\n");
        return text.toString();
    }

    private static Run cold(List<Run> runs, String backend) {
        return phase(runs, backend, COLD);
    }

    private static Run phase(List<Run> runs, String backend, String phase) {
        return runs.stream().filter(run -> run.backend().equals(backend) && run.phase().equals(phase)).findFirst()
                .orElseThrow(() -> new IllegalStateException("No " + phase + " run of " + backend + " in " + runs));
    }
}
