package io.jenkins.plugins.optimizeddeploy.engine.metrics;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.util.StdConverter;
import io.jenkins.plugins.optimizeddeploy.engine.image.Digest;
import io.jenkins.plugins.optimizeddeploy.engine.image.ImageReference;
import java.io.IOException;

/**
 * How the build record keeps an unknown image reference or digest: as {@code ""}, as records did when these were
 * text, so that records of either age read and write back the same.
 */
final class UnknownAsEmptyText {
    private UnknownAsEmptyText() {
    }

    /** Writes an unknown reference or digest as {@code ""}. */
    static final class Writer extends JsonSerializer<Object> {
        @Override
        public void serialize(Object value, JsonGenerator json, SerializerProvider provider) throws IOException {
            json.writeString("");
        }
    }

    /** Reads {@code ""} as an unknown reference. */
    static final class Reference extends StdConverter<String, ImageReference> {
        @Override
        public ImageReference convert(String text) {
            return text.isEmpty() ? null : ImageReference.parse(text);
        }
    }

    /** Reads {@code ""} as an unknown digest. */
    static final class DigestOf extends StdConverter<String, Digest> {
        @Override
        public Digest convert(String text) {
            return text.isEmpty() ? null : Digest.parse(text);
        }
    }
}
