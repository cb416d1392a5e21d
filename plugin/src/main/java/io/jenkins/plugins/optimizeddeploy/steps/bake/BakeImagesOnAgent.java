package io.jenkins.plugins.optimizeddeploy.steps.bake;

import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.optimizeddeploy.engine.BakeImages;
import io.jenkins.plugins.optimizeddeploy.engine.bake.BakeFileException;
import io.jenkins.plugins.optimizeddeploy.engine.errors.BadInputException;
import io.jenkins.plugins.optimizeddeploy.engine.errors.EngineException;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.BuildRequest;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.BuildResult;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.BuildResultFields;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.BuilderBackend;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.ImageBuildException;
import io.jenkins.plugins.optimizeddeploy.engine.metrics.MetricsJson;
import io.jenkins.plugins.optimizeddeploy.engine.metrics.MetricsParts;
import io.jenkins.plugins.optimizeddeploy.engine.metrics.Phase;
import io.jenkins.plugins.optimizeddeploy.engine.registry.RegistryClient;
import io.jenkins.plugins.optimizeddeploy.engine.registry.RegistryException;
import io.jenkins.plugins.optimizeddeploy.engine.registry.auth.CredentialsException;
import io.jenkins.plugins.optimizeddeploy.steps.AgentFailure;
import io.jenkins.plugins.optimizeddeploy.steps.BuilderAccess;
import io.jenkins.plugins.optimizeddeploy.steps.LaunchedCommandRunner;
import io.jenkins.plugins.optimizeddeploy.steps.LaunchedProcesses;
import io.jenkins.plugins.optimizeddeploy.steps.StepOutcome;
import io.jenkins.plugins.optimizeddeploy.steps.WorkspaceFile;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import jenkins.MasterToSlaveFileCallable;

/**
 * The engine's bake, run on the agent that holds the workspace: the bake file, the build contexts and the local
 * cache folder are there, and the registry is reached from there. Every docker, buildah or git process starts
 * through the step's Launcher ({@link LaunchedProcesses}), where the build's {@code sh} would start it. Each target's
 * start and finish go to the build log as they happen; what comes back is a {@link StepOutcome}.
 */
public final class BakeImagesOnAgent extends MasterToSlaveFileCallable<StepOutcome<Map<String, Object>>> {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final BuildRequest request;
    private final BuilderBackend backend;
    private final BuilderAccess access;
    private final LaunchedProcesses processes;
    private final TaskListener listener;

    /** @param file the bake file, relative to the workspace */
    public BakeImagesOnAgent(String file, BuildRequest request, BuilderBackend backend, BuilderAccess access,
            LaunchedProcesses processes, TaskListener listener) {
        this.file = Objects.requireNonNull(file, "the bake file is required");
        this.request = Objects.requireNonNull(request, "the build request is required for " + file);
        this.backend = Objects.requireNonNull(backend, "the build backend is required for " + file);
        this.access = Objects.requireNonNull(access, "the builders' access is required for " + file);
        this.processes = Objects.requireNonNull(processes, "the step's processes are required for " + file);
        this.listener = Objects.requireNonNull(listener, "a build log is required for " + file);
    }

    @Override
    public StepOutcome<Map<String, Object>> invoke(File workspace, VirtualChannel channel) throws IOException {
        long started = System.nanoTime();
        BuildResult result;
        try {
            result = bake(workspace.toPath());
        } catch (EngineException | UncheckedIOException e) {
            // Targets built before the failure are no release: the record gets no image, only the time and failure.
            return new StepOutcome<>(null, List.of(), List.of(), MetricsJson.write(
                    MetricsParts.failedPhase(Phase.BUILD, StepOutcome.millisSince(started))),
                    BakeImagesStep.userError(e));
        } catch (RuntimeException e) {
            throw new AgentFailure(BakeImagesStep.FUNCTION_NAME + " on the agent", e);
        }
        return new StepOutcome<>(BuildResultFields.of(result), List.of(BakeSummary.line(result)),
                BakeSummary.records(result),
                MetricsJson.write(MetricsParts.build(result, StepOutcome.millisSince(started))), null);
    }

    /**
     * Builds and pushes the request's targets, with the local cache folder resolved against the workspace (unset:
     * beside it).
     *
     * @throws BakeFileException     naming the file when it is missing or not a valid bake file
     * @throws ImageBuildException   naming the target when a build fails
     * @throws BadInputException naming the file when it is outside the workspace
     */
    BuildResult bake(Path workspace) {
        Path bakeFile = WorkspaceFile.resolve(workspace, "file", file);
        Path localCache = this.request.cache().local().map(folder -> workspace.resolve(folder).normalize())
                .orElse(workspace.resolveSibling(workspace.getFileName() + BakeCache.DEFAULT_DIRECTORY_SUFFIX));
        BuildRequest request = new BuildRequest(this.request.targets(), this.request.registry(), this.request.tags(),
                this.request.revision(), this.request.platform(), this.request.cache().withLocalDirectory(localCache),
                this.request.environment());
        try (BuilderAccess.Session session = access.open(List.of(request.registry(), request.cache().repository()));
                RegistryClient registry = session.registry()) {
            BakeImages bake = new BakeImages(new LaunchedCommandRunner(processes), registry, session.docker(),
                    session.buildah());
            return bake.run(bakeFile, request, backend,
                    line -> listener.getLogger().println(BakeImagesStep.FUNCTION_NAME + ": " + line));
        }
    }
}
