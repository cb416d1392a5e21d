package io.jenkins.plugins.optimizeddeploy.engine.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.optimizeddeploy.testsupport.SocketThreads;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The client's HTTP/1.1 connections (Apache HttpClient with the transport's settings) against a scripted server on
 * loopback, for what a real registry seldom does: chunked and close-delimited bodies, bodies cut short, connections
 * closed while idle, answers that never come, requests the server stops taking, interrupted callers. The real registry's answers are every other registry test's.
 */
class RegistryTransportTest {
    private static final RegistryOptions OPTIONS = RegistryOptions.builder().maxRetries(2)
            .initialBackoff(Duration.ofMillis(10)).maxBackoff(Duration.ofMillis(20)).build();

    @Test
    void shouldReadAChunkedBodyAndKeepTheConnection() throws Exception {
        try (ScriptedServer server = new ScriptedServer(request -> Answer.keep("HTTP/1.1 200 OK\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n" + "5;name=value\r\nhello\r\n" + "7\r\n, world\r\n"
                + "0\r\nTrailer: ignored\r\n\r\n"));
                RegistryTransport transport = new RegistryTransport(OPTIONS)) {
            assertThat(body(transport, server.uri("/a"))).isEqualTo("hello, world");
            assertThat(body(transport, server.uri("/b"))).isEqualTo("hello, world");

            assertThat(server.connections()).as("the second request reuses the connection").isEqualTo(1);
        }
    }

    @Test
    void shouldSendTheNextRequestOnAConnectionOpenedAhead() throws Exception {
        try (ScriptedServer server = new ScriptedServer(request -> Answer.keep("HTTP/1.1 200 OK\r\n"
                + "Content-Length: 2\r\n\r\nok"));
                RegistryTransport transport = new RegistryTransport(OPTIONS)) {
            transport.openAhead(server.uri("/v2/"));
            server.awaitConnections(1);

            assertThat(body(transport, server.uri("/v2/app/manifests/1"))).isEqualTo("ok");

            assertThat(server.connections()).isEqualTo(1);
        }
    }

    @Test
    void shouldReadABodyThatEndsWithTheConnection() throws Exception {
        try (ScriptedServer server = new ScriptedServer(request -> Answer.close("HTTP/1.0 400 Bad Request\r\n\r\n"
                + "Client sent an HTTP request to an HTTPS server."));
                RegistryTransport transport = new RegistryTransport(OPTIONS)) {
            RegistryResponse response = send(transport, server.uri("/v2/"));

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(new String(transport.readBody("probe", response, 1024), StandardCharsets.UTF_8))
                    .isEqualTo("Client sent an HTTP request to an HTTPS server.");
            send(transport, server.uri("/v2/"));
            assertThat(server.connections()).isEqualTo(2);
        }
    }

    @Test
    void shouldReportABodyCutShortOfItsLength() throws Exception {
        try (ScriptedServer server = new ScriptedServer(request -> Answer.close("HTTP/1.1 200 OK\r\n"
                + "Content-Length: 10\r\n\r\nhello"));
                RegistryTransport transport = new RegistryTransport(OPTIONS)) {
            RegistryResponse response = send(transport, server.uri("/manifest"));

            assertThatThrownBy(() -> transport.readBody("fetch manifest", response, 1024))
                    .isInstanceOf(BrokenResponseException.class)
                    .hasMessageContaining("expected: 10; received: 5");
        }
    }

    @Test
    void shouldRefuseConflictingLengthsInsteadOfReadingTheWrongAnswerNext() throws Exception {
        try (ScriptedServer server = new ScriptedServer(request -> Answer.keep("HTTP/1.1 200 OK\r\n"
                + "Content-Length: 2\r\nContent-Length: 40\r\n\r\nok"));
                RegistryTransport transport = new RegistryTransport(RegistryOptions.builder().maxRetries(0).build())) {
            assertThatThrownBy(() -> send(transport, server.uri("/a"))).isInstanceOf(RegistryException.class)
                    .hasMessageContaining("Multiple Content-Length headers");
        }
    }

