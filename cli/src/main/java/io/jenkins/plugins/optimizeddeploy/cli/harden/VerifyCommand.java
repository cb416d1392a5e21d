package io.jenkins.plugins.optimizeddeploy.cli.harden;

import io.jenkins.plugins.optimizeddeploy.cli.common.ExitCode;
import io.jenkins.plugins.optimizeddeploy.cli.common.RecordOption;
import io.jenkins.plugins.optimizeddeploy.cli.common.RegistryAccessOptions;
import io.jenkins.plugins.optimizeddeploy.cli.common.TopCommand;
import io.jenkins.plugins.optimizeddeploy.engine.findings.FailureThreshold;
import io.jenkins.plugins.optimizeddeploy.engine.findings.LintReport;
import io.jenkins.plugins.optimizeddeploy.engine.image.ImageReference;
import io.jenkins.plugins.optimizeddeploy.engine.inspect.ImageInspector;
import io.jenkins.plugins.optimizeddeploy.engine.metrics.MetricsParts;
import io.jenkins.plugins.optimizeddeploy.engine.metrics.Phase;
import io.jenkins.plugins.optimizeddeploy.engine.registry.RegistryClient;
import io.jenkins.plugins.optimizeddeploy.engine.verify.ImageVerifier;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code optimized-deploy verify REF...}: check built images as their registry holds them. */
@Command(
        name = "verify",
        mixinStandardHelpOptions = true,
        description = {
            "Check built images, every platform of each, from their registry without downloading a layer:"
                    + " running as root (OD2001), no health check (OD2002), secrets in the environment (OD2003 by"
                    + " name, OD2004 by value) or in labels (OD2005), layers added from a remote URL (OD2006) or built"
                    + " from curl/wget downloads (OD2007) as the history records them, SSH port exposed (OD2008).",
            "Findings name the image and platform where a Dockerfile finding names the file; secret values are"
                    + " never printed.",
            "Exits with 1 when a finding reaches the failure threshold, with 2 for a malformed reference or option,"
                    + " with 3 when the registry fails."
        })
public final class VerifyCommand implements Callable<Integer> {
    @ParentCommand
    TopCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "REF", arity = "1..*",
            description = "Image references, e.g. registry.example.com/team/web:1.2 or web@sha256:...")
    List<String> references;

    @Mixin
    LintFormatOption output;

    @Option(names = "--failure-threshold", paramLabel = "SEVERITY", defaultValue = "error",
            converter = HardenCommand.ThresholdConverter.class,
            description = "error (default), warning, info, style or none: the least serious finding that exits"
                    + " with 1.")
    FailureThreshold failureThreshold;

    @Mixin
    RegistryAccessOptions registryAccess;

    @Mixin
    RecordOption record;

    @Override
    public Integer call() {
        record.checkBeforeWork();
        List<ImageReference> images = references.stream().map(ImageReference::parse).toList();
        LintReport report;
        try (RegistryClient client = registryAccess.newClient(spec, parent.stdin(),
                images.stream().map(ImageReference::registry).toList())) {
            report = new ImageVerifier(new ImageInspector(client)).verify(images, failureThreshold);
        }
        record.add(millis -> MetricsParts.findings(Phase.VERIFY, report, millis));
        PrintWriter out = spec.commandLine().getOut();
        out.print(output.format.render(report));
        out.flush();
        return report.failed() ? ExitCode.GATE_FAILED : ExitCode.OK;
    }
}
