package io.jenkins.plugins.optimizeddeploy.config;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The values a step takes for an argument it was not given, as set under Manage Jenkins or from a
 * Configuration-as-Code file; each is null when unset, and then the step's own default applies.
 *
 * @param registry        the registry and repository prefix {@code bakeImages} pushes under
 * @param credentialsId   the registry login of every step that talks to a registry
 * @param cacheRepository the repository {@code bakeImages} keeps its caches under
 * @param defaultBranch   the branch whose cache a new branch starts from
 * @param backend         the build backend of {@code bakeImages}
 * @param failOn          the failure threshold of {@code hardenDockerfile} and {@code verifyImage}
 */
public record StepDefaults(String registry, String credentialsId, String cacheRepository, String defaultBranch,
        String backend, String failOn) {

    /** No defaults: every step keeps its own. */
    public static final StepDefaults NONE = new StepDefaults(null, null, null, null, null, null);

    /** The values that are set, by their names in the configuration, in the order of the components. */
    public Map<String, String> asMap() {
        Map<String, String> values = new LinkedHashMap<>();
        putIfSet(values, "registry", registry);
        putIfSet(values, "credentialsId", credentialsId);
        putIfSet(values, "cacheRepository", cacheRepository);
        putIfSet(values, "defaultBranch", defaultBranch);
        putIfSet(values, "backend", backend);
        putIfSet(values, "failOn", failOn);
        return values;
    }

    private static void putIfSet(Map<String, String> values, String name, String value) {
        if (value != null) {
            values.put(name, value);
        }
    }

    /** {@code argument} when given, else this default (which may be null too). */
    public static String orDefault(String argument, String defaultValue) {
        return argument != null ? argument : defaultValue;
    }
}
