package io.jenkins.plugins.optimizeddeploy.engine.inspect;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One platform's image config as a checker reads it: what the container runs with and how the image was made. Not
 * serialisable on purpose: {@code env} may hold secrets, so it is not meant to be recorded or printed.
 *
 * @param platform     {@code linux/amd64}
 * @param user         the configured user, empty when unset (root)
 * @param healthcheck  the health check's test, empty when none
 * @param env          {@code NAME=value} entries as configured
 * @param labels       sorted by name
 * @param exposedPorts {@code 22/tcp}..., sorted
 * @param history      each history entry's {@code created_by}, oldest first (empty strings for entries without one)
 */
public record ImageConfig(String platform, String user, List<String> healthcheck, List<String> env,
        Map<String, String> labels, List<String> exposedPorts, List<String> history) {
    public ImageConfig {
        Objects.requireNonNull(platform, "platform");
        user = Objects.requireNonNullElse(user, "");
        healthcheck = List.copyOf(healthcheck);
        env = List.copyOf(env);
        labels = Collections.unmodifiableMap(new TreeMap<>(labels));
        exposedPorts = exposedPorts.stream().sorted().toList();
        history = List.copyOf(history);
    }

    @Override
    public String toString() {
        return "ImageConfig[" + platform + ", user=" + user + ", " + env.size() + " env entries (values not shown)]";
    }
}
