package io.jenkins.plugins.optimizeddeploy.engine.deploy;

import io.jenkins.plugins.optimizeddeploy.testsupport.SocketThreads;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A server on loopback that takes a request and never answers it, and sees when the client ends the connection. */
final class SilentServer implements AutoCloseable {
    private final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    private final CountDownLatch requested = new CountDownLatch(1);
    private final CountDownLatch ended = new CountDownLatch(1);

    SilentServer() throws IOException {
        SocketThreads.acceptEach(socket, "silent server", this::hold);
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
            while (in.read() != -1) {
                // the rest of the request, then nothing until the client closes
            }
        } catch (IOException reset) {
            // the client reset the connection: it ended it too
        }
        ended.countDown();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
