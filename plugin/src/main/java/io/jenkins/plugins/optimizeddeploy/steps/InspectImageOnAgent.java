package io.jenkins.plugins.optimizeddeploy.steps;

import io.jenkins.plugins.optimizeddeploy.engine.errors.EngineException;
import io.jenkins.plugins.optimizeddeploy.engine.image.ImageReference;
import io.jenkins.plugins.optimizeddeploy.engine.inspect.ImageInspection;
import io.jenkins.plugins.optimizeddeploy.engine.inspect.ImageInspector;
import io.jenkins.plugins.optimizeddeploy.engine.metrics.MetricsJson;
import io.jenkins.plugins.optimizeddeploy.engine.metrics.MetricsParts;
import io.jenkins.plugins.optimizeddeploy.engine.registry.RegistryClient;
import io.jenkins.plugins.optimizeddeploy.engine.registry.RegistryOptions;
import java.util.List;
import java.util.Map;

/**
 * The engine's image inspection, as {@link ImageReadOnAgent} runs it; the inspection becomes the step's value, log
 * line, record and metrics part on the agent.
 */
final class InspectImageOnAgent extends ImageReadOnAgent<StepOutcome<Map<String, Object>>> {

    private static final long serialVersionUID = 1L;

    /**
     * @param login                 the step's credentials, or null for the docker config
     * @param dockerConfigDirectory DOCKER_CONFIG of the build, or null for the docker client's default
     */
    InspectImageOnAgent(ImageReference reference, RegistryOptions options, RegistryLogin login,
            String dockerConfigDirectory) {
        super(reference, options, login, dockerConfigDirectory);
    }

    @Override
    StepOutcome<Map<String, Object>> readWith(RegistryClient client) {
        ImageInspection inspection = new ImageInspector(client).inspect(reference);
        return new StepOutcome<>(ImageInspectionMap.from(inspection), List.of(InspectionSummary.line(inspection)),
                List.of(InspectionSummary.record(inspection)),
                MetricsJson.write(MetricsParts.inspection(InspectionSummary.imageName(reference), inspection)), null);
    }

    @Override
    String userError(EngineException e) {
        return InspectImageStep.userError(e);
    }
}
