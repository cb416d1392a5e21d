package io.jenkins.plugins.optimizeddeploy.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * CapRover's API on loopback as its source documents it, played from a script: each route ({@code POST /api/v2/login},
 * the appData POST and GET, the appDefinitions GET) answers its next scripted reply, the last one repeating. Replies
 * are HTTP 200 envelopes {@code {"status","description","data"}} or HTTP 429 with CapRover's plain-text body. Every
 * request is kept with its headers and body for the test to check. Any other route can be scripted too (a health
 * URL, a deploy hook), so one fake serves a whole deploy.
 */
public final class CapRoverFake implements AutoCloseable {
    public static final String LOGIN = "POST /api/v2/login";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final Map<String, Deque<Reply>> script = new HashMap<>();
    private final List<Request> requests = new ArrayList<>();

    public record Request(String method, String path, String query, Map<String, String> headers, String body) {
        public String route() {
            return method + " " + path;
        }

        public Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name.toLowerCase()));
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("the request body is not JSON: " + body, e);
            }
        }
    }

    public record Reply(int httpStatus, String body) {
        public static Reply status(int status, String description, String data) {
            return new Reply(200, "{\"status\":" + status + ",\"description\":\"" + description + "\",\"data\":" + data
                    + "}");
        }

        public static Reply ok(String data) {
            return status(100, "OK", data);
        }

        public static Reply busy() {
            return new Reply(429, "Another operation still in progress... please wait...");
        }

        public static Reply token(String jwt) {
            return ok("{\"token\":\"" + jwt + "\"}");
        }

        public static Reply build(boolean building, boolean failed, String... logLines) {
            StringBuilder lines = new StringBuilder();
            for (String line : logLines) {
                lines.append(lines.length() == 0 ? "" : ",").append('"').append(line).append('"');
            }
            return ok("{\"isAppBuilding\":" + building + ",\"isBuildFailed\":" + failed + ",\"logs\":{\"lines\":["
                    + lines + "],\"firstLineNumber\":-50}}");
        }
    }

    public CapRoverFake() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on loopback for the CapRover fake", e);
        }
        script(LOGIN, Reply.token("jwt-1"));
        script(deploy("web"), Reply.status(101, "Deploy is started", "{}"));
        script(build("web"), Reply.build(false, false, "Build has finished successfully!"));
        server.createContext("/", this::answer);
        server.start();
    }

    public static String deploy(String app) {
        return "POST /api/v2/user/apps/appData/" + app;
    }

    public static String build(String app) {
        return "GET /api/v2/user/apps/appData/" + app;
    }

    public static String definitions() {
        return "GET /api/v2/user/apps/appDefinitions";
    }

    /** What {@code route} answers from now on, in order; the last reply repeats. */
    public synchronized CapRoverFake script(String route, Reply... replies) {
        script.put(route, new ArrayDeque<>(List.of(replies)));
        return this;
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public synchronized List<Request> requests(String route) {
        return requests.stream().filter(request -> request.route().equals(route)).toList();
    }

    private void answer(HttpExchange exchange) throws IOException {
        Map<String, String> headers = new HashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
        Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                exchange.getRequestURI().getQuery(), headers,
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        Reply reply;
        synchronized (this) {
            requests.add(request);
            Deque<Reply> replies = script.get(request.route());
            reply = replies == null ? new Reply(404, "Not Found")
                    : replies.size() > 1 ? replies.poll() : replies.peek();
        }
        byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", reply.httpStatus() == 200 ? "application/json" : "text/plain");
        exchange.sendResponseHeaders(reply.httpStatus(), body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
