package io.jenkins.plugins.optimizeddeploy.engine.deploy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A health endpoint on loopback that answers from a script: each request takes the next (status, body) answer, the
 * last one repeating.
 */
final class HealthServer implements AutoCloseable {
    private final HttpServer server;
    private final ConcurrentLinkedQueue<Answer> script;
    private final AtomicInteger requests = new AtomicInteger();
    private final List<URI> requestTargets = new CopyOnWriteArrayList<>();
    private volatile Answer last;

    record Answer(int status, String body) {
    }

    HealthServer(List<Answer> answers) {
        this.script = new ConcurrentLinkedQueue<>(answers);
        this.last = answers.get(answers.size() - 1);
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on loopback for the health server", e);
        }
        server.createContext("/health", exchange -> {
            requests.incrementAndGet();
            requestTargets.add(exchange.getRequestURI());
            Answer answer = script.isEmpty() ? last : script.poll();
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/health");
    }

    int requests() {
        return requests.get();
    }

    /** What each request line named: a path, or the whole URL when the server is asked as a proxy. */
    List<URI> requestTargets() {
        return List.copyOf(requestTargets);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
