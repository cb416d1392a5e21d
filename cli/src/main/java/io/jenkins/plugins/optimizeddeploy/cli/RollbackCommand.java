package io.jenkins.plugins.optimizeddeploy.cli;

import io.jenkins.plugins.optimizeddeploy.engine.deploy.Action;
import io.jenkins.plugins.optimizeddeploy.engine.deploy.DeployException;
import io.jenkins.plugins.optimizeddeploy.engine.deploy.DeployHistory;
import io.jenkins.plugins.optimizeddeploy.engine.deploy.DeployTarget;
import io.jenkins.plugins.optimizeddeploy.engine.deploy.HttpHealthCheck;
import io.jenkins.plugins.optimizeddeploy.engine.deploy.ServiceDeploy;
import io.jenkins.plugins.optimizeddeploy.engine.image.ImageReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code optimized-deploy rollback --target ... --service NAME [--to previous|DIGEST]}: a deploy of recorded digests
 * through the same gate.
 */
@Command(
        name = "rollback",
        mixinStandardHelpOptions = true,
        description = "Put every --service back on the image it ran before its last healthy deploy or rollback (from"
                + " the history), or on --to DIGEST, as one release through the same health gate as deploy."
                + " Exit codes as deploy.")
final class RollbackCommand implements Callable<Integer> {
    private static final String PREVIOUS = "previous";

    @Spec
    CommandSpec spec;

    @Option(names = "--service", paramLabel = "NAME", required = true, description = "A service to roll back; repeat for more.")
    List<String> services;

    @Option(names = "--to", paramLabel = "previous|DIGEST", defaultValue = PREVIOUS,
            description = "previous (default), or a digest (sha256:..., the service's repository) or IMAGE@sha256:... for one --service.")
    String to;

    @Mixin
    DeployTargetOptions target;

    @Mixin
    HealthGateOptions health;

    @Override
    public Integer call() throws InterruptedException {
        if (!to.equals(PREVIOUS) && services.size() != 1) {
            throw new ParameterException(spec.commandLine(), "--to " + to + " names one image: give exactly one --service");
        }
        Map<String, HttpHealthCheck> checks = health.checks(services, spec);
        DeployTarget deployTarget = target.newTarget();
        DeployHistory history = target.history();
        List<ServiceDeploy> deploys = new ArrayList<>();
        for (String service : services) {
            deploys.add(DeployTargetOptions.service(spec, service, destination(deployTarget, history, service),
                    checks));
        }
        return target.run(Action.ROLLBACK, deployTarget, deploys, spec);
    }

    private ImageReference destination(DeployTarget deployTarget, DeployHistory history, String service) {
        if (to.equals(PREVIOUS)) {
            return ImageReference.parse(history.previous(deployTarget.identity(), service).orElseThrow(() ->
                    new DeployException("no healthy deploy of " + service + " on " + deployTarget.identity() + " in "
                            + history.file() + " says what ran before it")));
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
