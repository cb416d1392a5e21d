package io.jenkins.plugins.optimizeddeploy.engine.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.optimizeddeploy.engine.image.ImageReference;
import java.util.Optional;

/**
 * What {@code docker service inspect} says of a service: the image of its spec, the image of the spec it had before
 * (what {@code docker service rollback} puts back; none after a rollback) and its update status ({@code updating},
 * {@code completed}, {@code paused}, {@code rollback_started}, {@code rollback_completed}, {@code rollback_paused};
 * none before the first update and right after a new one was asked for).
 */
record SwarmService(ImageReference image, Optional<ImageReference> previousImage, Optional<String> updateState,
        String updateMessage) {
    static SwarmService parse(JsonNode service) {
        String image = imageOf(service.path("Spec"));
        if (image.isEmpty()) {
            throw new DeployException("service " + service.path("Spec").path("Name").asText("?")
                    + " has no image in its spec");
        }
        String previous = imageOf(service.path("PreviousSpec"));
        JsonNode status = service.path("UpdateStatus");
        Optional<String> state = status.hasNonNull("State") ? Optional.of(status.get("State").asText())
                : Optional.empty();
        return new SwarmService(ImageReference.parse(image),
                previous.isEmpty() ? Optional.empty() : Optional.of(ImageReference.parse(previous)), state,
                status.path("Message").asText(""));
    }

    private static String imageOf(JsonNode spec) {
        return spec.path("TaskTemplate").path("ContainerSpec").path("Image").asText("");
    }

    /** Swarm is still moving tasks (forward or back). */
    boolean moving() {
        return updateState.filter(state -> state.equals("updating") || state.equals("rollback_started")).isPresent();
    }

    /** Swarm stopped moving tasks and waits for someone to act. */
    boolean paused() {
        return updateState.filter(state -> state.equals("paused") || state.equals("rollback_paused")).isPresent();
    }

    /** Swarm gave up the update and put (or is putting) the previous spec back. */
    boolean rolledBack() {
        return updateState.filter(state -> state.startsWith("rollback_")).isPresent();
    }
}
