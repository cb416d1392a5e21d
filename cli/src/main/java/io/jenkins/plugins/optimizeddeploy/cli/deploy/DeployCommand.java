package io.jenkins.plugins.optimizeddeploy.cli.deploy;

import io.jenkins.plugins.optimizeddeploy.cli.common.RecordOption;
import io.jenkins.plugins.optimizeddeploy.cli.common.RegistryAccessOptions;
import io.jenkins.plugins.optimizeddeploy.cli.common.TopCommand;
import io.jenkins.plugins.optimizeddeploy.engine.deploy.Action;
import io.jenkins.plugins.optimizeddeploy.engine.deploy.DeployTarget;
import io.jenkins.plugins.optimizeddeploy.engine.deploy.DigestResolver;
import io.jenkins.plugins.optimizeddeploy.engine.deploy.HttpHealthCheck;
import io.jenkins.plugins.optimizeddeploy.engine.deploy.ServiceDeploy;
import io.jenkins.plugins.optimizeddeploy.engine.image.ImageReference;
import io.jenkins.plugins.optimizeddeploy.engine.metrics.MetricsParts;
import io.jenkins.plugins.optimizeddeploy.engine.registry.RegistryClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code optimized-deploy deploy --target swarm|docker|caprover|webhook --service NAME=IMAGE [--service ...]}: every
 * service to its image by digest, each behind its health gate; all healthy, or all put back.
 */
@Command(
        name = "deploy",
        mixinStandardHelpOptions = true,
        description = "Deploy every --service to its image by digest (a tag is resolved through its registry first),"
                + " in parallel, each behind its health gate (the platform's health, plus --health-url when given)."
                + " When any fails, every service goes back to what it ran before. Exit 0 all healthy, 1 a gate failed"
                + " and everything was put back, 3 something could not be deployed or put back (the output says what"
                + " runs), 2 bad input.")
public final class DeployCommand implements Callable<Integer> {
    @ParentCommand
    TopCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--service", paramLabel = "NAME=IMAGE", required = true,
            description = "A service and its new image (tag or digest), e.g. web=registry.example.com/team/web:1.4.2; repeat per service.")
    List<String> services;

    @Mixin
    DeployTargetOptions target;

    @Mixin
    HealthGateOptions health;

    @Mixin
    RegistryAccessOptions registryAccess;

    @Mixin
    RecordOption record;

    @Override
    public Integer call() throws InterruptedException {
        record.checkBeforeWork();
        Map<String, ImageReference> images = images();
        Map<String, HttpHealthCheck> checks = health.checks(List.copyOf(images.keySet()), spec);
        if (registryAccess.passwordFromStdin() && target.readsStdin()) {
            throw new ParameterException(spec.commandLine(), "--password-stdin and the target's -stdin option both"
                    + " read standard input: give the target's secret with its -file option");
        }
        List<ServiceDeploy> deploys = new ArrayList<>();
        try (RegistryClient client = registryAccess.newClient(spec, parent.stdin(),
                images.values().stream().map(ImageReference::registry).toList())) {
            DigestResolver resolver = new DigestResolver(client);
            images.forEach((service, image) -> deploys.add(
                    DeployTargetOptions.service(spec, service, resolver.resolve(image), checks)));
        }
        DeployTarget deployTarget = target.newTarget();
        return target.run(Action.DEPLOY, deployTarget, deploys, spec, record);
    }

    private Map<String, ImageReference> images() {
        Map<String, ImageReference> images = new LinkedHashMap<>();
        for (String given : services) {
            int equals = given.indexOf('=');
            if (equals <= 0 || equals == given.length() - 1) {
                throw new ParameterException(spec.commandLine(), "--service " + given + ": expected NAME=IMAGE");
            }
            String name = given.substring(0, equals);
            if (images.put(name, ImageReference.parse(given.substring(equals + 1))) != null) {
                throw new ParameterException(spec.commandLine(), "--service " + name + " is given twice");
            }
        }
        return images;
    }
}
