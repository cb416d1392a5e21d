package io.jenkins.plugins.optimizeddeploy.cli.harden;

import io.jenkins.plugins.optimizeddeploy.cli.common.ExitCode;
import io.jenkins.plugins.optimizeddeploy.cli.common.ParsedValueConverter;
import io.jenkins.plugins.optimizeddeploy.cli.common.RecordOption;
import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Dockerfile;
import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.DockerfileParser;
import io.jenkins.plugins.optimizeddeploy.engine.errors.BadInputException;
import io.jenkins.plugins.optimizeddeploy.engine.files.InputFile;
import io.jenkins.plugins.optimizeddeploy.engine.files.InputKind;
import io.jenkins.plugins.optimizeddeploy.engine.files.OutputFile;
import io.jenkins.plugins.optimizeddeploy.engine.findings.FailureThreshold;
import io.jenkins.plugins.optimizeddeploy.engine.findings.Finding;
import io.jenkins.plugins.optimizeddeploy.engine.findings.LintOutputFormat;
import io.jenkins.plugins.optimizeddeploy.engine.findings.LintReport;
import io.jenkins.plugins.optimizeddeploy.engine.lint.LintConfiguration;
import io.jenkins.plugins.optimizeddeploy.engine.lint.LintConfigurationEnvironment;
import io.jenkins.plugins.optimizeddeploy.engine.lint.LintConfigurationException;
import io.jenkins.plugins.optimizeddeploy.engine.lint.LintConfigurationFile;
import io.jenkins.plugins.optimizeddeploy.engine.lint.Linter;
import io.jenkins.plugins.optimizeddeploy.engine.lint.fix.DockerfileFixer;
import io.jenkins.plugins.optimizeddeploy.engine.lint.fix.FixNote;
import io.jenkins.plugins.optimizeddeploy.engine.lint.fix.FixOptions;
import io.jenkins.plugins.optimizeddeploy.engine.lint.fix.FixResult;
import io.jenkins.plugins.optimizeddeploy.engine.lint.rules.RuleRegistry;
import io.jenkins.plugins.optimizeddeploy.engine.metrics.MetricsParts;
import io.jenkins.plugins.optimizeddeploy.engine.metrics.Phase;
import io.jenkins.plugins.optimizeddeploy.engine.text.TerminalText;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code optimized-deploy harden FILE...}: lint Dockerfiles with hadolint-compatible and hardening rules. */
@Command(
        name = "harden",
        mixinStandardHelpOptions = true,
        description = {
            "Check Dockerfiles against hadolint-compatible rules (DL ids) and this project's hardening rules (OD ids),"
                    + " listed in docs/RULES.md.",
            "Honours '# hadolint ignore=ID,...' comments. Settings come from a .hadolint.yaml (ignored, override,"
                    + " failure-threshold, trustedRegistries): the one given with --config, else .hadolint.yaml or"
                    + " .hadolint.yml in the current folder; then from hadolint's environment variables"
                    + " (HADOLINT_FAILURE_THRESHOLD, HADOLINT_IGNORE, HADOLINT_OVERRIDE_ERROR...); then from the"
                    + " options.",
            "With --fix, each FILE is rewritten in place (no backup: review the change with your version control)"
                    + " with minimal edits for the rules that have a safe fix: a non-root user before the final"
                    + " stage's CMD/ENTRYPOINT (OD1001, DL3002; useradd, adduser, /etc/passwd lines or a numeric USER"
                    + " depending on the base image), --chown on COPY/ADD (OD1002), a HEALTHCHECK when the port and"
                    + " wget/curl are known (OD1010), exec-form CMD/ENTRYPOINT of plain words (DL3025), COPY for ADD"
                    + " of local files (DL3020). Every other character is kept. What was fixed and what was left (with"
                    + " advice) is listed first (on standard error for the json, sarif and checkstyle formats), then the"
                    + " findings that remain, which decide the exit code.",
            "A FILE that does not parse is one error finding of that file (DL1000, at the line where parsing"
                    + " stopped); the other files are still checked.",
            "Exits with 1 when a finding reaches the failure threshold, with 2 when a file cannot be read, is not"
                    + " a regular file or is over 1 MiB (naming the file), with 3 when --fix"
                    + " cannot write a file (which is then left as it was) or the report cannot be written."
        })
