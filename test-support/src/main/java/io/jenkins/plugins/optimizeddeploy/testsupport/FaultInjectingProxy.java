package io.jenkins.plugins.optimizeddeploy.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loopback HTTP proxy in front of a real registry (and its token server) that injects faults: an error status,
 * 429 with {@code Retry-After}, a connection reset, a stall past the client's timeout before the answer or halfway
 * through its body, a body cut short after the registry did the work, a request held in the network and forwarded
 * after the client gave up on it, or a request forwarded without its {@code Authorization} (as if the registry had
 * rejected the token). It is the only way to make a real registry fail on demand. It logs every request it
 * receives ({@code METHOD path?query}), token requests included: the registry's {@code WWW-Authenticate} realm and
 * upload {@code Location}s are rewritten to point at the proxy. Like the real registry (and unlike the JDK's HTTP
 * server, which waits for a request line) it drops a TLS hello at once, so the client's https probe fails fast.
 */
public final class FaultInjectingProxy implements AutoCloseable {
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "content-length", "date", "transfer-encoding");
    private static final String TOKEN_RELAY = "/token-relay";
    private static final Pattern REALM = Pattern.compile("realm=\"([^\"]*)\"");

    private static final int TLS_HANDSHAKE_RECORD = 0x16;

    /**
     * What the proxy does to one request. {@link #STALL} holds it, then drops it unsent; {@link #STALL_BODY} sends
     * it and holds the answer halfway; {@link #DELAY} holds it, then sends it all the same (the registry applies it
     * late, though its client may have given up on it).
     */
    public enum Fault {
        NONE, RESET, STATUS_500, STATUS_502, STATUS_503, TOO_MANY_REQUESTS, STALL, TRUNCATE, STALL_BODY, DELAY
    }

    /** The fault for request number {@code number} (0-based, in order of arrival), {@code METHOD path?query}. */
    @FunctionalInterface
    public interface FaultPlan {
        Fault faultFor(int number, String request);
    }

    private final HttpServer server;
    private final ServerSocket front;
    private final HttpClient upstream = HttpClient.newHttpClient();
    private final URI target;
    private final FaultPlan plan;
    private final Duration stall;
    private final int failureStatus;
    private final Map<String, String> failureHeaders;
    private final AtomicInteger failuresLeft;
    private final AtomicInteger authorizationDropsLeft;
    private final AtomicInteger requests = new AtomicInteger();
    private final List<String> log = new CopyOnWriteArrayList<>();
    private final List<Fault> injected = new CopyOnWriteArrayList<>();
    private volatile String tokenRealm;

    private FaultInjectingProxy(URI target, int failures, int failureStatus, Map<String, String> failureHeaders,
            int authorizationDrops, FaultPlan plan, Duration stall) throws IOException {
        this.target = target;
        this.failureStatus = failureStatus;
        this.failureHeaders = failureHeaders;
        this.failuresLeft = new AtomicInteger(failures);
        this.authorizationDropsLeft = new AtomicInteger(authorizationDrops);
        this.plan = plan;
        this.stall = stall;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "fault-injecting proxy handler");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
        this.front = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        SocketThreads.acceptEach(front, "fault-injecting proxy", this::relay);
    }

    private void relay(Socket client) {
        try (client; Socket backend = new Socket(InetAddress.getLoopbackAddress(), server.getAddress().getPort())) {
            int first = client.getInputStream().read();
            if (first < 0 || first == TLS_HANDSHAKE_RECORD) {
                return;
            }
            backend.getOutputStream().write(first);
            SocketThreads.pipeBothWays(client, backend, "fault-injecting proxy");
        } catch (IOException dropped) {
            // The client went away; nothing to report to anyone.
        }
    }

    /** Fails the first {@code failures} requests with {@code status} and {@code headers}, then forwards. */
    public static FaultInjectingProxy failingFirst(URI registry, int failures, int status, Map<String, String> headers) {
        return start(registry, failures, status, headers, 0, (number, request) -> Fault.NONE, Duration.ZERO);
    }

    /** Forwards the first {@code drops} registry requests that carry an {@code Authorization} without it. */
    public static FaultInjectingProxy droppingAuthorization(URI registry, int drops) {
        return start(registry, 0, 0, Map.of(), drops, (number, request) -> Fault.NONE, Duration.ZERO);
    }

    /** Forwards every request unchanged, logging it. */
    public static FaultInjectingProxy transparent(URI registry) {
        return following(registry, (number, request) -> Fault.NONE, Duration.ZERO);
    }

    /**
     * Does to each request what {@code plan} says; {@link Fault#STALL}, {@link Fault#STALL_BODY} and
     * {@link Fault#DELAY} hold it for {@code stall}.
     */
    public static FaultInjectingProxy following(URI registry, FaultPlan plan, Duration stall) {
        return start(registry, 0, 0, Map.of(), 0, plan, stall);
    }

    private static FaultInjectingProxy start(URI registry, int failures, int status, Map<String, String> headers,
            int authorizationDrops, FaultPlan plan, Duration stall) {
        try {
            return new FaultInjectingProxy(registry, failures, status, headers, authorizationDrops, plan, stall);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start a proxy in front of " + registry, e);
        }
    }

    public String hostPort() {
        return "127.0.0.1:" + front.getLocalPort();
    }

    public int requests() {
        return requests.get();
    }

    /** Every request received, as {@code METHOD path?query}, in order of arrival. */
    public List<String> log() {
        return List.copyOf(log);
    }

    /** How many logged requests start with {@code prefix}, e.g. {@code "GET /v2/app/manifests/"}. */
    public long count(String prefix) {
        return log.stream().filter(request -> request.startsWith(prefix)).count();
    }

    /** The faults injected so far (NONE left out). */
    public List<Fault> injected() {
        return List.copyOf(injected);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            int number = requests.getAndIncrement();
            String method = exchange.getRequestMethod();
            String pathAndQuery = exchange.getRequestURI().toString();
            log.add(method + " " + pathAndQuery);
            if (failuresLeft.getAndDecrement() > 0) {
                failureHeaders.forEach(exchange.getResponseHeaders()::add);
                exchange.sendResponseHeaders(failureStatus, -1);
                return;
            }
            Fault fault = plan.faultFor(number, method + " " + pathAndQuery);
            if (fault != Fault.NONE) {
                injected.add(fault);
            }
            if (injectBeforeForwarding(exchange, fault)) {
                return;
            }
            byte[] requestBody = exchange.getRequestBody().readAllBytes();
            if (fault == Fault.DELAY) {
                pause(stall);
            }
            boolean tokenRequest = pathAndQuery.startsWith(TOKEN_RELAY);
            URI destination = tokenRequest
                    ? URI.create(tokenRealm + pathAndQuery.substring(TOKEN_RELAY.length()))
                    : target.resolve(pathAndQuery);
            HttpRequest.Builder forward = HttpRequest.newBuilder(destination).method(method,
                    requestBody.length == 0 ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(requestBody));
            for (String header : List.of("Accept", "Authorization", "Content-Type")) {
                String value = exchange.getRequestHeaders().getFirst(header);
                boolean drop = header.equals("Authorization") && value != null && !tokenRequest
                        && authorizationDropsLeft.getAndDecrement() > 0;
                if (value != null && !drop) {
                    forward.header(header, value);
                }
            }
            HttpResponse<byte[]> response = upstream.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
            response.headers().map().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
                    values.forEach(value -> exchange.getResponseHeaders().add(name, rewritten(name, value)));
                }
            });
            byte[] body = response.body();
            boolean head = method.equals("HEAD");
            if (fault == Fault.TRUNCATE || fault == Fault.STALL_BODY) {
                // The registry did the work; the client sees the answer break off, or stop halfway.
                if (head || body.length == 0) {
                    pause(fault == Fault.STALL_BODY ? stall : Duration.ZERO);
                    return;
                }
                exchange.sendResponseHeaders(response.statusCode(), body.length);
                exchange.getResponseBody().write(body, 0, body.length / 2);
                exchange.getResponseBody().flush();
                pause(fault == Fault.STALL_BODY ? stall : Duration.ZERO);
                return;
            }
            exchange.sendResponseHeaders(response.statusCode(), head || body.length == 0 ? -1 : body.length);
            if (!head) {
                exchange.getResponseBody().write(body);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while forwarding to " + target, e);
        }
    }

    /** True when the fault is the whole answer (nothing is forwarded). Closing without a response resets. */
    private boolean injectBeforeForwarding(HttpExchange exchange, Fault fault) throws IOException {
        switch (fault) {
            case RESET -> {
                return true;
            }
            case STATUS_500, STATUS_502, STATUS_503 -> {
                exchange.sendResponseHeaders(Integer.parseInt(fault.name().substring("STATUS_".length())), -1);
                return true;
            }
            case TOO_MANY_REQUESTS -> {
                exchange.getResponseHeaders().add("Retry-After", "1");
                exchange.sendResponseHeaders(429, -1);
                return true;
            }
            case STALL -> {
                pause(stall);
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    private static void pause(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String rewritten(String header, String value) {
        String proxy = "http://" + hostPort();
        if (header.equalsIgnoreCase("Location")) {
            String registry = target.toString().replaceAll("/$", "");
            return value.startsWith(registry) ? proxy + value.substring(registry.length()) : value;
        }
        if (header.equalsIgnoreCase("WWW-Authenticate")) {
            Matcher realm = REALM.matcher(value);
            if (realm.find() && value.regionMatches(true, 0, "Bearer", 0, 6)) {
                tokenRealm = realm.group(1);
                return realm.replaceFirst(Matcher.quoteReplacement("realm=\"" + proxy + TOKEN_RELAY + "\""));
            }
        }
        return value;
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
