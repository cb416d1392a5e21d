package io.jenkins.plugins.optimizeddeploy.engine.registry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback HTTP proxy in front of a real registry that answers the first requests with an error status, or
 * forwards the first authorized requests without their {@code Authorization} (as if the registry had rejected the
 * token): the only way to make a real registry fail on demand. Every later request goes through unchanged. Like the real
 * registry (and unlike the JDK's HTTP server, which waits for a request line) it drops a TLS hello at once, so the
 * client's https probe fails fast.
 */
final class FaultInjectingProxy implements AutoCloseable {
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "content-length", "date", "transfer-encoding");

    private static final int TLS_HANDSHAKE_RECORD = 0x16;

    private final HttpServer server;
    private final ServerSocket front;
    private final HttpClient upstream = HttpClient.newHttpClient();
    private final URI target;
    private final int failureStatus;
    private final Map<String, String> failureHeaders;
    private final AtomicInteger failuresLeft;
    private final AtomicInteger authorizationDropsLeft;
    private final AtomicInteger requests = new AtomicInteger();

    private FaultInjectingProxy(URI target, int failures, int failureStatus, Map<String, String> failureHeaders,
            int authorizationDrops) throws IOException {
        this.target = target;
        this.failureStatus = failureStatus;
        this.failureHeaders = failureHeaders;
        this.failuresLeft = new AtomicInteger(failures);
        this.authorizationDropsLeft = new AtomicInteger(authorizationDrops);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
        this.front = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptConnections, "fault-injecting proxy front");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void acceptConnections() {
        while (!front.isClosed()) {
            try {
                Socket client = front.accept();
                Thread connection = new Thread(() -> relay(client), "fault-injecting proxy connection");
                connection.setDaemon(true);
                connection.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void relay(Socket client) {
        try (client; Socket backend = new Socket(InetAddress.getLoopbackAddress(), server.getAddress().getPort())) {
            int first = client.getInputStream().read();
            if (first < 0 || first == TLS_HANDSHAKE_RECORD) {
                return;
            }
            backend.getOutputStream().write(first);
            Thread upstreamCopy = new Thread(() -> copy(client, backend), "fault-injecting proxy upstream");
            upstreamCopy.setDaemon(true);
            upstreamCopy.start();
            copy(backend, client);
        } catch (IOException dropped) {
            // The client went away; nothing to report to anyone.
        }
    }

    private static void copy(Socket from, Socket to) {
        try {
            from.getInputStream().transferTo(to.getOutputStream());
            to.shutdownOutput();
        } catch (IOException dropped) {
            // One side closed; the other copy ends with it.
        }
    }

    /** Fails the first {@code failures} requests with {@code status} and {@code headers}, then forwards. */
    static FaultInjectingProxy failingFirst(URI registry, int failures, int status, Map<String, String> headers) {
        return start(registry, failures, status, headers, 0);
    }

    /** Forwards the first {@code drops} requests that carry an {@code Authorization} without it. */
    static FaultInjectingProxy droppingAuthorization(URI registry, int drops) {
        return start(registry, 0, 0, Map.of(), drops);
    }

    private static FaultInjectingProxy start(URI registry, int failures, int status, Map<String, String> headers,
            int authorizationDrops) {
        try {
            return new FaultInjectingProxy(registry, failures, status, headers, authorizationDrops);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start a proxy in front of " + registry, e);
        }
    }

    String hostPort() {
        return "127.0.0.1:" + front.getLocalPort();
    }

    int requests() {
        return requests.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            requests.incrementAndGet();
            if (failuresLeft.getAndDecrement() > 0) {
                failureHeaders.forEach(exchange.getResponseHeaders()::add);
                exchange.sendResponseHeaders(failureStatus, -1);
                return;
            }
            HttpRequest.Builder forward = HttpRequest.newBuilder(target.resolve(exchange.getRequestURI().toString()))
                    .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.noBody());
            for (String header : List.of("Accept", "Authorization")) {
                String value = exchange.getRequestHeaders().getFirst(header);
                boolean drop = header.equals("Authorization") && value != null
                        && authorizationDropsLeft.getAndDecrement() > 0;
                if (value != null && !drop) {
                    forward.header(header, value);
                }
            }
            HttpResponse<InputStream> response = upstream.send(forward.build(), HttpResponse.BodyHandlers.ofInputStream());
            response.headers().map().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
                    values.forEach(value -> exchange.getResponseHeaders().add(name, value));
                }
            });
            byte[] body = response.body().readAllBytes();
            boolean head = exchange.getRequestMethod().equals("HEAD");
            exchange.sendResponseHeaders(response.statusCode(), head || body.length == 0 ? -1 : body.length);
            if (!head) {
                exchange.getResponseBody().write(body);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while forwarding to " + target, e);
        }
    }

    @Override
    public void close() {
        try {
            front.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot close the proxy front on " + hostPort(), e);
        } finally {
            server.stop(0);
        }
    }
}
