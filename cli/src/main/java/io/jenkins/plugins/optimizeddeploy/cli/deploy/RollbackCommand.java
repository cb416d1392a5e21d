package io.jenkins.plugins.optimizeddeploy.cli.deploy;

import io.jenkins.plugins.optimizeddeploy.cli.common.RecordOption;
import io.jenkins.plugins.optimizeddeploy.engine.deploy.Action;
import io.jenkins.plugins.optimizeddeploy.engine.deploy.DeployHistory;
import io.jenkins.plugins.optimizeddeploy.engine.deploy.DeployTarget;
import io.jenkins.plugins.optimizeddeploy.engine.deploy.HttpHealthCheck;
import io.jenkins.plugins.optimizeddeploy.engine.deploy.ServiceDeploy;
import io.jenkins.plugins.optimizeddeploy.engine.image.ImageReference;
import io.jenkins.plugins.optimizeddeploy.engine.metrics.MetricsJson;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code optimized-deploy rollback --target ... --service NAME [--to previous|DIGEST|RECORD]}: a deploy of recorded
 * digests (the history's, or those a build's metrics record shows deployed) through the same gate.
 */
@Command(
        name = "rollback",
        mixinStandardHelpOptions = true,
        description = "Put every --service back on the image it ran before its last healthy deploy or rollback (from"
                + " the history), on --to DIGEST, or on what the build of --to RECORD deployed, as one release through"
                + " the same health gate as deploy."
                + " Exit codes as deploy.")
public final class RollbackCommand implements Callable<Integer> {
    private static final String PREVIOUS = "previous";

    @Spec
    CommandSpec spec;

    @Option(names = "--service", paramLabel = "NAME", required = true, description = "A service to roll back; repeat for more.")
    List<String> services;

    @Option(names = "--to", paramLabel = "previous|DIGEST|RECORD", defaultValue = PREVIOUS,
            description = "previous (default); a digest (sha256:..., the service's repository) or IMAGE@sha256:... for"
                    + " one --service; or a build's metrics record (a file written by --record): every --service to"
                    + " the digest that build deployed.")
    String to;

    @Mixin
    DeployTargetOptions target;

    @Mixin
    HealthGateOptions health;

    @Mixin
    RecordOption record;

    @Override
    public Integer call() throws InterruptedException {
        record.checkBeforeWork();
        Optional<Map<String, ImageReference>> recorded = namesImage() ? Optional.empty()
                : Optional.of(MetricsJson.read(Path.of(to)).releasedImages("the record " + to, services));
        if (namesImage() && !to.equals(PREVIOUS) && services.size() != 1) {
            throw new ParameterException(spec.commandLine(), "--to " + to + " names one image: give exactly one --service");
        }
        Map<String, HttpHealthCheck> checks = health.checks(services, spec);
        DeployTarget deployTarget = target.newTarget();
        DeployHistory history = target.history();
        List<ServiceDeploy> deploys = new ArrayList<>();
        for (String service : services) {
            ImageReference destination = recorded.isPresent() ? recorded.get().get(service)
                    : destination(deployTarget, history, service);
            deploys.add(DeployTargetOptions.service(spec, service, destination, checks));
        }
        return target.run(Action.ROLLBACK, deployTarget, deploys, spec, record);
    }

    /** previous, a digest or an image by digest; anything else names a metrics record. */
    private boolean namesImage() {
        return to.equals(PREVIOUS) || to.startsWith("sha256:") || to.contains("@");
    }

    private ImageReference destination(DeployTarget deployTarget, DeployHistory history, String service) {
        if (to.equals(PREVIOUS)) {
            return history.previousImage(deployTarget.identity(), service);
        }
        if (to.startsWith("sha256:")) {
            ImageReference running = deployTarget.running(service).orElseThrow(() -> new ParameterException(
                    spec.commandLine(), "--to " + to + ": " + service + " runs nothing on " + deployTarget.identity()
                            + " to take the repository from; give IMAGE@" + to));
            return ImageReference.parse(running.name() + "@" + to);
        }
        return ImageReference.parse(to);
    }
}
