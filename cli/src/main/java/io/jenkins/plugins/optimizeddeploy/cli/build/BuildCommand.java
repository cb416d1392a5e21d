package io.jenkins.plugins.optimizeddeploy.cli.build;

import io.jenkins.plugins.optimizeddeploy.cli.common.DockerHostOption;
import io.jenkins.plugins.optimizeddeploy.cli.common.ExitCode;
import io.jenkins.plugins.optimizeddeploy.cli.common.JsonOutput;
import io.jenkins.plugins.optimizeddeploy.cli.common.RecordOption;
import io.jenkins.plugins.optimizeddeploy.cli.common.RegistryAccessOptions;
import io.jenkins.plugins.optimizeddeploy.cli.common.TopCommand;
import io.jenkins.plugins.optimizeddeploy.engine.BakeImages;
import io.jenkins.plugins.optimizeddeploy.engine.bake.BakeReading;
import io.jenkins.plugins.optimizeddeploy.engine.cache.CacheFallback;
import io.jenkins.plugins.optimizeddeploy.engine.cache.CacheSettings;
import io.jenkins.plugins.optimizeddeploy.engine.exec.ProcessCommandRunner;
import io.jenkins.plugins.optimizeddeploy.engine.image.ImageReference;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.BuildRequest;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.BuildResult;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.BuildResultFields;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.BuilderBackend;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.DockerSettings;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.SourceDate;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.SourceRevision;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.buildah.BuildahSettings;
import io.jenkins.plugins.optimizeddeploy.engine.metrics.MetricsParts;
import io.jenkins.plugins.optimizeddeploy.engine.registry.RegistryClient;
import io.jenkins.plugins.optimizeddeploy.engine.registry.auth.TemporaryDockerConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code optimized-deploy build}: bake targets into images, cached in the registry, and say how much was cached. */
@Command(
        name = "build",
        mixinStandardHelpOptions = true,
        description = "Build the targets of a bake file (docker-bake.hcl or .json) and push them under a registry,"
                + " with a registry cache per target and branch that even a new agent starts warm from."
                + " Prints one line per target as it starts and finishes, with its cache hit rate.")
public final class BuildCommand implements Callable<Integer> {
    @ParentCommand
    TopCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--file", required = true, paramLabel = "FILE", description = "The bake file: docker-bake.hcl or docker-bake.json.")
    Path file;

    @ArgGroup(exclusive = true)
    Selection selection = new Selection();

    static final class Selection {
        @Option(names = "--group", paramLabel = "GROUP", description = "Build this group of the bake file (default: its default group).")
        String group;

        @Option(names = "--target", paramLabel = "TARGET", description = "Build this target; repeat for more.")
        List<String> targets = new ArrayList<>();
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Output output = new Output();

    /** Where the images go, or nothing built at all. */
    static final class Output {
        @Option(names = "--registry", required = true, paramLabel = "REGISTRY",
                description = "Registry and repository prefix the images go under, e.g. reg.example.com/team: TARGET is its own repository.")
        String registry;

        @Option(names = "--print", required = true, description = "Build nothing: print the resolved bake definition of the"
                + " selection as JSON, in the shape of docker buildx bake --print (read by buildx where the docker client has"
                + " it, else by the built-in reader).")
        boolean print;
    }

    @Option(names = "--tag", paramLabel = "TAG",
            description = "Tag every image with this; repeat for more (default: the commit, build-NUMBER and the branch).")
    List<String> tags = new ArrayList<>();

    @Option(names = "--backend", paramLabel = "BACKEND", defaultValue = "auto",
            description = "auto, buildx, docker or buildah (default: ${DEFAULT-VALUE}: buildx if its builder can export"
                    + " a registry cache, then docker, then buildah).")
    String backend;

    @Option(names = "--json", description = "Print JSON: {\"targets\": [...]} with digest, duration, steps, cache hit rate, the cache read and"
                    + " cache import and export time per target.")
    boolean json;

    @Option(names = "--platform", paramLabel = "PLATFORM", description = "Build for this platform, e.g. linux/amd64, or several separated by commas (one multi-platform image: buildx only; default: the bake file's platforms, else the agent's).")
    String platform;

    @Option(names = "--var", paramLabel = "NAME=VALUE", description = "Set a bake variable; overrides the environment and the file's default.")
    Map<String, String> variables = new LinkedHashMap<>();

    @Option(names = "--branch", paramLabel = "BRANCH", defaultValue = "${env:BRANCH_NAME:-main}",
            description = "The branch being built: its own cache, its tag (default: $BRANCH_NAME, else main).")
    String branch;

    @Option(names = "--default-branch", paramLabel = "BRANCH", defaultValue = "main",
            description = "The branch whose cache a new branch starts from (default: ${DEFAULT-VALUE}).")
    String defaultBranch;

    @Option(names = "--commit", paramLabel = "SHA", defaultValue = "${env:GIT_COMMIT:-}",
            description = "The commit being built: a tag and the revision label (default: $GIT_COMMIT).")
    String commit;

