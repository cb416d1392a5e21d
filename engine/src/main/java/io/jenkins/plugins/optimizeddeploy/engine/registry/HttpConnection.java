package io.jenkins.plugins.optimizeddeploy.engine.registry;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * One HTTP/1.1 connection to a registry or its token server, used by one request at a time and kept by a
 * {@link ConnectionPool} between requests. It runs over a socket channel, so a thread interrupted while it waits
 * for the server closes the connection at once (a Jenkins build that is aborted ends its requests instead of
 * waiting for them); https is TLS over that same channel, checking that the certificate names the host. Every read,
 * of the headers and of each piece of the body, waits at most the request's timeout.
 */
final class HttpConnection implements Closeable {
    private static final int BUFFER_BYTES = 16 * 1024;
    private static final int HEADER_LINE_LIMIT = 16 * 1024;
    private static final int HEADER_LIMIT = 64 * 1024;
    private static final byte[] CRLF = {'\r', '\n'};

    private final String origin;
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final ConnectionPool pool;
    private int exchanges;
    private long idleSinceNanos;

    private HttpConnection(String origin, Socket socket, ConnectionPool pool) throws IOException {
        this.origin = origin;
        this.socket = socket;
        this.pool = pool;
        this.in = new BufferedInputStream(socket.getInputStream(), BUFFER_BYTES);
        this.out = new BufferedOutputStream(socket.getOutputStream(), BUFFER_BYTES);
    }

    /** {@code scheme://host:port} of {@code uri}: the connections that can carry its requests. */
    static String origin(URI uri) {
        return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost() + ":" + port(uri);
    }

    /**
     * Connects to the server of {@code uri}, and for https completes the TLS handshake with {@code tls}, within
     * {@code connectTimeout} each.
     */
    static HttpConnection open(URI uri, SSLSocketFactory tls, Duration connectTimeout, ConnectionPool pool)
            throws IOException {
        String host = unbracketed(uri.getHost());
        int timeout = millis(connectTimeout);
        SocketChannel channel = SocketChannel.open();
        Socket socket = channel.socket();
        try {
            socket.connect(new InetSocketAddress(host, port(uri)), timeout);
            socket.setTcpNoDelay(true);
            if ("https".equalsIgnoreCase(uri.getScheme())) {
                SSLSocket secure = (SSLSocket) tls.createSocket(socket, host, port(uri), true);
                SSLParameters parameters = secure.getSSLParameters();
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
                secure.setSSLParameters(parameters);
                secure.setSoTimeout(timeout);
                socket = secure;
                secure.startHandshake();
            }
            return new HttpConnection(origin(uri), socket, pool);
        } catch (IOException | RuntimeException e) {
            socket.close();
            channel.close();
            throw e;
        }
    }

    String origin() {
        return origin;
    }

    /** Whether this connection carried a request before (so the server may have closed it while it was idle). */
    boolean reused() {
        return exchanges > 0;
    }

    long idleSinceNanos() {
        return idleSinceNanos;
    }

    /**
     * Sends {@code request} and reads the status and headers of the answer. The body is left to the response: read
     * to its end, the connection goes back to the pool; closed before that, the connection is closed.
     *
     * @throws NoResponseException when the server closed the connection without answering
     * @throws IOException when the connection fails, or the answer is not HTTP
     */
    RegistryResponse exchange(RegistryRequest request) throws IOException {
        socket.setSoTimeout(millis(request.timeout()));
        writeRequest(request);
        String statusLine = readLine(true);
        int status = status(statusLine);
        Map<String, List<String>> headers = readHeaders();
        while (status >= 100 && status < 200) { // interim answers (100 Continue) precede the real one
            status = status(readLine(false));
            headers = readHeaders();
        }
        exchanges++;
        boolean keepAlive = statusLine.startsWith("HTTP/1.1") && !hasToken(headers, "Connection", "close");
        return new RegistryResponse(status, request.uri(), headers, body(request, status, headers, keepAlive));
    }

    private void writeRequest(RegistryRequest request) throws IOException {
        URI uri = request.uri();
        StringBuilder head = new StringBuilder(256);
        String target = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        head.append(request.method()).append(' ').append(target);
        if (uri.getRawQuery() != null) {
            head.append('?').append(uri.getRawQuery());
        }
        head.append(" HTTP/1.1\r\nHost: ").append(uri.getHost());
        if (uri.getPort() != -1) {
            head.append(':').append(uri.getPort());
        }
        head.append("\r\n");
        request.headers().forEach((name, value) -> appendHeader(head, name, value));
        boolean withBody = request.method().equals("PUT") || request.method().equals("POST")
                || request.body().length() > 0;
        if (withBody) {
            appendHeader(head, "Content-Length", Long.toString(request.body().length()));
        }
        head.append("\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (withBody) {
            LengthCheckingStream body = new LengthCheckingStream(out, request.body().length());
            request.body().writer().writeTo(body);
            body.checkComplete();
        }
        out.flush();
    }

