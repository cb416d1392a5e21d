package io.jenkins.plugins.optimizeddeploy.cli.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.UncheckedIOException;

/** The CLI's {@code --json} output: engine results as indented JSON, one document per run. */
public final class JsonOutput {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonOutput() {
    }

    public static String write(Object result) {
        try {
            return MAPPER.writeValueAsString(result) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("could not write " + result.getClass().getSimpleName() + " as JSON", e);
        }
    }
}
