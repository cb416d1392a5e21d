package io.jenkins.plugins.optimizeddeploy.engine.findings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;

/** Writes a JSON tree as indented text ending with a newline. */
final class JsonText {

    private JsonText() {
    }

    static String write(ObjectMapper mapper, ObjectNode root) {
        try {
            return mapper.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("Cannot write the lint report as JSON", e);
        }
    }
}
