package io.jenkins.plugins.optimizeddeploy.steps.inspect;

import io.jenkins.plugins.optimizeddeploy.engine.errors.EngineException;
import io.jenkins.plugins.optimizeddeploy.engine.image.ImageReference;
import io.jenkins.plugins.optimizeddeploy.engine.inspect.ImageInspection;
import io.jenkins.plugins.optimizeddeploy.engine.inspect.ImageInspector;
import io.jenkins.plugins.optimizeddeploy.engine.inspect.InspectionFields;
import io.jenkins.plugins.optimizeddeploy.engine.metrics.MetricsJson;
import io.jenkins.plugins.optimizeddeploy.engine.metrics.MetricsParts;
import io.jenkins.plugins.optimizeddeploy.engine.registry.RegistryClient;
import io.jenkins.plugins.optimizeddeploy.engine.registry.RegistryOptions;
import io.jenkins.plugins.optimizeddeploy.steps.ImageReadOnAgent;
import io.jenkins.plugins.optimizeddeploy.steps.RegistryLogin;
import io.jenkins.plugins.optimizeddeploy.steps.StepOutcome;
import java.util.List;
import java.util.Map;

/**
 * The engine's image inspection, as {@link ImageReadOnAgent} runs it; the inspection becomes the step's value, log
 * line, record and metrics part on the agent.
 */
public final class InspectImageOnAgent extends ImageReadOnAgent<StepOutcome<Map<String, Object>>> {

    private static final long serialVersionUID = 1L;

    /**
     * @param login                 the step's credentials, or null for the docker config
     * @param dockerConfigDirectory DOCKER_CONFIG of the build, or null for the docker client's default
     */
    public InspectImageOnAgent(ImageReference reference, RegistryOptions options, RegistryLogin login,
            String dockerConfigDirectory) {
        super(reference, options, login, dockerConfigDirectory);
    }

    @Override
    protected StepOutcome<Map<String, Object>> readWith(RegistryClient client) {
        ImageInspection inspection = new ImageInspector(client).inspect(reference);
        return new StepOutcome<>(InspectionFields.of(inspection), List.of(InspectionSummary.line(inspection)),
                List.of(InspectionSummary.record(inspection)),
                MetricsJson.write(MetricsParts.inspection(InspectionSummary.imageName(reference), inspection)), null);
    }

    @Override
    protected String userError(EngineException e) {
        return InspectImageStep.userError(e);
    }
}
