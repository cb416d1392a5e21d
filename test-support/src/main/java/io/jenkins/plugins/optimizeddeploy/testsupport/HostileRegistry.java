package io.jenkins.plugins.optimizeddeploy.testsupport;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A registry that misbehaves as a test scripts it, on a free loopback port, in HTTP/1.1 (plain, or over TLS with a
 * certificate of its own): each request is
 * answered with the {@link Answer} the test's {@link Script} gives, which may point uploads or token realms elsewhere,
 * send its bytes one at a time with a pause between them, or never end its body. Every request is recorded with its
 * headers ({@link #requests()}). Closing it closes every connection, so nothing it sends outlives the test.
 */
public final class HostileRegistry implements AutoCloseable {
    private static final int REQUEST_HEAD_LIMIT = 64 * 1024;
    private static final Duration ENDLESS_CHUNK_PAUSE = Duration.ofMillis(10);

    private final ServerSocket server;
    private final Path caCertificate;
    private final Script script;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final List<Socket> connections = new CopyOnWriteArrayList<>();

    /** A request as received: method, request target ({@code /v2/...?query}) and headers (names in lower case). */
    public record Request(String method, String target, Map<String, String> headers) {
        public Request {
            headers = Map.copyOf(headers);
        }

        /** The target without its query. */
        public String path() {
            int query = target.indexOf('?');
            return query < 0 ? target : target.substring(0, query);
        }

        public Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
        }
    }

    /** What to answer a request with. */
    @FunctionalInterface
    public interface Script {
        Answer answer(Request request);
    }

    /** An answer: status, headers and body, and how they are sent. Immutable; each method returns a copy. */
    public static final class Answer {
        private final int status;
        private final Map<String, String> headers;
        private final byte[] body;
        private final Duration pausePerByte;
        private final boolean endless;

        private Answer(int status, Map<String, String> headers, byte[] body, Duration pausePerByte, boolean endless) {
            this.status = status;
            this.headers = Map.copyOf(headers);
            this.body = body.clone();
            this.pausePerByte = pausePerByte;
            this.endless = endless;
        }

        /** {@code status} with an empty body. */
        public static Answer status(int status) {
            return new Answer(status, Map.of(), new byte[0], Duration.ZERO, false);
        }

        /** {@code status} with a JSON body. */
        public static Answer json(int status, String json) {
            return status(status).header("Content-Type", "application/json")
                    .body(json.getBytes(StandardCharsets.UTF_8));
        }

        /** 200 with a manifest: its bytes, the given {@code Content-Type} and their {@code Docker-Content-Digest}. */
        public static Answer manifest(String contentType, String content) {
            byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
            return status(200).header("Content-Type", contentType).header("Docker-Content-Digest", digestOf(bytes))
                    .body(bytes);
        }

        public Answer header(String name, String value) {
            Map<String, String> more = new LinkedHashMap<>(headers);
            more.put(name, value);
            return new Answer(status, more, body, pausePerByte, endless);
        }

        public Answer body(byte[] content) {
            return new Answer(status, headers, content, pausePerByte, endless);
        }

        /** Sent one byte at a time, its status line and headers too, pausing {@code pause} after each. */
        public Answer trickled(Duration pause) {
            return new Answer(status, headers, body, pause, endless);
        }

        /** A chunked body that never ends: a KiB every 10 ms (or the trickle's pause) until the client leaves. */
        public Answer endless() {
            return new Answer(status, headers, body, pausePerByte, true);
        }
    }

    private HostileRegistry(ServerSocket server, Path caCertificate, Script script) {
        this.server = server;
        this.caCertificate = caCertificate;
        this.script = script;
        SocketThreads.acceptEach(server, "hostile registry", this::serve);
    }

    /** Starts on a free port of 127.0.0.1. */
    public static HostileRegistry start(Script script) {
        try {
            return new HostileRegistry(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), null, script);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the hostile registry on 127.0.0.1", e);
        }
    }

    /**
     * Starts on a free port of 127.0.0.1 speaking TLS, with a self-signed certificate for 127.0.0.1 written into
     * {@code directory} ({@link #caCertificate()}).
     */
    public static HostileRegistry startTls(Script script, Path directory) {
        Path certificate = RunningRegistry.selfSignedCertificate(directory.resolve("hostile.key"),
                directory.resolve("hostile.crt"));
        try {
            char[] password = "hostile".toCharArray();
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(null, null);
            keys.setKeyEntry("hostile", TokenServer.readPrivateKey(directory.resolve("hostile.key")), password,
                    new Certificate[] {TokenServer.readCertificate(certificate)});
            KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(keys, password);
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(keyManagers.getKeyManagers(), null, null);
            return new HostileRegistry(tls.getServerSocketFactory().createServerSocket(0, 50,
                    InetAddress.getLoopbackAddress()), certificate, script);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the hostile TLS registry on 127.0.0.1", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot set up TLS for the hostile registry with " + certificate, e);
        }
    }

    /** {@code 127.0.0.1:PORT}, the registry part of image references. */
    public String registry() {
        return "127.0.0.1:" + server.getLocalPort();
    }

    /** {@code http://127.0.0.1:PORT} (https when it speaks TLS) followed by {@code path}. */
    public URI url(String path) {
        return URI.create((caCertificate == null ? "http://" : "https://") + registry() + path);
    }

    /** The certificate a {@link #startTls TLS} registry serves; it is its own CA. */
    public Path caCertificate() {
        if (caCertificate == null) {
            throw new IllegalStateException("The hostile registry at " + registry() + " speaks plain HTTP");
        }
        return caCertificate;
    }

    /** Every request received so far, in order of arrival. */
    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** The sha256 digest of {@code content}, as registries write it. */
    public static String digestOf(byte[] content) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JVM has no SHA-256", e);
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // Closing anyway.
        }
        connections.forEach(connection -> {
            try {
                connection.close();
            } catch (IOException ignored) {
                // Closing anyway.
            }
        });
    }

    private void serve(Socket connection) {
        connections.add(connection);
        try (connection) {
            connection.setTcpNoDelay(true); // the body goes out at once after the head, as registries send it
            InputStream in = new BufferedInputStream(connection.getInputStream());
            OutputStream out = connection.getOutputStream();
            while (true) {
                Optional<Request> request = readRequest(in);
                if (request.isEmpty()) {
                    return;
                }
                requests.add(request.get());
                Answer answer = script.answer(request.get());
                send(out, request.get(), answer);
                if (answer.endless) {
                    return;
                }
            }
        } catch (IOException | InterruptedException closed) {
            // The client or close() ended the connection.
        }
    }

    private static Optional<Request> readRequest(InputStream in) throws IOException {
        String requestLine = readLine(in);
        if (requestLine == null || requestLine.isEmpty()) {
            return Optional.empty();
        }
        String[] parts = requestLine.split(" ");
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line = readLine(in); line != null && !line.isEmpty(); line = readLine(in)) {
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
        }
        long length = Long.parseLong(headers.getOrDefault("content-length", "0"));
        in.skipNBytes(length);
        return Optional.of(new Request(parts[0], parts.length > 1 ? parts[1] : "/", headers));
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b == -1) {
                return null;
            }
            if (line.size() > REQUEST_HEAD_LIMIT) {
                throw new IOException("request line too long");
            }
            line.write(b);
        }
        String text = line.toString(StandardCharsets.ISO_8859_1);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }

    private static void send(OutputStream out, Request request, Answer answer)
            throws IOException, InterruptedException {
        StringBuilder head = new StringBuilder("HTTP/1.1 ").append(answer.status).append(" Hostile\r\n");
        answer.headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append(answer.endless ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + answer.body.length + "\r\n");
        head.append("\r\n");
        write(out, head.toString().getBytes(StandardCharsets.ISO_8859_1), answer.pausePerByte);
        if (request.method().equals("HEAD")) {
            return;
        }
        if (!answer.endless) {
            write(out, answer.body, answer.pausePerByte);
            return;
        }
        Duration pause = answer.pausePerByte.isZero() ? ENDLESS_CHUNK_PAUSE : answer.pausePerByte;
        byte[] chunk = ("400\r\n" + "{".repeat(1024) + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
        while (true) {
            out.write(chunk);
            out.flush();
            Thread.sleep(pause.toMillis());
        }
    }

    private static void write(OutputStream out, byte[] bytes, Duration pausePerByte)
            throws IOException, InterruptedException {
        if (pausePerByte.isZero()) {
            out.write(bytes);
            out.flush();
            return;
        }
        for (byte b : bytes) {
            out.write(b);
            out.flush();
            Thread.sleep(pausePerByte.toMillis());
        }
    }
}
