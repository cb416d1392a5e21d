package io.jenkins.plugins.optimizeddeploy.steps;

import io.jenkins.plugins.optimizeddeploy.jenkinsruntime.PipelineBuild;
import io.jenkins.plugins.optimizeddeploy.jenkinsruntime.UsernamePassword;
import io.jenkins.plugins.optimizeddeploy.testsupport.RegistryExtension;
import io.jenkins.plugins.optimizeddeploy.testsupport.ScratchDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The Pipeline build a step's execution test runs the step in: a fresh {@link PipelineBuild} for each test, in a
 * workspace of its own (deleted after the test), whose job's store holds the login of a test registry as
 * username/password credentials with id {@code registry}. A test method, or a {@code @BeforeEach}
 * method adding what its class needs, receives it as a {@link PipelineBuild} parameter.
 */
public final class StepBuilds implements ParameterResolver {
    private static final String REGISTRY_CREDENTIALS = "registry";
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(StepBuilds.class);

    private final RegistryExtension registry;
    private final UnaryOperator<Path> workspace;

    private StepBuilds(RegistryExtension registry, UnaryOperator<Path> workspace) {
        this.registry = registry;
        this.workspace = workspace;
    }

    /** Builds in an empty workspace whose job can log in to {@code registry}. */
    public static StepBuilds loggedInTo(RegistryExtension registry) {
        return new StepBuilds(registry, UnaryOperator.identity());
    }

    /** These builds with the workspace {@code fill} makes of an empty folder (it returns the workspace). */
    public StepBuilds withWorkspace(UnaryOperator<Path> fill) {
        return new StepBuilds(registry, fill);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == PipelineBuild.class;
    }

    @Override
    public PipelineBuild resolveParameter(ParameterContext parameter, ExtensionContext context) {
        // The test method and its @BeforeEach methods share the context, so they share the build.
        return context.getStore(NAMESPACE).getOrComputeIfAbsent(PipelineBuild.class, ignored -> start(),
                StartedBuild.class).build();
    }

    private StartedBuild start() {
        ScratchDirectory folder = ScratchDirectory.create("step-build");
        Path workspaceFolder = folder.createDirectory("workspace");
        try {
            PipelineBuild build = new PipelineBuild(workspace.apply(workspaceFolder));
            build.job().credentials().add(new UsernamePassword(REGISTRY_CREDENTIALS, registry.username(),
                    registry.password()));
            return new StartedBuild(folder, build);
        } catch (IOException e) {
            folder.delete();
            throw new UncheckedIOException("Cannot start a Pipeline build in " + workspaceFolder, e);
        }
    }

    /** JUnit closes it when the test's context ends, which deletes the workspace. */
    private record StartedBuild(ScratchDirectory folder, PipelineBuild build) implements AutoCloseable {
        @Override
        public void close() {
            folder.delete();
        }
    }
}
