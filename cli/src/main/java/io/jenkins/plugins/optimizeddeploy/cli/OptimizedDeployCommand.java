package io.jenkins.plugins.optimizeddeploy.cli;

import io.jenkins.plugins.optimizeddeploy.cli.build.BuildCommand;
import io.jenkins.plugins.optimizeddeploy.cli.common.ExitCode;
import io.jenkins.plugins.optimizeddeploy.cli.common.TopCommand;
import io.jenkins.plugins.optimizeddeploy.cli.deploy.DeployCommand;
import io.jenkins.plugins.optimizeddeploy.cli.deploy.RollbackCommand;
import io.jenkins.plugins.optimizeddeploy.cli.harden.HardenCommand;
import io.jenkins.plugins.optimizeddeploy.cli.harden.ParseCommand;
import io.jenkins.plugins.optimizeddeploy.cli.harden.VerifyCommand;
import io.jenkins.plugins.optimizeddeploy.cli.inspect.InspectCommand;
import io.jenkins.plugins.optimizeddeploy.cli.report.ReportCommand;
import io.jenkins.plugins.optimizeddeploy.cli.retag.RetagCommand;
import io.jenkins.plugins.optimizeddeploy.cli.run.RunCommand;
import io.jenkins.plugins.optimizeddeploy.engine.errors.EngineException;
import io.jenkins.plugins.optimizeddeploy.engine.text.TerminalText;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine;

/** {@code optimized-deploy <command>}: the engine from any shell or CI system. */
@Command(
        name = "optimized-deploy",
        mixinStandardHelpOptions = true,
        versionProvider = OptimizedDeployCommand.ManifestVersion.class,
        description = "Fast, small and safe container CI/CD from any shell: the engine of the optimized-deploy Jenkins plugin.",
        subcommands = {InspectCommand.class, BuildCommand.class, RetagCommand.class, ParseCommand.class,
            HardenCommand.class, VerifyCommand.class, ReportCommand.class, DeployCommand.class, RollbackCommand.class,
            RunCommand.class,
            CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:ok",
            "1:a gate failed (findings over threshold, unhealthy deploy)",
            "2:bad usage or input",
            "3:failure"
        })
public final class OptimizedDeployCommand implements TopCommand {
    private final InputStream stdin;

    OptimizedDeployCommand(InputStream stdin) {
        this.stdin = stdin;
    }

    @Override
    public InputStream stdin() {
        return stdin;
    }

    @Override
    public CommandLine freshCommandLine(InputStream stdin, PrintWriter out, PrintWriter err) {
        return newCommandLine(stdin, out, err);
    }

    public static void main(String[] args) {
        System.exit(newCommandLine(System.in, new PrintWriter(System.out, true), new PrintWriter(System.err, true))
                .execute(args));
    }

    /** The command line with the project's exit codes and one-line error messages, for main and for tests. */
    public static CommandLine newCommandLine(InputStream stdin, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new OptimizedDeployCommand(stdin));
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExitCodeExceptionMapper(OptimizedDeployCommand::exitCodeOf);
        commandLine.setExecutionStrategy(OptimizedDeployCommand::runCheckingOutput);
        commandLine.setExecutionExceptionHandler((exception, failedCommand, parseResult) -> {
            PrintWriter failedErr = failedCommand.getErr();
            // an engine exception or the machine's I/O (a full disk, a closed pipe) is the user's to act on: one line
            if (exception instanceof EngineException || exception instanceof UncheckedIOException) {
                failedErr.println("optimized-deploy: " + TerminalText.escape(exception.getMessage() == null
                        ? "failed with " + exception : exception.getMessage()));
            } else {
                failedErr.println("optimized-deploy: failed with a bug, please report it with what follows:");
                exception.printStackTrace(failedErr);
            }
            return exitCodeOf(exception);
        });
        commandLine.setParameterExceptionHandler((exception, args) -> {
            CommandLine failedCommand = exception.getCommandLine();
            failedCommand.getErr().println("optimized-deploy: " + TerminalText.escape(exception.getMessage()));
            failedCommand.getErr().println("Try '" + failedCommand.getCommandSpec().qualifiedName() + " --help'.");
            return ExitCode.BAD_INPUT;
        });
        return commandLine;
    }

    /**
     * Runs the command; an Error (out of memory, stack overflow) ends it like any other failure, with one line and
     * exit code 3: never a stack trace, and never the JVM's exit code 1, which would read as a failed gate.
     */
    private static int executeCatchingErrors(ParseResult parseResult) {
        try {
            return new CommandLine.RunLast().execute(parseResult);
        } catch (Error error) {
            parseResult.commandSpec().commandLine().getErr().println("optimized-deploy: failed with " + error
                    + " (an input beyond this tool's limits, or a bug: please report it)");
            return ExitCode.FAILURE;
        }
    }

    /**
     * Runs the command, then makes sure its output reached standard output: a print stream swallows write errors
     * (a full disk, {@code /dev/full}, a closed pipe), and truncated JSON or SARIF must not exit as a success.
     */
    private static int runCheckingOutput(CommandLine.ParseResult parseResult) {
        int exitCode = executeCatchingErrors(parseResult);
        CommandLine commandLine = parseResult.commandSpec().commandLine();
        if (commandLine.getOut().checkError()) {
            commandLine.getErr().println("optimized-deploy: could not write the output to standard output"
                    + " (a full disk or a closed pipe?): what it holds is incomplete");
            return ExitCode.FAILURE;
        }
        return exitCode;
    }

    /**
     * The exit code of an exception out of a command: an engine exception's kind decides; anything else (an I/O
     * failure of the machine, a bug) is a failure.
     */
    private static int exitCodeOf(Throwable exception) {
        if (!(exception instanceof EngineException engineException)) {
            return ExitCode.FAILURE;
        }
        return switch (engineException.kind()) {
            case BAD_INPUT -> ExitCode.BAD_INPUT;
            case GATE_FAILED -> ExitCode.GATE_FAILED;
            // FAILURE; a default rather than its case, else javac adds a throw of an exception without a message
            default -> ExitCode.FAILURE;
        };
    }

    static final class ManifestVersion implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = OptimizedDeployCommand.class.getPackage().getImplementationVersion();
            return new String[] {"optimized-deploy " + (version == null ? "(development build)" : version)};
        }
    }
}
