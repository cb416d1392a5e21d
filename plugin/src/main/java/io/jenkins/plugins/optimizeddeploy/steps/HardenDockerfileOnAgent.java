package io.jenkins.plugins.optimizeddeploy.steps;

import hudson.AbortException;
import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Dockerfile;
import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.DockerfileParser;
import io.jenkins.plugins.optimizeddeploy.engine.errors.BadInputException;
import io.jenkins.plugins.optimizeddeploy.engine.errors.EngineException;
import io.jenkins.plugins.optimizeddeploy.engine.errors.OperationFailedException;
import io.jenkins.plugins.optimizeddeploy.engine.files.InputFile;
import io.jenkins.plugins.optimizeddeploy.engine.files.InputKind;
import io.jenkins.plugins.optimizeddeploy.engine.files.OutputFile;
import io.jenkins.plugins.optimizeddeploy.engine.findings.FailureThreshold;
import io.jenkins.plugins.optimizeddeploy.engine.findings.Finding;
import io.jenkins.plugins.optimizeddeploy.engine.findings.LintOutputFormat;
import io.jenkins.plugins.optimizeddeploy.engine.findings.LintReport;
import io.jenkins.plugins.optimizeddeploy.engine.lint.LintConfiguration;
import io.jenkins.plugins.optimizeddeploy.engine.lint.LintConfigurationEnvironment;
import io.jenkins.plugins.optimizeddeploy.engine.lint.LintConfigurationFile;
import io.jenkins.plugins.optimizeddeploy.engine.lint.Linter;
import io.jenkins.plugins.optimizeddeploy.engine.lint.fix.DockerfileFixer;
import io.jenkins.plugins.optimizeddeploy.engine.lint.fix.FixOptions;
import io.jenkins.plugins.optimizeddeploy.engine.lint.fix.FixResult;
import io.jenkins.plugins.optimizeddeploy.engine.lint.rules.RuleRegistry;
import io.jenkins.plugins.optimizeddeploy.engine.metrics.Phase;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import jenkins.MasterToSlaveFileCallable;

/**
 * The engine's linter, run on the agent that holds the workspace: the Dockerfiles, the configuration file and the
 * SARIF report are workspace files. Findings name each file as the step was given it.
 */
final class HardenDockerfileOnAgent extends MasterToSlaveFileCallable<LintSummary> {

    private static final long serialVersionUID = 1L;
    private static final List<String> DEFAULT_CONFIGURATION_FILES = List.of(".hadolint.yaml", ".hadolint.yml");
    private static final String HADOLINT_VARIABLES = "HADOLINT_";

    private final ArrayList<String> files;
    private final FailureThreshold threshold;
    private final String sarif;
    private final String config;
    private final HashMap<String, String> hadolintEnvironment;
    private final boolean fix;

    /**
     * @param fix              whether to fix in place, before linting, what has a safe fix
     * @param threshold        the step's failure threshold, or null for the configuration's
     * @param sarif            where to write SARIF in the workspace, or null for no SARIF
     * @param config           the configuration file in the workspace, or null for .hadolint.yaml if there
     * @param buildEnvironment the build's environment; its {@code HADOLINT_*} variables apply as for hadolint
     */
    HardenDockerfileOnAgent(List<String> files, boolean fix, FailureThreshold threshold, String sarif, String config,
            Map<String, String> buildEnvironment) {
        this.files = new ArrayList<>(Objects.requireNonNull(files, "the Dockerfiles to lint are required"));
        this.fix = fix;
        this.threshold = threshold;
        this.sarif = sarif;
        this.config = config;
        this.hadolintEnvironment = new HashMap<>();
        buildEnvironment.forEach((name, value) -> {
            if (name.startsWith(HADOLINT_VARIABLES)) {
                hadolintEnvironment.put(name, value);
            }
        });
    }

    @Override
    public LintSummary invoke(File workspace, VirtualChannel channel) throws IOException {
        try {
            return harden(workspace.toPath());
        } catch (EngineException e) {
            throw new AbortException(HardenDockerfileStep.userError(e));
        } catch (RuntimeException e) {
            throw new AgentFailure(HardenDockerfileStep.FUNCTION_NAME + " on the agent", e);
        }
    }

    /**
     * Fixes the files in place when asked, lints them and writes the SARIF report.
     *
     * @throws BadInputException        naming the file when one is missing, unreadable or outside the workspace,
     *                                  or the configuration when it is not valid (a file that does not parse is a
     *                                  DL1000 finding)
     * @throws OperationFailedException naming the file when a fixed one cannot be written
     */
    LintSummary harden(Path workspace) {
        long started = System.nanoTime();
        LintConfiguration configuration = configuration(workspace);
        DockerfileFixer fixer = new DockerfileFixer(configuration, FixOptions.defaults());
        Linter linter = RuleRegistry.linter(configuration);
        List<Finding> findings = new ArrayList<>();
        List<String> fixed = new ArrayList<>();
        for (String file : files) {
            findings.addAll(linter.lint(file, read(workspace, "file", file, InputKind.DOCKERFILE),
                    dockerfile -> fix ? fixInPlace(workspace, fixer, dockerfile, fixed) : dockerfile));
        }
        LintReport report = linter.report(findings);
        if (sarif != null) {
            write(workspace, "sarif", sarif, LintOutputFormat.SARIF.render(report));
        }
        return LintSummary.of(HardenDockerfileStep.FUNCTION_NAME, Phase.HARDEN, report, files, sarif, started)
                .withFixed(fixed);
    }

    /** The fixed Dockerfile, written over the file and noted in {@code fixed} when the fixer changed it. */
    private static Dockerfile fixInPlace(Path workspace, DockerfileFixer fixer, Dockerfile dockerfile,
            List<String> fixed) {
        FixResult fixing = fixer.fix(dockerfile);
        if (!fixing.changed()) {
            return dockerfile;
        }
        write(workspace, "file", dockerfile.source(), fixing.text());
        fixed.add(dockerfile.source());
        return DockerfileParser.parse(dockerfile.source(), fixing.text());
    }

    private LintConfiguration configuration(Path workspace) {
        String file = config;
        if (file == null) {
            file = DEFAULT_CONFIGURATION_FILES.stream()
                    .filter(name -> Files.isRegularFile(workspace.resolve(name))).findFirst().orElse(null);
        }
        LintConfiguration configuration = file == null ? LintConfiguration.defaults()
                : LintConfigurationFile.parse(file, read(workspace, "config", file, InputKind.LINT_CONFIGURATION));
        configuration = LintConfigurationEnvironment.apply(configuration, hadolintEnvironment);
        return threshold == null ? configuration : configuration.withFailureThreshold(threshold);
    }

    private static String read(Path workspace, String argument, String name, InputKind kind) {
        return InputFile.named("the " + argument + " '" + name + "'", WorkspaceFile.resolve(workspace, argument, name),
                kind).readText();
    }

    /** Writes beside the file first, so that a full disk leaves the old file whole. */
    private static void write(Path workspace, String argument, String name, String text) {
        Path path = WorkspaceFile.resolve(workspace, argument, name);
        try {
            Files.createDirectories(path.getParent());
            OutputFile.writeText(path, text);
        } catch (IOException e) {
            throw new OperationFailedException("the " + argument + " '" + name + "' was not written: " + e.getMessage(),
                    e);
        }
    }
}
