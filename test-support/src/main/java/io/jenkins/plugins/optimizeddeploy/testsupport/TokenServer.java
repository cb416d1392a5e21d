package io.jenkins.plugins.optimizeddeploy.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;

/**
 * The token endpoint of the Docker registry token flow: checks HTTP Basic credentials and answers with an RS256
 * JWT granting the requested scopes. The JWT header carries the signing certificate as {@code x5c}, which the
 * registry verifies against its {@code rootcertbundle}.
 */
final class TokenServer implements AutoCloseable {
    static final String ISSUER = "optimized-deploy-test-token-issuer";
    static final String SERVICE = "optimized-deploy-test-registry";
    private static final long LIFETIME_SECONDS = 300;

    private final HttpServer server;
    private final PrivateKey signingKey;
    private final String certificateChain;
    private final byte[] expectedAuthorization;

    private TokenServer(HttpServer server, PrivateKey signingKey, X509Certificate certificate, String username,
            String password) throws CertificateException {
        this.server = server;
        this.signingKey = signingKey;
        this.certificateChain = Base64.getEncoder().encodeToString(certificate.getEncoded());
        this.expectedAuthorization = ("Basic " + Base64.getEncoder().encodeToString(
                (username + ":" + password).getBytes(StandardCharsets.UTF_8))).getBytes(StandardCharsets.UTF_8);
        server.createContext("/token", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "registry token server");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
    }

    /** Starts on a free loopback port, signing with the PKCS#8 key and certificate openssl generated. */
    static TokenServer start(Path privateKeyPem, Path certificatePem, String username, String password) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            return new TokenServer(server, readPrivateKey(privateKeyPem), readCertificate(certificatePem),
                    username, password);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the token server", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot load the token signing key " + privateKeyPem
                    + " or certificate " + certificatePem, e);
        }
    }

    URI realm() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/token");
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod())) {
                respond(exchange, 405, Map.of("error", "only GET is supported"));
                return;
            }
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (authorization == null || !MessageDigest.isEqual(expectedAuthorization,
                    authorization.getBytes(StandardCharsets.UTF_8))) {
                exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"" + ISSUER + "\"");
                respond(exchange, 401, Map.of("error", "valid basic credentials are required"));
                return;
            }
            Map<String, List<String>> query = parseQuery(exchange.getRequestURI().getRawQuery());
            List<String> service = query.getOrDefault("service", List.of(SERVICE));
            if (!service.equals(List.of(SERVICE))) {
                respond(exchange, 400, Map.of("error", "unknown service " + service));
                return;
            }
            String token = sign(username(authorization), query.getOrDefault("scope", List.of()));
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("token", token);
            body.put("access_token", token);
            body.put("expires_in", LIFETIME_SECONDS);
            body.put("issued_at", Instant.now().toString());
            respond(exchange, 200, body);
        } catch (GeneralSecurityException e) {
            throw new IOException("Cannot sign a registry token", e);
        }
    }

    private String sign(String subject, List<String> scopes) throws GeneralSecurityException {
        long now = Instant.now().getEpochSecond();
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("typ", "JWT");
        header.put("alg", "RS256");
        header.put("x5c", List.of(certificateChain));
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", ISSUER);
        claims.put("sub", subject);
        claims.put("aud", SERVICE);
        claims.put("exp", now + LIFETIME_SECONDS);
        claims.put("nbf", now - 10);
        claims.put("iat", now);
        claims.put("jti", UUID.randomUUID().toString());
        claims.put("access", scopes.stream().flatMap(scope -> List.of(scope.split(" ")).stream())
                .map(TokenServer::access).toList());
        String signingInput = base64Url(BusyboxImage.json(header)) + "." + base64Url(BusyboxImage.json(claims));
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initSign(signingKey);
        rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + base64Url(rs256.sign());
    }

    /** {@code repository:team/app:pull,push}: the name sits between the first and the last colon. */
    private static Map<String, Object> access(String scope) {
        int first = scope.indexOf(':');
        int last = scope.lastIndexOf(':');
        if (first < 0 || first == last) {
            throw new IllegalArgumentException("Scope '" + scope + "' is not type:name:actions");
        }
        Map<String, Object> access = new LinkedHashMap<>();
        access.put("type", scope.substring(0, first));
        access.put("name", scope.substring(first + 1, last));
        access.put("actions", List.of(scope.substring(last + 1).split(",")));
        return access;
    }

    private static String username(String basicAuthorization) {
        String decoded = new String(Base64.getDecoder().decode(basicAuthorization.substring("Basic ".length())),
                StandardCharsets.UTF_8);
        return decoded.substring(0, decoded.indexOf(':'));
    }

    private static Map<String, List<String>> parseQuery(String rawQuery) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (rawQuery == null) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            parameters.computeIfAbsent(name, ignored -> new ArrayList<>()).add(value);
        }
        return parameters;
    }

    private static void respond(HttpExchange exchange, int status, Map<String, Object> body) throws IOException {
        byte[] json = BusyboxImage.json(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, json.length);
        exchange.getResponseBody().write(json);
    }

    private static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static PrivateKey readPrivateKey(Path pem) throws IOException, GeneralSecurityException {
        String text = Files.readString(pem);
        if (!text.contains("-----BEGIN PRIVATE KEY-----")) {
            throw new GeneralSecurityException(pem + " is not a PKCS#8 PEM private key");
        }
        String base64 = text.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }

    static X509Certificate readCertificate(Path pem) throws IOException, CertificateException {
        try (var in = Files.newInputStream(pem)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }
}
