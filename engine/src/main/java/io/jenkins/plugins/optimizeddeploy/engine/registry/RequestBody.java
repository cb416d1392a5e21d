package io.jenkins.plugins.optimizeddeploy.engine.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.function.Supplier;

/**
 * What a request sends, {@code length} bytes written afresh for every attempt. A streamed body (a blob) goes out as
 * it is read, never held in memory whole.
 */
record RequestBody(long length, Writer writer) {
    static final RequestBody EMPTY = new RequestBody(0, out -> { });

    /** Writes the body into the request. */
    @FunctionalInterface
    interface Writer {
        void writeTo(OutputStream out) throws IOException;
    }

    static RequestBody of(byte[] content) {
        return new RequestBody(content.length, out -> out.write(content));
    }

    /** {@code length} bytes read from a stream that {@code source} opens for each attempt. */
    static RequestBody streamed(long length, Supplier<InputStream> source) {
        return new RequestBody(length, out -> {
            try (InputStream in = source.get()) {
                in.transferTo(out);
            }
        });
    }
}