    @Option(names = "--build-number", paramLabel = "N", defaultValue = "${env:BUILD_NUMBER:-}",
            description = "The CI build number: tag build-N (default: $BUILD_NUMBER).")
    String buildNumber;

    @Option(names = "--source-url", paramLabel = "URL", defaultValue = "${env:GIT_URL:-}",
            description = "The source repository for the source label (default: $GIT_URL).")
    String sourceUrl;

    @Option(names = "--created", paramLabel = "INSTANT",
            description = "The created label, e.g. 2026-11-26T12:00:00Z, passed as SOURCE_DATE_EPOCH (default: SOURCE_DATE_EPOCH,"
                    + " else the commit time of HEAD in the bake file's folder, else now); a stable value keeps buildah's LABEL steps cached.")
    Instant created;

    @Option(names = "--cache-repository", paramLabel = "REPOSITORY",
            description = "Where the caches go: REPOSITORY/TARGET/BRANCH (default: REGISTRY/cache).")
    String cacheRepository;

    @Option(names = "--cache-fallback", paramLabel = "FALLBACK", split = ",",
            description = "Caches read after the branch's own, in order: branch, default-branch, local (default: all three).")
    List<String> cacheFallbacks = new ArrayList<>(List.of("branch", "default-branch", "local"));

    @Option(names = "--cache-dir", paramLabel = "DIR", description = "A local cache folder on this agent, read when no registry cache has been written and written"
                    + " every build: buildx's local cache, docker's cache images (docker save/load), buildah's step images.")
    Path cacheDirectory;

    @Mixin
    DockerHostOption dockerHost;

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "2", description = "Targets built at once by docker or buildah (default: ${DEFAULT-VALUE}).")
    int parallelism;

    @Option(names = "--buildah-global", paramLabel = "ARG",
            description = "A global buildah argument, e.g. --buildah-global=--root --buildah-global=/var/lib/ci-storage; repeat for more."
                    + " --insecure also turns off buildah's TLS verification, which plain-HTTP registries need.")
    List<String> buildahGlobalArguments = new ArrayList<>();

    @Mixin
    RegistryAccessOptions registryAccess;

    @Mixin
    RecordOption record;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (output.print) {
            BakeReading reading = BakeReading.read(new ProcessCommandRunner(), DockerSettings.DEFAULT_BINARY,
                    dockerHost.environment(), List.of(file), bakeEnvironment(), selectedNames());
            err.println("bake file read by " + reading.readBy());
            out.print(reading.print());
            out.flush();
            return ExitCode.OK;
        }
        record.checkBeforeWork();
        BuildResult result;
        try (RegistryClient registry = registryAccess.newClient(spec, parent.stdin(),
                List.of(ImageReference.registryOf(output.registry)));
                TemporaryDockerConfig login = registryAccess.builderDockerConfig().orElse(null)) {
            Map<String, String> builderEnvironment = new HashMap<>(dockerHost.environment());
            if (login != null) {
                builderEnvironment.putAll(login.environment());
            }
            DockerSettings docker = DockerSettings.defaults(builderEnvironment);
            docker = new DockerSettings(docker.binary(), docker.environment(), docker.hostNetwork(), parallelism, docker.timeout());
            BuildahSettings buildah = BuildahSettings.defaults(buildahGlobalArguments, builderEnvironment)
                    .withTlsVerify(!registryAccess.insecureTls()).withParallelism(parallelism);
            result = new BakeImages(new ProcessCommandRunner(), registry, docker, buildah).run(file, request(),
                    BuilderBackend.parse(backend), line -> {
                        synchronized (err) {
                            err.println(line);
                            err.flush();
                        }
                    });
        }
        record.add(millis -> MetricsParts.build(result, millis));
        out.print(json ? JsonOutput.write(BuildResultFields.of(result)) : BuildText.text(result));
        out.flush();
        return ExitCode.OK;
    }

    private List<String> selectedNames() {
        return selection.group != null ? List.of(selection.group) : selection.targets;
    }

    /** The process environment with the --var values and SOURCE_DATE_EPOCH of --created over it. */
    private Map<String, String> bakeEnvironment() {
        Map<String, String> environment = new HashMap<>(System.getenv());
        environment.putAll(variables);
        if (created != null) {
            environment.put(SourceDate.VARIABLE, Long.toString(created.getEpochSecond()));
        }
        return environment;
    }

    BuildRequest request() {
        List<String> selected = selectedNames();
        SourceRevision revision = new SourceRevision(commit, branch, buildNumber, sourceUrl,
                created != null ? created : Instant.now());
        String registryPrefix = registryPrefix();
        CacheSettings cache = new CacheSettings(cacheRepository != null ? cacheRepository : registryPrefix + "/cache",
                branch, defaultBranch, cacheFallbacks.stream().map(CacheFallback::parse).toList(),
                cacheDirectory == null ? null : cacheDirectory.toString());
        return new BuildRequest(selected, registryPrefix, tags, revision, platform, cache, bakeEnvironment());
    }

    private String registryPrefix() {
        return output.registry.replaceAll("/+$", "");
    }
}