    @Test
    void shouldRefuseAnAnswerWithEndlessHeaders() throws Exception {
        try (ScriptedServer server = new ScriptedServer(request -> Answer.close("HTTP/1.1 200 OK\r\n"
                + "X-Padding: more\r\n".repeat(100_000) + "Content-Length: 0\r\n\r\n"));
                RegistryTransport transport = new RegistryTransport(RegistryOptions.builder().maxRetries(0).build())) {
            assertThatThrownBy(() -> send(transport, server.uri("/a"))).isInstanceOf(RegistryException.class)
                    .hasMessageContaining("Maximum header count exceeded");
        }
        try (ScriptedServer server = new ScriptedServer(request -> Answer.close("HTTP/1.1 200 OK\r\n"
                + "X-Padding: " + "x".repeat(1 << 20) + "\r\nContent-Length: 0\r\n\r\n"));
                RegistryTransport transport = new RegistryTransport(RegistryOptions.builder().maxRetries(0).build())) {
            assertThatThrownBy(() -> send(transport, server.uri("/a"))).isInstanceOf(RegistryException.class)
                    .hasMessageContaining("Maximum line length limit exceeded");
        }
    }

    @Test
    void shouldRefuseATransferCodingOtherThanChunkedInsteadOfGuessingTheBodysEnd() throws Exception {
        try (ScriptedServer server = new ScriptedServer(request -> Answer.close("HTTP/1.1 200 OK\r\n"
                + "Transfer-Encoding: identity-ish\r\nContent-Length: 2\r\n\r\nthe whole body"));
                RegistryTransport transport = new RegistryTransport(RegistryOptions.builder().maxRetries(0).build())) {
            assertThatThrownBy(() -> send(transport, server.uri("/a"))).isInstanceOf(RegistryException.class)
                    .hasMessageContaining("Unsupported transfer encoding: identity-ish");
        }
    }

    @Test
    void shouldRefuseAStatusLineWithALongerCode() throws Exception {
        try (ScriptedServer server = new ScriptedServer(request -> Answer.close("HTTP/1.1 2001 OK\r\n\r\n"));
                RegistryTransport transport = new RegistryTransport(RegistryOptions.builder().maxRetries(0).build())) {
            // Not a status line: HttpClient reads on for one, and finds the end of the answer instead.
            assertThatThrownBy(() -> send(transport, server.uri("/a"))).isInstanceOf(RegistryException.class)
                    .hasMessageContaining("failed to respond");
        }
    }

    @Test
    void shouldNotTakeWhatTheServerSentOnAnIdleConnectionForTheNextAnswer() throws Exception {
        // The server answers, then gives up on the idle connection as some do: 408, then closing it.
        try (ScriptedServer server = new ScriptedServer(request -> new Answer("HTTP/1.1 200 OK\r\n"
                + "Content-Length: 2\r\n\r\nok" + "HTTP/1.1 408 Request Timeout\r\nConnection: close\r\n\r\n",
                true));
                RegistryTransport transport = new RegistryTransport(OPTIONS)) {
            assertThat(body(transport, server.uri("/first"))).isEqualTo("ok");
            server.awaitClosedConnections(1);

            RegistryResponse second = send(transport, server.uri("/second"));

            assertThat(second.statusCode()).isEqualTo(200);
            assertThat(server.connections()).isEqualTo(2);
        }
    }

