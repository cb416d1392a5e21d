package io.jenkins.plugins.optimizeddeploy.engine.registry;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The JSON reader for what registries send (error bodies, tokens, manifests whose references are needed), made on
 * first use: making it loads Jackson, a few hundred milliseconds in a fresh JVM, and a retag within a repository of
 * an open registry reads no JSON at all.
 */
final class RegistryJson {
    private RegistryJson() {
    }

    static ObjectMapper reader() {
        return Reader.INSTANCE;
    }

    /** Initialised when {@link #reader()} is first called (the JVM's lazy class initialisation). */
    private static final class Reader {
        private static final ObjectMapper INSTANCE =
                new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }
}
