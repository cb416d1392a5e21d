package io.jenkins.plugins.optimizeddeploy.engine.registry;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * One HTTP/1.1 connection to a registry or its token server, used by one request at a time and kept by a
 * {@link ConnectionPool} between requests. It runs over a socket channel, so a thread interrupted while it waits
 * for the server closes the connection at once (a Jenkins build that is aborted ends its requests instead of
 * waiting for them); https is TLS over that same channel, checking that the certificate names the host. Every read,
 * of the headers and of each piece of the body, waits at most the request's timeout, and so does every write: a
 * server that stops taking the request has its connection closed. The whole exchange, up to the last byte of the
 * answer's body, keeps to the request's {@link Deadline}, so that a server sending a byte now and then cannot hold
 * it either. Through an HTTP proxy, an http request names its whole URL and https goes through a {@code CONNECT}
 * tunnel; a proxy that asks for authentication is reported.
 */
final class HttpConnection implements Closeable {
    private static final int BUFFER_BYTES = 16 * 1024;
    private static final int HEADER_LINE_LIMIT = 16 * 1024;
    private static final int HEADER_LIMIT = 64 * 1024;
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,18}");

    private final String key;
    private final SocketChannel channel;
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final ConnectionPool pool;
    /** Plain http through a proxy: the request line names the whole URL. */
    private final boolean absoluteForm;
    /** When the write to the socket under way began, or 0 when none is. */
    private volatile long writingSinceNanos;
    /** The deadline of the exchange under way (or last made); none before the first. */
    private volatile Deadline deadline = Deadline.NONE;
    private int readTimeoutMillis;
    private int exchanges;
    private long idleSinceNanos;

    private HttpConnection(String key, SocketChannel channel, Socket socket, boolean absoluteForm,
            ConnectionPool pool) throws IOException {
        this.key = key;
        this.channel = channel;
        this.socket = socket;
        this.absoluteForm = absoluteForm;
        this.pool = pool;
        this.in = new BufferedInputStream(new DeadlineStream(socket.getInputStream()), BUFFER_BYTES);
        this.out = new BufferedOutputStream(new ProgressStream(socket.getOutputStream()), BUFFER_BYTES);
    }

    /**
     * What a connection for {@code uri} through {@code proxy} is kept under: its scheme, host and port, and the
     * proxy.
     */
    static String key(URI uri, Proxy proxy) {
        String origin = uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost() + ":" + port(uri);
        return proxy.type() == Proxy.Type.DIRECT ? origin : origin + " via " + proxy.address();
    }

    /**
     * Connects to the server of {@code uri}, directly or through the HTTP {@code proxy}, within
     * {@code connectTimeout}; for https completes the TLS handshake (and first the proxy's tunnel) within
     * {@code handshakeTimeout}.
     *
     * @throws IOException when it cannot connect, or {@code uri} is not an http or https URL with a host
     */
    static HttpConnection open(URI uri, Proxy proxy, SSLSocketFactory tls, Duration connectTimeout,
            Duration handshakeTimeout, ConnectionPool pool) throws IOException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IOException("cannot send a request to a '" + scheme + "' URL, only to http and https");
        }
        if (uri.getHost() == null) {
            throw new IOException("the URL names no host (or one Java cannot read, such as a name with '_')");
        }
        String host = unbracketed(uri.getHost());
        boolean proxied = proxy.type() == Proxy.Type.HTTP;
        InetSocketAddress address = proxied ? resolved((InetSocketAddress) proxy.address())
                : new InetSocketAddress(host, port(uri));
        SocketChannel channel = SocketChannel.open();
        Socket socket = channel.socket();
        try {
            socket.connect(address, millis(connectTimeout));
            socket.setTcpNoDelay(true);
            if (scheme.equals("https")) {
                socket.setSoTimeout(millis(handshakeTimeout));
                if (proxied) {
                    tunnel(socket, host, port(uri), proxy);
                }
                SSLSocket secure = (SSLSocket) tls.createSocket(socket, host, port(uri), true);
                SSLParameters parameters = secure.getSSLParameters();
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
                secure.setSSLParameters(parameters);
                socket = secure;
                secure.startHandshake();
            }
            return new HttpConnection(key(uri, proxy), channel, socket, proxied && scheme.equals("http"), pool);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** The proxy selector's addresses are unresolved. */
    private static InetSocketAddress resolved(InetSocketAddress address) {
        return address.isUnresolved() ? new InetSocketAddress(address.getHostString(), address.getPort()) : address;
    }

    /** Asks the proxy for a tunnel to {@code host:port}, reading its answer byte by byte (TLS follows on it). */
    private static void tunnel(Socket socket, String host, int port, Proxy proxy) throws IOException {
        String authority = (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        OutputStream toProxy = socket.getOutputStream();
        toProxy.write(("CONNECT " + authority + " HTTP/1.1\r\nHost: " + authority + "\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        toProxy.flush();
        InputStream fromProxy = socket.getInputStream();
        String statusLine = readLine(fromProxy, true);
        int status = status(statusLine);
        readHeaders(fromProxy);
        if (status == 407) {
            throw new IOException("the proxy " + proxy.address() + " asks for authentication (407), which the"
                    + " registry client does not answer; let the agent reach " + authority + " without it");
        }
        if (status / 100 != 2) {
            throw new IOException("the proxy " + proxy.address() + " refused a tunnel to " + authority + ": '"
                    + printable(statusLine) + "'");
        }
    }

    String key() {
        return key;
    }

    /** Whether this connection carried a request before (so the server may have closed it while it was idle). */
    boolean reused() {
        return exchanges > 0;
    }

    long idleSinceNanos() {
        return idleSinceNanos;
    }

    /** From now on the connection waits for a request. */
    void markIdle() {
        idleSinceNanos = System.nanoTime();
    }

    /**
     * Whether the idle connection can carry another request: the server has neither closed it nor sent anything
     * unasked (such as a 408 before closing), which would otherwise be taken for the next answer.
     */
    boolean usableAfterIdle() {
        try {
            if (in.available() > 0) {
                return false;
            }
            channel.configureBlocking(false);
            try {
                return channel.read(ByteBuffer.allocate(1)) == 0;
            } finally {
                channel.configureBlocking(true);
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Sends {@code request} and reads the status and headers of the answer. The body is left to the response: read
     * to its end, the connection goes back to the pool; closed before that, the connection is closed.
     *
     * @throws NoResponseException when the server closed the connection without answering: on a kept connection,
     *                             it had closed it before the request came
     * @throws IOException when the connection fails, or the answer is not HTTP
     */
    RegistryResponse exchange(RegistryRequest request) throws IOException {
        readTimeoutMillis = millis(request.timeout());
        deadline = new Deadline(request.deadline());
        writeRequest(request);
        String statusLine = readLine(in, true);
        int status = status(statusLine);
        Map<String, List<String>> headers = readHeaders(in);
        while (status >= 100 && status < 200) { // interim answers (100 Continue) precede the real one
            status = status(readLine(in, false));
            headers = readHeaders(in);
        }
        exchanges++;
        boolean keepAlive = statusLine.startsWith("HTTP/1.1") && !hasToken(headers, "Connection", "close");
        return new RegistryResponse(status, request.uri(), headers, body(request, status, headers, keepAlive));
    }

    private void writeRequest(RegistryRequest request) throws IOException {
        URI uri = request.uri();
        StringBuilder head = new StringBuilder(256);
        head.append(request.method()).append(' ');
        if (absoluteForm) {
            head.append("http://").append(uri.getHost()).append(uri.getPort() == -1 ? "" : ":" + uri.getPort());
        }
        head.append(uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath());
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
        WriteDeadline deadline = new WriteDeadline(request);
        try {
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            if (withBody) {
                LengthCheckingStream body = new LengthCheckingStream(out, request.body().length());
                request.body().writer().writeTo(body);
                body.checkComplete();
            }
            out.flush();
        } catch (IOException e) {
            throw deadline.cancel() ? deadline.failure(e) : e;
        } finally {
            deadline.cancel(); // also when the body's source failed
        }
        if (deadline.cancel()) { // it closed the connection just as the last write returned
            throw deadline.failure(null);
        }
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
        boolean shaped = statusLine.startsWith("HTTP/1.") && statusLine.length() >= 12 && statusLine.charAt(8) == ' '
                && (statusLine.length() == 12 || statusLine.charAt(12) == ' ');
        if (!shaped || !DIGITS.matcher(statusLine.substring(9, 12)).matches()) {
            throw new IOException("the answer is not HTTP/1.x: '" + printable(statusLine) + "'");
        }
        return Integer.parseInt(statusLine.substring(9, 12));
    }

    private static Map<String, List<String>> readHeaders(InputStream from) throws IOException {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        int total = 0;
        for (String line = readLine(from, false); !line.isEmpty(); line = readLine(from, false)) {
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
    private static String readLine(InputStream from, boolean first) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(64);
        int b = from.read();
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
            b = from.read();
        }
        String text = line.toString(StandardCharsets.ISO_8859_1);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }

    /**
     * The body as the answer frames it (RFC 9112, section 6.3): none for HEAD, 204 and 304; chunked when that is the
     * last transfer coding; up to the end of the connection for any other transfer coding or when no length is
     * given; else the {@code Content-Length}, which must be one number, however often it is repeated.
     */
    private InputStream body(RegistryRequest request, int status, Map<String, List<String>> headers,
            boolean keepAlive) throws IOException {
        if (request.method().equals("HEAD") || status == 204 || status == 304) {
            release(keepAlive);
            return InputStream.nullInputStream();
        }
        List<String> codings = tokens(headers, "Transfer-Encoding");
        if (!codings.isEmpty()) {
            // With a Content-Length too, the connection is not to be trusted with another request.
            boolean keep = keepAlive && !headers.containsKey("Content-Length");
            return codings.get(codings.size() - 1).equalsIgnoreCase("chunked") ? new ChunkedBody(keep)
                    : new UntilClosedBody();
        }
        if (!headers.containsKey("Content-Length")) {
            return new UntilClosedBody();
        }
        List<String> lengths = tokens(headers, "Content-Length");
        if (lengths.isEmpty() || lengths.stream().distinct().count() > 1 || !DIGITS.matcher(lengths.get(0)).matches()) {
            throw new IOException("the answer has an invalid Content-Length '"
                    + printable(String.join(", ", lengths)) + "'");
        }
        long bytes = Long.parseLong(lengths.get(0));
        if (bytes == 0) {
            release(keepAlive);
            return InputStream.nullInputStream();
        }
        return new FixedLengthBody(bytes, keepAlive);
    }

    /** The comma-separated values of every {@code name} header, in order. */
    private static List<String> tokens(Map<String, List<String>> headers, String name) {
        List<String> tokens = new ArrayList<>();
        for (String value : headers.getOrDefault(name, List.of())) {
            for (String part : value.split(",")) {
                if (!part.isBlank()) {
                    tokens.add(part.strip());
                }
            }
        }
        return tokens;
    }

    private static boolean hasToken(Map<String, List<String>> headers, String name, String token) {
        return tokens(headers, name).stream().anyMatch(token::equalsIgnoreCase);
    }

    /** After a whole body: back to the pool when the server keeps the connection open, else closed. */
    private void release(boolean keepAlive) {
        if (keepAlive) {
            markIdle();
            pool.release(this);
        } else {
            pool.discard(this);
        }
    }

    /** Closes the channel itself: a TLS socket's close would wait for a write that is stuck. */
    @Override
    public void close() {
        try {
            channel.close();
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

    /**
     * Closes the connection when one write to the socket stays blocked for the request timeout (the server takes
     * nothing more), or the request's deadline passes while it is written: a socket's own timeout covers reads only.
     * Time the request's body takes to produce its bytes does not count towards the timeout. One daemon thread
     * watches the writes of every connection in the JVM.
     */
    private final class WriteDeadline implements Runnable {
        private final RegistryRequest request;
        private final long timeoutNanos;
        private boolean passed;
        private boolean deadlinePassed;
        private boolean cancelled;
        private ScheduledFuture<?> check;

        WriteDeadline(RegistryRequest request) {
            this.request = request;
            this.timeoutNanos = request.timeout().toNanos();
            schedule(Math.min(timeoutNanos, deadline.remainingNanos()));
        }

        @Override
        public void run() {
            synchronized (this) {
                if (cancelled) {
                    return;
                }
                long since = writingSinceNanos;
                long blocked = since == 0 ? 0 : System.nanoTime() - since;
                long remaining = deadline.remainingNanos();
                if (blocked < timeoutNanos && remaining > 0) {
                    schedule(Math.min(timeoutNanos - blocked, remaining));
                    return;
                }
                passed = true;
                deadlinePassed = remaining <= 0;
            }
            close();
        }

        /** Why the connection was closed. */
        synchronized IOException failure(IOException cause) {
            return deadlinePassed ? deadline.exceeded()
                    : new WriteStalledException("the server took no byte of the request for "
                            + request.timeout().toSeconds() + " s", cause);
        }

        private synchronized void schedule(long nanos) {
            check = Watchdog.THREAD.schedule(this, nanos, TimeUnit.NANOSECONDS);
        }

        /** Stops watching; returns whether the deadline had passed (and closed the connection). */
        synchronized boolean cancel() {
            cancelled = true;
            check.cancel(false);
            return passed;
        }
    }

    /** The thread of {@link WriteDeadline}s, started when the first request is written. */
    private static final class Watchdog {
        static final ScheduledThreadPoolExecutor THREAD = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "optimized-deploy registry write deadlines");
            thread.setDaemon(true);
            thread.setContextClassLoader(null); // it outlives the request that started it, and must not pin a loader
            return thread;
        });

        static {
            THREAD.setRemoveOnCancelPolicy(true);
        }

        private Watchdog() {
        }
    }

    /** Notes how long each write to the socket has been under way, for the {@link WriteDeadline}. */
    private final class ProgressStream extends FilterOutputStream {
        ProgressStream(OutputStream socketStream) {
            super(socketStream);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            writingSinceNanos = System.nanoTime();
            try {
                out.write(bytes, offset, length);
                deadline.moved(length);
            } finally {
                writingSinceNanos = 0;
            }
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }
    }

    /**
     * Reads from the socket within the request's {@link Deadline}: each read waits at most the request timeout or
     * what is left of the deadline, whichever is shorter.
     */
    private final class DeadlineStream extends FilterInputStream {
        DeadlineStream(InputStream socketStream) {
            super(socketStream);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            Deadline current = deadline;
            long remaining = current.remainingNanos();
            if (remaining <= 0) {
                throw current.exceeded();
            }
            long remainingMillis = (remaining + 999_999) / 1_000_000;
            boolean deadlineFirst = remainingMillis < readTimeoutMillis;
            socket.setSoTimeout(deadlineFirst ? (int) remainingMillis : readTimeoutMillis);
            int read;
            try {
                read = in.read(bytes, offset, length);
            } catch (SocketTimeoutException e) {
                throw deadlineFirst ? current.exceeded() : e;
            }
            current.moved(Math.max(0, read));
            return read;
        }
    }

    /**
     * How long an exchange may take: its deadline, plus a second for every {@link #BYTES_PER_SECOND} it has moved
     * either way, so that a large blob is held to a pace rather than to a time.
     */
    private static final class Deadline {
        static final long BYTES_PER_SECOND = 256 * 1024;
        static final Deadline NONE = new Deadline(Duration.ofNanos(Long.MAX_VALUE / 2));

        private final Duration allowed;
        private final long startNanos = System.nanoTime();
        private final AtomicLong moved = new AtomicLong();

        Deadline(Duration allowed) {
            this.allowed = allowed;
        }

        void moved(long bytes) {
            moved.addAndGet(bytes);
        }

        long remainingNanos() {
            long bytes = moved.get();
            long earned = bytes / BYTES_PER_SECOND * 1_000_000_000L
                    + bytes % BYTES_PER_SECOND * 1_000_000_000L / BYTES_PER_SECOND;
            return allowed.toNanos() + earned - (System.nanoTime() - startNanos);
        }

        DeadlineExceededException exceeded() {
            return new DeadlineExceededException("the request took longer than the " + allowed.toSeconds()
                    + " s (plus 1 s per " + BYTES_PER_SECOND / 1024 + " KiB moved) it may take (requestDeadline)");
        }
    }

    /** The request ran past its {@link Deadline}, so the connection was closed. Not worth repeating. */
    static final class DeadlineExceededException extends IOException {
        private static final long serialVersionUID = 1L;

        DeadlineExceededException(String message) {
            super(message);
        }
    }

    /** No byte of a request went out for the request timeout, so the connection was closed. */
    static final class WriteStalledException extends IOException {
        private static final long serialVersionUID = 1L;

        WriteStalledException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The server closed the connection before a byte of an answer: the request may go again on another. */
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
                    while (!readLine(in, false).isEmpty()) {
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
            if (leftInChunk == 0 && !readLine(in, false).isEmpty()) {
                throw new IOException("a chunk of the answer is longer than its size says");
            }
            return read;
        }

        private long chunkSize() throws IOException {
            String line = readLine(in, false);
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
