package io.jenkins.plugins.optimizeddeploy.steps.deploy;

import hudson.Extension;
import io.jenkins.plugins.optimizeddeploy.engine.deploy.Action;
import io.jenkins.plugins.optimizeddeploy.forms.CredentialsIdField;
import io.jenkins.plugins.optimizeddeploy.steps.NamedValues;
import io.jenkins.plugins.optimizeddeploy.steps.StepLabel;
import java.util.LinkedHashMap;
import java.util.Map;
import jenkins.YesNoMaybe;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;

/**
 * {@code deployImages(target: 'swarm', services: [web: 'reg/web:1.4.2', worker: 'reg/worker:1.4.2'],
 * credentialsId: '...', health: [web: 'http://web.example.com/health'], timeout: 120)}: every service to its image by
 * digest, in parallel, each behind its health gate; all healthy, or every one put back. Returns per service its
 * from and to digests, outcome and time to healthy; fails with one line when the gate failed (after putting back
 * what moved) or when something could not be put back.
 */
public class DeployImagesStep extends DeployStep {

    static final String FUNCTION_NAME = "deployImages";

    private final LinkedHashMap<String, String> services;

    /** @param services a map of service to image in a Pipeline, {@code NAME=IMAGE} lines in the form */
    @DataBoundConstructor
    public DeployImagesStep(String target, Object services) {
        super(target);
        this.services = NamedValues.parse("services", services);
    }

    /** Per service, its new image by tag or digest; a tag is resolved to its digest in the registry first. */
    public Map<String, String> getServices() {
        return new LinkedHashMap<>(services);
    }

    /** The services as the form shows them. */
    public String getServicesText() {
        return NamedValues.text(services);
    }

    @Override
    String functionName() {
        return FUNCTION_NAME;
    }

    @Override
    Action action() {
        return Action.DEPLOY;
    }

    @Override
    public Map<String, String> destinations() {
        return getServices();
    }

    /** {@code web:1.4.2, worker:1.4.2 to swarm}: the services' images shortened, and the target. */
    public static String label(Map<String, Object> arguments) {
        Object services = arguments.get("services");
        if (!(services instanceof Map<?, ?> map) || map.isEmpty()) {
            return StepLabel.text(arguments, "target");
        }
        String images = StepLabel.join(map.values().stream().map(image -> StepLabel.shortImage(String.valueOf(image)))
                .toList());
        String target = StepLabel.text(arguments, "target");
        return target == null ? images : images + " to " + target;
    }

    @Extension(dynamicLoadable = YesNoMaybe.YES)
    @Symbol(FUNCTION_NAME)
    public static final class DescriptorImpl extends DeployStepDescriptor implements CredentialsIdField {
        public DescriptorImpl() {
            super(FUNCTION_NAME, "Deploy images by digest behind a health gate, all services or none");
        }

        @Override
        public String argumentsToString(Map<String, Object> namedArgs) {
            return label(namedArgs);
        }
    }
}
