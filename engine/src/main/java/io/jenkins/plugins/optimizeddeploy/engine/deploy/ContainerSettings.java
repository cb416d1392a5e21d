package io.jenkins.plugins.optimizeddeploy.engine.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a replacement container takes over from the one it replaces, as {@code docker run} arguments: labels,
 * published ports, environment, volumes and bind mounts, restart policy, network, {@code --init} and a command given
 * at run time. Environment variables and labels the old image set itself are left to the new image. Values of
 * environment variables go through the docker client's environment ({@code --env NAME}), never into an argument.
 *
 * @param command the old container's command when it was not its image's, else empty
 */
record ContainerSettings(List<String> runArguments, Map<String, String> environment, boolean hostNetwork,
        List<String> command) {

    static ContainerSettings of(JsonNode container, JsonNode image) {
        List<String> arguments = new ArrayList<>();
        JsonNode config = container.path("Config");
        JsonNode imageConfig = image.path("Config");
        Set<String> imageEnvironment = new HashSet<>(strings(imageConfig.path("Env")));
        Map<String, String> environment = new LinkedHashMap<>();
        for (String variable : strings(config.path("Env"))) {
            if (!imageEnvironment.contains(variable)) {
                int equals = variable.indexOf('=');
                String name = equals < 0 ? variable : variable.substring(0, equals);
                environment.put(name, equals < 0 ? "" : variable.substring(equals + 1));
                arguments.addAll(List.of("--env", name));
            }
        }
        config.path("Labels").fields().forEachRemaining(label -> {
            if (!label.getValue().equals(imageConfig.path("Labels").get(label.getKey()))) {
                arguments.addAll(List.of("--label", label.getKey() + "=" + label.getValue().asText()));
            }
        });
        JsonNode host = container.path("HostConfig");
        host.path("PortBindings").fields().forEachRemaining(port -> port.getValue().forEach(binding -> {
            String ip = binding.path("HostIp").asText("");
            arguments.addAll(List.of("--publish", (ip.isEmpty() ? "" : ip + ":")
                    + binding.path("HostPort").asText("") + ":" + port.getKey()));
        }));
        strings(host.path("Binds")).forEach(bind -> arguments.addAll(List.of("--volume", bind)));
        host.path("Mounts").forEach(mount -> arguments.addAll(List.of("--mount", "type=" + mount.path("Type").asText()
                + ",source=" + mount.path("Source").asText() + ",target=" + mount.path("Target").asText()
                + (mount.path("ReadOnly").asBoolean() ? ",readonly" : ""))));
        String restart = host.path("RestartPolicy").path("Name").asText("");
        int retries = host.path("RestartPolicy").path("MaximumRetryCount").asInt();
        if (!restart.isEmpty() && !restart.equals("no")) {
            arguments.addAll(List.of("--restart", restart + (restart.equals("on-failure") && retries > 0 ? ":" + retries : "")));
        }
        String network = host.path("NetworkMode").asText("default");
        if (!network.equals("default") && !network.isEmpty()) {
            arguments.addAll(List.of("--network", network));
        }
        if (host.path("Init").asBoolean()) {
            arguments.add("--init");
        }
        List<String> command = strings(config.path("Cmd"));
        boolean ownCommand = !command.equals(strings(imageConfig.path("Cmd")));
        return new ContainerSettings(arguments, environment, network.equals("host"), ownCommand ? command : List.of());
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