    private static void appendHeader(StringBuilder head, String name, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n' || c > 0xff) {
                // The value is not shown: it may be a credential.
                throw new IllegalArgumentException("The request header " + name
                        + " holds a line break or a character HTTP cannot send");
            }
        }
        head.append(name).append(": ").append(value).append("\r\n");
    }

    private static int status(String statusLine) throws IOException {
        // HTTP/1.1 200 OK
        if (!statusLine.startsWith("HTTP/1.") || statusLine.length() < 12 || statusLine.charAt(8) != ' ') {
            throw new IOException("the answer is not HTTP/1.x: '" + printable(statusLine) + "'");
        }
        try {
            return Integer.parseInt(statusLine.substring(9, 12));
        } catch (NumberFormatException e) {
            throw new IOException("the answer has no status code: '" + printable(statusLine) + "'", e);
        }
    }

    private Map<String, List<String>> readHeaders() throws IOException {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        int total = 0;
        for (String line = readLine(false); !line.isEmpty(); line = readLine(false)) {
            total += line.length();
            if (total > HEADER_LIMIT) {
                throw new IOException("the answer's headers are larger than " + HEADER_LIMIT + " bytes");
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new IOException("the answer has a malformed header line: '" + printable(line) + "'");
            }
            headers.computeIfAbsent(line.substring(0, colon).strip(), name -> new ArrayList<>())
                    .add(line.substring(colon + 1).strip());
        }
        return headers;
    }

    /**
     * One line without its line break.
     *
     * @param first whether it is the first line of an answer: the end of the stream before it means no answer
     */
    private String readLine(boolean first) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(64);
        int b = in.read();
        if (b == -1 && first) {
            throw new NoResponseException("the server closed the connection without answering");
        }
        while (b != '\n') {
            if (b == -1) {
                throw new EOFException("the answer broke off in its headers");
            }
            if (line.size() >= HEADER_LINE_LIMIT) {
                throw new IOException("the answer has a header line longer than " + HEADER_LINE_LIMIT + " bytes");
            }
            line.write(b);
            b = in.read();
        }
        String text = line.toString(StandardCharsets.ISO_8859_1);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }

    private InputStream body(RegistryRequest request, int status, Map<String, List<String>> headers,
            boolean keepAlive) throws IOException {
        if (request.method().equals("HEAD") || status == 204 || status == 304) {
            release(keepAlive);
            return InputStream.nullInputStream();
        }
        if (hasToken(headers, "Transfer-Encoding", "chunked")) {
            return new ChunkedBody(keepAlive);
        }
        List<String> length = headers.get("Content-Length");
        if (length != null) {
            long bytes;
            try {
                bytes = Long.parseLong(length.get(0));
            } catch (NumberFormatException e) {
                throw new IOException("the answer has an invalid Content-Length '" + printable(length.get(0)) + "'",
                        e);
            }
            if (bytes < 0) {
                throw new IOException("the answer has a negative Content-Length " + bytes);
            }
            if (bytes == 0) {
                release(keepAlive);
                return InputStream.nullInputStream();
            }
            return new FixedLengthBody(bytes, keepAlive);
        }
        return new UntilClosedBody();
    }

    private static boolean hasToken(Map<String, List<String>> headers, String name, String token) {
        for (String value : headers.getOrDefault(name, List.of())) {
            for (String part : value.split(",")) {
                if (part.strip().equalsIgnoreCase(token)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** After a whole body: back to the pool when the server keeps the connection open, else closed. */
    private void release(boolean keepAlive) {
        if (keepAlive) {
            idleSinceNanos = System.nanoTime();
            pool.release(this);
        } else {
            pool.discard(this);
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // Nothing more can be done with it either way.
        }
    }

    private static int port(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private static String unbracketed(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private static int millis(Duration duration) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, duration.toMillis()));
    }

    private static String printable(String text) {
        String shown = text.length() > 80 ? text.substring(0, 80) + "..." : text;
        return shown.replaceAll("[^\\x20-\\x7e]", "?");
    }

    /** The server closed the connection before a byte of an answer: the request may be sent again elsewhere. */
    static final class NoResponseException extends IOException {
        private static final long serialVersionUID = 1L;

        NoResponseException(String message) {
            super(message);
        }
    }

    /** Lets through exactly the announced number of bytes, so that a body can never desynchronize the connection. */
    private static final class LengthCheckingStream extends FilterOutputStream {
        private final long announced;
        private long written;

        LengthCheckingStream(OutputStream out, long announced) {
            super(out);
            this.announced = announced;
        }

        @Override
        public void write(int b) throws IOException {
            count(1);
            out.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            count(length);
            out.write(bytes, offset, length);
        }

        private void count(int length) throws IOException {
            written += length;
            if (written > announced) {
                throw new IOException("the request body is longer than the " + announced + " bytes announced");
            }
        }

        void checkComplete() throws IOException {
            if (written != announced) {
                throw new IOException("the request body ended after " + written + " of the " + announced
                        + " bytes announced");
            }
        }

        @Override
        public void flush() {
            // The connection flushes once the whole request is written.
        }

        @Override
        public void close() {
            // The connection stays open for the answer.
        }
    }

    /**
     * A body the connection frames; read to its end, the connection is released (kept when the server keeps it
     * alive), and closed when the body is abandoned before.
     */
    private abstract class Body extends InputStream {
        private final boolean keepAlive;
        private boolean done;

        Body(boolean keepAlive) {
            this.keepAlive = keepAlive;
        }

        /** Reads at most {@code length} bytes (1 or more) of what is left; -1 at the end. */
        abstract int readSome(byte[] bytes, int offset, int length) throws IOException;

        @Override
        public final int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
        }

        @Override
        public final int read(byte[] bytes, int offset, int length) throws IOException {
            if (done) {
                return -1;
            }
            if (length == 0) {
                return 0;
            }
            int read;
            try {
                read = readSome(bytes, offset, length);
            } catch (IOException e) {
                finish(false);
                throw e;
            }
            if (read == -1) {
                finish(keepAlive);
            }
            return read;
        }

        @Override
        public final void close() {
            finish(false);
        }

        private void finish(boolean reusable) {
            if (!done) {
                done = true;
                release(reusable);
            }
        }
    }

    private final class FixedLengthBody extends Body {
        private final long length;
        private long left;

        FixedLengthBody(long length, boolean keepAlive) {
            super(keepAlive);
            this.length = length;
            this.left = length;
        }

        @Override
        int readSome(byte[] bytes, int offset, int count) throws IOException {
            if (left == 0) {
                return -1;
            }
            int read = in.read(bytes, offset, (int) Math.min(count, left));
            if (read == -1) {
                throw new EOFException("the answer broke off after " + (length - left) + " of " + length + " bytes");
            }
            left -= read;
            return read;
        }

        @Override
        public int available() throws IOException {
            return (int) Math.min(in.available(), left);
        }
    }

    /** {@code Transfer-Encoding: chunked}: pieces each led by its size in hex, ended by a piece of size 0. */
    private final class ChunkedBody extends Body {
        private long leftInChunk;
        private boolean last;

        ChunkedBody(boolean keepAlive) {
            super(keepAlive);
        }

        @Override
        int readSome(byte[] bytes, int offset, int count) throws IOException {
            if (last) {
                return -1;
            }
            if (leftInChunk == 0) {
                leftInChunk = chunkSize();
                if (leftInChunk == 0) {
                    while (!readLine(false).isEmpty()) {
                        // trailer fields: none that matters here
                    }
                    last = true;
                    return -1;
                }
            }
            int read = in.read(bytes, offset, (int) Math.min(count, leftInChunk));
            if (read == -1) {
                throw new EOFException("the answer broke off in a chunk");
            }
            leftInChunk -= read;
            if (leftInChunk == 0 && !readLine(false).isEmpty()) {
                throw new IOException("a chunk of the answer is longer than its size says");
            }
            return read;
        }

        private long chunkSize() throws IOException {
            String line = readLine(false);
            int extension = line.indexOf(';');
            String size = (extension == -1 ? line : line.substring(0, extension)).strip();
            try {
                long bytes = Long.parseLong(size, 16);
                if (bytes < 0) {
                    throw new NumberFormatException("negative");
                }
                return bytes;
            } catch (NumberFormatException e) {
                throw new IOException("the answer has an invalid chunk size '" + printable(size) + "'", e);
            }
        }
    }

    /** A body without a length, ended by the server closing the connection (HTTP/1.0 style). */
    private final class UntilClosedBody extends Body {
        UntilClosedBody() {
            super(false);
        }

        @Override
        int readSome(byte[] bytes, int offset, int count) throws IOException {
            return in.read(bytes, offset, count);
        }
    }
}
