package io.jenkins.plugins.optimizeddeploy.engine.deploy;

import io.jenkins.plugins.optimizeddeploy.testsupport.SocketThreads;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A server on loopback that takes a request and never answers it, or only trickles the head of an answer that never
 * ends, and sees when the client ends the connection.
 */
final class SilentServer implements AutoCloseable {
    private final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    private final CountDownLatch requested = new CountDownLatch(1);
    private final CountDownLatch ended = new CountDownLatch(1);
    /** How often a byte of the answer's head is sent, or null for never. */
    private final Duration trickle;

    SilentServer() throws IOException {
        this(null);
    }

    private SilentServer(Duration trickle) throws IOException {
        this.trickle = trickle;
        SocketThreads.acceptEach(socket, "silent server", this::hold);
    }

    /** Sends an answer's head a byte every {@code pace}, a header without end: no read waits long, the answer never comes. */
    static SilentServer trickling(Duration pace) throws IOException {
        return new SilentServer(pace);
    }

    URI url(String path) {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort() + path);
    }

    /** Waits until a request has begun to arrive. */
    void awaitRequest() {
        try {
            if (!requested.await(20, TimeUnit.SECONDS)) {
                throw new IllegalStateException("no request reached the silent server in 20 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a request", e);
        }
    }

    /** Whether the client closed the connection within {@code time}. */
    boolean endedByTheClientWithin(Duration time) throws InterruptedException {
        return ended.await(time.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void hold(Socket connection) {
        try (connection; InputStream in = connection.getInputStream()) {
            if (in.read() != -1) {
                requested.countDown();
            }
            if (trickle != null) {
                trickleAnswer(connection);
            }
            while (in.read() != -1) {
                // the rest of the request, then nothing until the client closes
            }
        } catch (IOException reset) {
            // the client reset the connection: it ended it too
        }
        ended.countDown();
    }

    private void trickleAnswer(Socket connection) throws IOException {
        OutputStream out = connection.getOutputStream();
        out.write("HTTP/1.1 200 OK\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII));
        while (true) {
            out.write('a');
            out.flush();
            try {
                Thread.sleep(trickle.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
