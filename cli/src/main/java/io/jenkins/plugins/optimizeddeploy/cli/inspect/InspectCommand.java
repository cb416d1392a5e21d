package io.jenkins.plugins.optimizeddeploy.cli.inspect;

import io.jenkins.plugins.optimizeddeploy.cli.common.ExitCode;
import io.jenkins.plugins.optimizeddeploy.cli.common.JsonOption;
import io.jenkins.plugins.optimizeddeploy.cli.common.RegistryAccessOptions;
import io.jenkins.plugins.optimizeddeploy.cli.common.TopCommand;
import io.jenkins.plugins.optimizeddeploy.engine.image.ImageReference;
import io.jenkins.plugins.optimizeddeploy.engine.inspect.ImageInspection;
import io.jenkins.plugins.optimizeddeploy.engine.inspect.ImageInspector;
import io.jenkins.plugins.optimizeddeploy.engine.inspect.InspectionFields;
import io.jenkins.plugins.optimizeddeploy.engine.registry.RegistryClient;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code optimized-deploy inspect REF}: digest, sizes and runtime config of an image, read from its registry. */
@Command(
        name = "inspect",
        mixinStandardHelpOptions = true,
        description = "Show an image's digest and, per platform, its compressed size, user, healthcheck, ports and labels."
                + " Reads manifests and configs only: no layer is downloaded.")
public final class InspectCommand implements Callable<Integer> {
    @ParentCommand
    TopCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "REF", description = "Image reference, e.g. registry.example.com/team/web:1.2 or ubuntu@sha256:...")
    String reference;

    @Mixin
    JsonOption json;

    @Mixin
    RegistryAccessOptions registryAccess;

    @Override
    public Integer call() {
        ImageReference image = ImageReference.parse(reference);
        ImageInspection inspection;
        try (RegistryClient client = registryAccess.newClient(spec, parent.stdin(), List.of(image.registry()))) {
            inspection = new ImageInspector(client).inspect(image);
        }
        json.print(spec.commandLine().getOut(), () -> InspectionFields.of(inspection),
                () -> InspectionText.render(inspection));
        return ExitCode.OK;
    }
}