public final class HardenCommand implements Callable<Integer> {
    private static final List<String> DEFAULT_CONFIGURATION_FILES = List.of(".hadolint.yaml", ".hadolint.yml");

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "The Dockerfiles; findings name each as given.")
    List<Path> files;

    @Mixin
    LintFormatOption output;

    @Option(names = "--config", paramLabel = "FILE", description = "A .hadolint.yaml to use.")
    Path config;

    @Option(names = "--failure-threshold", paramLabel = "SEVERITY", converter = ThresholdConverter.class,
            description = "error, warning, info, style or none: the least serious finding that exits with 1."
                    + " Wins over the configuration file; hadolint's default is info.")
    FailureThreshold failureThreshold;

    @Option(names = "--fix", description = "Fix in place what has a safe fix, then report what remains.")
    boolean fix;

    @Option(names = "--fix-uid", paramLabel = "UID", defaultValue = "10001",
            description = "The uid and gid of the user --fix creates (default 10001; 65532 on distroless/scratch).")
    int fixUid;

    @Option(names = "--fix-healthcheck-path", paramLabel = "PATH", defaultValue = "/",
            description = "The HTTP path the HEALTHCHECK added by --fix probes on the exposed port (default /).")
    String fixHealthcheckPath;

    @Option(names = "--fix-busybox-image", paramLabel = "PART", defaultValue = "busybox", split = ",",
            description = "Parts of a base image name that mark a busybox-like image without adduser, for which --fix"
                    + " appends the user to /etc/passwd and /etc/group (default busybox; repeatable or comma-separated).")
    List<String> fixBusyboxImages;

    @Option(names = "--no-fix-healthcheck", description = "Never add a HEALTHCHECK with --fix.")
    boolean noFixHealthcheck;

    @Mixin
    RecordOption record;

    @Override
    public Integer call() {
        record.checkBeforeWork();
        LintConfiguration configuration = configuration();
        Linter linter = RuleRegistry.linter(configuration);
        List<Finding> findings = new ArrayList<>();
        for (Path file : files) {
            String text = InputFile.named("FILE '" + file + "'", file, InputKind.DOCKERFILE).readText();
            findings.addAll(linter.lint(file.toString(), text,
                    dockerfile -> fix ? fix(file, dockerfile, configuration) : dockerfile));
        }
        LintReport report = linter.report(findings);
        record.add(millis -> MetricsParts.findings(Phase.HARDEN, report, millis));
        PrintWriter out = spec.commandLine().getOut();
        out.print(output.format.render(report));
        out.flush();
        return report.failed() ? ExitCode.GATE_FAILED : ExitCode.OK;
    }

    private Dockerfile fix(Path file, Dockerfile dockerfile, LintConfiguration configuration) {
        FixOptions options;
        try {
            options = FixOptions.defaults().withUid(fixUid).withHealthcheckPath(fixHealthcheckPath)
                    .withHealthchecks(!noFixHealthcheck).withBusyboxImages(fixBusyboxImages);
        } catch (BadInputException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        FixResult result = new DockerfileFixer(configuration, options).fix(dockerfile);
        if (result.changed()) {
            try {
                OutputFile.writeText(file, result.text());
            } catch (IOException e) {
                throw new UncheckedIOException(e.getMessage(), e);
            }
        }
        PrintWriter notes = output.format == LintOutputFormat.TTY ? spec.commandLine().getOut() : spec.commandLine().getErr();
        result.fixed().forEach(note -> notes.println(describe(file, "fixed", note)));
        result.left().forEach(note -> notes.println(describe(file, "left", note)));
        notes.flush();
        return DockerfileParser.parse(dockerfile.source(), result.text());
    }

    private static String describe(Path file, String outcome, FixNote note) {
        return TerminalText.escape(file + ":" + note.line() + " " + outcome + " " + note.rule() + ": " + note.text());
    }

    private LintConfiguration configuration() {
        Path file = config;
        if (file == null) {
            file = DEFAULT_CONFIGURATION_FILES.stream().map(Path::of).filter(Files::isRegularFile).findFirst()
                    .orElse(null);
        }
        LintConfiguration configuration = LintConfiguration.defaults();
        if (file != null) {
            try {
                configuration = LintConfigurationFile.read(file);
            } catch (LintConfigurationException e) {
                throw new ParameterException(spec.commandLine(), "--config '" + file + "' cannot be used: "
                        + e.getMessage(), e);
            }
        }
        try {
            configuration = LintConfigurationEnvironment.apply(configuration, System.getenv());
        } catch (LintConfigurationException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        return failureThreshold == null ? configuration : configuration.withFailureThreshold(failureThreshold);
    }

    static final class ThresholdConverter extends ParsedValueConverter<FailureThreshold> {
        ThresholdConverter() {
            super(FailureThreshold::parse);
        }
    }
}
