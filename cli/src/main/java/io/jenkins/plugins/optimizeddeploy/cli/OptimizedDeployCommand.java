package io.jenkins.plugins.optimizeddeploy.cli;

import io.jenkins.plugins.optimizeddeploy.engine.build.BakeFileException;
import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.DockerfileParseException;
import io.jenkins.plugins.optimizeddeploy.engine.image.InvalidReferenceException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code optimized-deploy <command>}: the engine from any shell or CI system. */
@Command(
        name = "optimized-deploy",
        mixinStandardHelpOptions = true,
        versionProvider = OptimizedDeployCommand.ManifestVersion.class,
        description = "Fast, small and safe container CI/CD from any shell: the engine of the optimized-deploy Jenkins plugin.",
        subcommands = {InspectCommand.class, BuildCommand.class, RetagCommand.class, ParseCommand.class,
            HardenCommand.class, VerifyCommand.class, DeployCommand.class, RollbackCommand.class,
            CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:ok",
            "1:a gate failed (findings over threshold, unhealthy deploy)",
            "2:bad usage or input",
            "3:failure"
        })
public final class OptimizedDeployCommand {
    /** What the engine throws for input it cannot take: nothing was attempted, so the exit code is 2. */
    private static final List<Class<? extends RuntimeException>> BAD_INPUT = List.of(
            InvalidReferenceException.class, DockerfileParseException.class, BakeFileException.class);

    private final InputStream stdin;

    OptimizedDeployCommand(InputStream stdin) {
        this.stdin = stdin;
    }

    InputStream stdin() {
        return stdin;
    }

    public static void main(String[] args) {
        System.exit(newCommandLine(System.in, new PrintWriter(System.out, true), new PrintWriter(System.err, true))
                .execute(args));
    }

    /** The command line with the project's exit codes and one-line error messages, for main and for tests. */
    static CommandLine newCommandLine(InputStream stdin, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new OptimizedDeployCommand(stdin));
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExitCodeExceptionMapper(OptimizedDeployCommand::exitCodeOf);
        commandLine.setExecutionExceptionHandler((exception, failedCommand, parseResult) -> {
            failedCommand.getErr().println("optimized-deploy: " + exception.getMessage());
            return exitCodeOf(exception);
        });
        commandLine.setParameterExceptionHandler((exception, args) -> {
            CommandLine failedCommand = exception.getCommandLine();
            failedCommand.getErr().println("optimized-deploy: " + exception.getMessage());
            failedCommand.getErr().println("Try '" + failedCommand.getCommandSpec().qualifiedName() + " --help'.");
            return ExitCode.BAD_INPUT;
        });
        return commandLine;
    }

    private static int exitCodeOf(Throwable exception) {
        return BAD_INPUT.stream().anyMatch(type -> type.isInstance(exception)) ? ExitCode.BAD_INPUT : ExitCode.FAILURE;
    }

    static final class ManifestVersion implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = OptimizedDeployCommand.class.getPackage().getImplementationVersion();
            return new String[] {"optimized-deploy " + (version == null ? "(development build)" : version)};
        }
    }
}
