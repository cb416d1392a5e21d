package io.jenkins.plugins.optimizeddeploy.engine.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.function.Supplier;

/**
 * What a request sends, written afresh for every attempt. A streamed body (a blob) goes out as it is read, never
 * held in memory whole; any other body is small and sent in one piece, so that the HTTP client can still read a
 * challenge (401) the registry answers it with.
 */
record RequestBody(long length, boolean streamed, Writer writer) {
    static final RequestBody EMPTY = new RequestBody(0, false, out -> { });

    /** Writes the body into the request. */
    @FunctionalInterface
    interface Writer {
        void writeTo(OutputStream out) throws IOException;
    }

    static RequestBody of(byte[] content) {
        return new RequestBody(content.length, false, out -> out.write(content));
    }

    /** {@code length} bytes read from a stream that {@code source} opens for each attempt. */
    static RequestBody streamed(long length, Supplier<InputStream> source) {
        return new RequestBody(length, true, out -> {
            try (InputStream in = source.get()) {
                in.transferTo(out);
            }
        });
    }
}