    @Test
    @Timeout(30) // without the bound it waits for good
    void shouldGiveUpOnAServerThatStopsTakingTheRequest() throws Exception {
        RegistryOptions oneSecond = RegistryOptions.builder().maxRetries(0).requestTimeout(Duration.ofSeconds(1))
                .build();
        try (ScriptedServer server = new ScriptedServer(request -> Answer.never());
                RegistryTransport transport = new RegistryTransport(oneSecond)) {
            server.stopReadingBodies();
            long gigabyte = 1L << 30;
            RegistryRequest upload = transport.request("PUT", server.uri("/blob"))
                    .body(RequestBody.streamed(gigabyte, () -> new ZeroStream(gigabyte)));
            long start = System.nanoTime();

            assertThatThrownBy(() -> transport.send(RequestKind.BLOB_UPLOAD, "upload", upload))
                    .isInstanceOf(RegistryException.class).hasMessageContaining("took no byte of the request for 1 s");
            assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).isLessThan(10);
        }
    }

    @Test
    @Timeout(30) // without the bound it waits for good
    void shouldGiveUpOnATlsHandshakeWithinTheRequestTimeout() throws Exception {
        RegistryOptions probe = RegistryOptions.builder().maxRetries(0).requestTimeout(Duration.ofSeconds(1))
                .connectTimeout(Duration.ofSeconds(30)).build();
        // A plain server that waits for a request line never answers a TLS hello.
        try (ScriptedServer server = new ScriptedServer(request -> Answer.never());
                RegistryTransport transport = new RegistryTransport(probe)) {
            URI https = URI.create(server.uri("/v2/").toString().replace("http:", "https:"));
            long start = System.nanoTime();

            assertThatThrownBy(() -> send(transport, https)).isInstanceOf(RegistryException.class);
            assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).isLessThan(10);
        }
    }

    @Test
    void shouldWaitForABodyThatIsSlowToComeAsLongAsTheServerTakesIt() throws Exception {
        RegistryOptions oneSecond = RegistryOptions.builder().maxRetries(0).requestTimeout(Duration.ofSeconds(1))
                .build();
        try (ScriptedServer server = new ScriptedServer(request -> Answer.keep("HTTP/1.1 201 Created\r\n"
                + "Content-Length: 0\r\n\r\n"));
                RegistryTransport transport = new RegistryTransport(oneSecond)) {
            // 10 bytes every 0.4 s, 2 s in all: each pause shorter than the timeout, their sum longer.
            RegistryRequest upload = transport.request("PUT", server.uri("/blob")).body(new RequestBody(50, out -> {
                for (int piece = 0; piece < 5; piece++) {
                    out.write(new byte[10]);
                    out.flush();
                    sleep(400);
                }
            }));

            assertThat(transport.send(RequestKind.BLOB_UPLOAD, "upload", upload).statusCode()).isEqualTo(201);
        }
    }

    @Test
    void shouldNotSendAgainARequestTheServerReadBeforeTheConnectionBroke() throws Exception {
        try (ScriptedServer server = new ScriptedServer(request -> request == 0
                ? Answer.keep("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n") : Answer.reset());
                RegistryTransport transport = new RegistryTransport(RegistryOptions.builder().maxRetries(0).build())) {
            send(transport, server.uri("/first"));
            RegistryRequest finish = transport.request("PUT", server.uri("/upload?digest=sha256:0"))
                    .body(RequestBody.of(new byte[100]));

            assertThatThrownBy(() -> transport.send(RequestKind.BLOB_UPLOAD, "finish upload", finish))
                    .isInstanceOf(RegistryException.class);
            assertThat(server.requests()).as("the PUT went once").hasSize(2);
        }
    }

    @Test
    void shouldRefuseAUrlOfAnotherScheme() {
        try (RegistryTransport transport = new RegistryTransport(RegistryOptions.builder().maxRetries(0).build())) {
            assertThatThrownBy(() -> send(transport, URI.create("ftp://127.0.0.1/blob")))
                    .isInstanceOf(RegistryException.class).hasMessageContaining("'ftp' URL");
        }
    }

    @Test
    void shouldSendAgainOnANewConnectionWhenAKeptOneWasClosedWhileIdle() throws Exception {
        try (ScriptedServer server = new ScriptedServer(request -> Answer.keep("HTTP/1.1 200 OK\r\n"
                + "Content-Length: 2\r\n\r\nok"));
                RegistryTransport transport = new RegistryTransport(OPTIONS)) {
            // As a server whose idle timeout passed: the next request on the connection finds it closed.
            server.closeEachConnectionAfterOneAnswer();
            assertThat(body(transport, server.uri("/first"))).isEqualTo("ok");
            assertThat(body(transport, server.uri("/second"))).isEqualTo("ok");

            assertThat(server.connections()).isEqualTo(2);
            assertThat(transport.traffic().snapshot().requests(RequestKind.MANIFEST_GET))
                    .as("the request the closed connection never carried is not counted").isEqualTo(2);
        }
    }

    @Test
    @Timeout(30) // without the bound it waits for good
    void shouldEndARequestAtOnceWhenItsThreadIsInterrupted() throws Exception {
        try (ScriptedServer server = new ScriptedServer(request -> Answer.never());
                RegistryTransport transport = new RegistryTransport(OPTIONS)) {
            Thread caller = Thread.currentThread();
            CompletableFuture.runAsync(() -> {
                server.awaitRequests(1);
                caller.interrupt();
            });
            long start = System.nanoTime();

            assertThatThrownBy(() -> send(transport, server.uri("/held")))
                    .isInstanceOf(RegistryException.class).hasMessageContaining("interrupted");
            assertThat(Thread.interrupted()).as("the interrupt status is kept").isTrue();
            assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).isLessThan(10);
            assertThat(server.requests()).as("not retried").hasSize(1);
        }
    }

    @Test
    void shouldRefuseAHeaderValueWithALineBreakWithoutShowingIt() throws Exception {
        try (ScriptedServer server = new ScriptedServer(request -> Answer.keep("HTTP/1.1 204 No Content\r\n\r\n"));
                RegistryTransport transport = new RegistryTransport(OPTIONS)) {
            RegistryRequest request = transport.request("GET", server.uri("/v2/"))
                    .header("Authorization", "Bearer secret\r\nX-Injected: yes");

            assertThatThrownBy(() -> transport.send(RequestKind.PING, "ping", request))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("Authorization").hasMessageNotContaining("secret");
            assertThat(server.requests()).isEmpty();
        }
    }

    @Test
    void shouldRefuseABodyThatDoesNotMatchItsAnnouncedLength() throws Exception {
        try (ScriptedServer server = new ScriptedServer(request -> Answer.keep("HTTP/1.1 201 Created\r\n"
                + "Content-Length: 0\r\n\r\n"));
                RegistryTransport transport = new RegistryTransport(RegistryOptions.builder().maxRetries(0).build())) {
            RegistryRequest shorter = transport.request("PUT", server.uri("/blob"))
                    .body(RequestBody.streamed(10, () -> new ByteArrayInputStream(new byte[4])));

            assertThatThrownBy(() -> transport.send(RequestKind.BLOB_UPLOAD, "upload", shorter))
                    .isInstanceOf(RegistryException.class).hasMessageContaining("ended after 4 of the 10 bytes");
        }
    }

    @Test
    void shouldCloseKeptConnectionsWhenClosed() throws Exception {
        try (ScriptedServer server = new ScriptedServer(request -> Answer.keep("HTTP/1.1 200 OK\r\n"
                + "Content-Length: 2\r\n\r\nok"))) {
            RegistryTransport transport = new RegistryTransport(OPTIONS);
            assertThat(body(transport, server.uri("/a"))).isEqualTo("ok");

            transport.close();

            server.awaitClosedConnections(1);
            assertThatThrownBy(() -> send(transport, server.uri("/b"))).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("closed");
        }
    }

    private static void sleep(long millis) throws IOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static RegistryResponse send(RegistryTransport transport, URI uri) {
        return transport.send(RequestKind.MANIFEST_GET, "fetch " + uri, transport.request("GET", uri));
    }

    private static String body(RegistryTransport transport, URI uri) {
        RegistryResponse response = send(transport, uri);
        return new String(transport.readBody("fetch " + uri, response, 1024), StandardCharsets.UTF_8);
    }

    /** {@code length} zero bytes, made as they are read. */
    private static final class ZeroStream extends InputStream {
        private long left;

        ZeroStream(long length) {
            this.left = length;
        }

        @Override
        public int read() {
            return left-- > 0 ? 0 : -1;
        }

        @Override
        public int read(byte[] bytes, int offset, int length) {
            if (left <= 0) {
                return -1;
            }
            int count = (int) Math.min(length, left);
            Arrays.fill(bytes, offset, offset + count, (byte) 0);
            left -= count;
            return count;
        }
    }

    /** What the scripted server does with one request. */
    private record Answer(String text, boolean closeAfter) {
        /** Resets the connection once the request was read, without answering. */
        static Answer reset() {
            return new Answer("", true);
        }

        static Answer keep(String text) {
            return new Answer(text, false);
        }

        static Answer close(String text) {
            return new Answer(text, true);
        }

        /** Holds the request until the client closes the connection. */
        static Answer never() {
            return new Answer(null, false);
        }
    }

    /** A loopback server that answers each request as its script says, and counts connections and requests. */
    private static final class ScriptedServer implements AutoCloseable {
        private final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final IntFunction<Answer> script;
        private final List<String> requests = new CopyOnWriteArrayList<>();
        private final AtomicInteger connections = new AtomicInteger();
        private final AtomicInteger closedConnections = new AtomicInteger();
        private volatile boolean oneAnswerPerConnection;
        private volatile boolean readingBodies = true;
        private final CountDownLatch closing = new CountDownLatch(1);

        ScriptedServer(IntFunction<Answer> script) throws IOException {
            this.script = script;
            SocketThreads.acceptEach(socket, "scripted server", connection -> {
                connections.incrementAndGet();
                serve(connection);
            });
        }

        void closeEachConnectionAfterOneAnswer() {
            oneAnswerPerConnection = true;
        }

        /** Reads a request's head, then nothing more: its body fills the connection's buffers and stops. */
        void stopReadingBodies() {
            readingBodies = false;
        }

        URI uri(String path) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort() + path);
        }

        int connections() {
            return connections.get();
        }

        List<String> requests() {
            return List.copyOf(requests);
        }

        void awaitConnections(int count) {
            awaitCount(() -> connections.get() >= count);
        }

        void awaitRequests(int count) {
            awaitCount(() -> requests.size() >= count);
        }

        void awaitClosedConnections(int count) {
            awaitCount(() -> closedConnections.get() >= count);
        }

        private static void awaitCount(BooleanSupplier reached) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!reached.getAsBoolean()) {
                assertThat(System.nanoTime()).as("the server saw it in time").isLessThan(deadline);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }

        private void serve(Socket connection) {
            try (connection; InputStream in = connection.getInputStream();
                    OutputStream out = connection.getOutputStream()) {
                boolean answeredOnce = false;
                while (true) {
                    String head = readHead(in);
                    if (head == null) {
                        return;
                    }
                    if (answeredOnce && oneAnswerPerConnection) {
                        return; // closed without answering: the request never counts as received
                    }
                    requests.add(head.substring(0, head.indexOf("\r\n")));
                    if (!readingBodies) {
                        closing.await();
                        return;
                    }
                    in.readNBytes(contentLength(head));
                    Answer answer = script.apply(requests.size() - 1);
                    if (answer.text() == null) {
                        in.transferTo(OutputStream.nullOutputStream()); // until the client closes
                        return;
                    }
                    if (answer.text().isEmpty()) {
                        connection.setSoLinger(true, 0); // closing now resets the connection
                        return;
                    }
                    out.write(answer.text().getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                    answeredOnce = true;
                    if (answer.closeAfter()) {
                        return;
                    }
                }
            } catch (IOException dropped) {
                // The client went away.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                closedConnections.incrementAndGet();
            }
        }

        private static String readHead(InputStream in) throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int matched = 0;
            for (int b = in.read(); b != -1; b = in.read()) {
                head.write(b);
                matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
                if (matched == 4) {
                    return head.toString(StandardCharsets.ISO_8859_1);
                }
            }
            return null;
        }

        private static int contentLength(String head) {
            for (String line : head.split("\r\n")) {
                if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                    return Integer.parseInt(line.substring(15).strip());
                }
            }
            return 0;
        }

        @Override
        public void close() throws IOException {
            closing.countDown();
            socket.close();
        }
    }
}
