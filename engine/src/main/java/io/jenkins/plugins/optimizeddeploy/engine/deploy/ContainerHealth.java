package io.jenkins.plugins.optimizeddeploy.engine.deploy;

import com.fasterxml.jackson.databind.JsonNode;

/** What a container's {@code State.Health} (from {@code docker container inspect}) says of its last probe. */
final class ContainerHealth {
    private ContainerHealth() {
    }

    /** {@code ": exit code N, OUTPUT"} of the last probe ({@code ": exit code N"} when it printed nothing), or nothing. */
    static String lastProbe(JsonNode health) {
        JsonNode log = health.path("Log");
        if (log.isEmpty()) {
            return "";
        }
        JsonNode last = log.get(log.size() - 1);
        String output = last.path("Output").asText().strip();
        return ": exit code " + last.path("ExitCode").asInt() + (output.isEmpty() ? "" : ", " + output);
    }
}
