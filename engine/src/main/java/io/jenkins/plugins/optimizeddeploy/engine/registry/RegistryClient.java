package io.jenkins.plugins.optimizeddeploy.engine.registry;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.optimizeddeploy.engine.image.Digest;
import io.jenkins.plugins.optimizeddeploy.engine.image.ImageReference;
import io.jenkins.plugins.optimizeddeploy.engine.image.InvalidReferenceException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.CertificateException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Collectors;

/**
 * A client of the OCI distribution API. It finds out per registry, with a {@code GET /v2/} ping, whether to use
 * https or (only for a loopback registry that does not speak TLS) http, and which authentication the registry
 * asks for; it then answers that challenge on every request (see {@link CredentialsSource}), and retries
 * idempotent requests as {@link RegistryOptions} says. Safe for concurrent use.
 *
 * <p>For a loopback registry https is tried first (waiting at most 3 s); plain http follows unless the https
 * attempt got as far as rejecting the server's certificate, so a TLS registry whose certificate is not trusted
 * is reported as such rather than asked in plain text.
 */
public final class RegistryClient {
    /** The largest manifest accepted, as in the distribution registry. */
    static final int MANIFEST_LIMIT = 4 * 1024 * 1024;
    private static final String DOCKER_HUB_API = "registry-1.docker.io";
    private static final String CONTENT_DIGEST = "Docker-Content-Digest";
    private static final Duration LOOPBACK_TLS_PROBE_TIMEOUT = Duration.ofSeconds(3);

    private final RegistryTransport transport;
    private final Authorizations authorizations;
    private final ObjectMapper json;
    private final ConcurrentMap<String, Endpoint> endpoints = new ConcurrentHashMap<>();

    public RegistryClient(RegistryOptions options, CredentialsSource credentials) {
        this(options, credentials, Clock.systemUTC());
    }

    /** With the clock that decides when cached tokens expire. */
    RegistryClient(RegistryOptions options, CredentialsSource credentials, Clock clock) {
        Objects.requireNonNull(options, "registry options are required (RegistryOptions.defaults())");
        Objects.requireNonNull(credentials, "a credentials source is required (CredentialsSource.anonymous())");
        this.json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        this.transport = new RegistryTransport(options);
        this.authorizations = new Authorizations(transport, credentials, json, clock);
    }

    /**
     * Checks that {@code registry} ({@code host[:port]}) answers the distribution API and accepts the credentials
     * for it, if it asks for any.
     *
     * @throws RegistryException when it cannot be reached, is no registry, or refuses the credentials
     */
    public void ping(String registry) {
        if (endpoint(registry).challenge().isEmpty()) {
            return;
        }
        // As docker login does: a token without scope (or the basic credentials) must open the API root.
        Call call = new Call("ping registry " + registry, registry, Authorizations.NO_SCOPE, "GET", "", null);
        Exchange exchange = exchange(call);
        if (exchange.response().statusCode() != 200) {
            throw failure(call, exchange.response(), exchange.user());
        }
        RegistryTransport.discard(exchange.response());
    }

    /**
     * The manifest {@code reference} names (by digest when it has one, else by tag), in any supported format.
     * Its bytes are checked against the digest the reference pins or the registry reports.
     *
     * @throws RegistryException when it cannot be fetched, is too large, of another format, or does not match
     */
    public Manifest getManifest(ImageReference reference) {
        Call call = manifestCall("fetch manifest " + reference, reference, "GET");
        Exchange exchange = exchange(call);
        HttpResponse<InputStream> response = exchange.response();
        if (response.statusCode() != 200) {
            throw failure(call, response, exchange.user());
        }
        byte[] content = RegistryTransport.readBody(call.operation(), response, MANIFEST_LIMIT);
        String declared = response.headers().firstValue("Content-Type")
                .filter(type -> ManifestMediaType.of(type).isPresent())
                .orElseGet(() -> mediaTypeInside(content));
        ManifestMediaType mediaType = ManifestMediaType.of(declared).orElseThrow(() -> new RegistryException(
                call.operation(), 200, List.of(), response.uri(), "the manifest's media type '" + declared
                        + "' is not supported (supported: " + ManifestMediaType.allValues() + ")"));
        Digest digest = verifiedDigest(call, reference, response, content);
        return new Manifest(mediaType, digest, content, response.uri());
    }

    /**
     * What the registry says about the manifest {@code reference} names, without fetching it.
     *
     * @throws RegistryException when it does not exist or the registry does not say its digest
     */
    public Descriptor headManifest(ImageReference reference) {
        Call call = manifestCall("check manifest " + reference, reference, "HEAD");
        Exchange exchange = exchange(call);
        HttpResponse<InputStream> response = exchange.response();
        RegistryTransport.discard(response);
        if (response.statusCode() != 200) {
            throw failure(call, response, exchange.user());
        }
        String digest = response.headers().firstValue(CONTENT_DIGEST).orElseThrow(() -> new RegistryException(
                call.operation(), 200, List.of(), response.uri(), "the registry sent no " + CONTENT_DIGEST));
        String mediaType = response.headers().firstValue("Content-Type").orElse("");
        long size = response.headers().firstValueAsLong("Content-Length").orElse(0);
        return new Descriptor(mediaType, parseDigest(call, response, digest), size);
    }

    /**
     * A small blob (an image config, an attestation) of the repository {@code repository} names; its tag or
     * digest is ignored. The content is checked against {@code digest}.
     *
     * @throws RegistryException when it cannot be fetched, is larger than {@code maxBytes}, or does not match
     */
    public byte[] getBlob(ImageReference repository, Digest digest, long maxBytes) {
        Call call = new Call("fetch blob " + digest + " of " + repository.name(), repository.registry(),
                pullScope(repository), "GET", repository.repository() + "/blobs/" + digest, null);
        Exchange exchange = exchange(call);
        HttpResponse<InputStream> response = exchange.response();
        if (isRedirect(response.statusCode())) {
            response = followRedirects(call, response);
        }
        if (response.statusCode() != 200) {
            throw failure(call, response, exchange.user());
        }
        byte[] content = RegistryTransport.readBody(call.operation(), response, maxBytes);
        if (!digest.matches(content)) {
            throw new RegistryException(call.operation(), 200, List.of(), response.uri(),
                    "the content does not match its digest");
        }
        return content;
    }

    private Call manifestCall(String operation, ImageReference reference, String method) {
        return new Call(operation, reference.registry(), pullScope(reference), method,
                reference.repository() + "/manifests/" + reference.manifestIdentifier(), ManifestMediaType.allValues());
    }

    private static String pullScope(ImageReference reference) {
        return "repository:" + reference.repository() + ":pull";
    }

    /** One request to the API: what is being done, where, with which scope and {@code Accept} header. */
    private record Call(String operation, String registry, String scope, String method, String path, String accept) {
    }

    /** A response, and the user whose credentials were sent (empty when anonymous). */
    private record Exchange(HttpResponse<InputStream> response, Optional<String> user) {
    }

    private Exchange exchange(Call call) {
        Endpoint endpoint = endpoint(call.registry());
        URI uri = endpoint.resolve(call.path());
        String scope = call.scope();
        boolean renewed = false;
        while (true) {
            Optional<Authorizations.Authorization> authorization = authorizations.forRequest(endpoint, scope, renewed);
            HttpRequest.Builder request =
                    transport.request(uri).method(call.method(), HttpRequest.BodyPublishers.noBody());
            if (call.accept() != null) {
                request.header("Accept", call.accept());
            }
            authorization.ifPresent(a -> request.header("Authorization", a.header()));
            HttpResponse<InputStream> response = transport.send(call.operation(), request.build());
            Optional<String> user = authorization.flatMap(Authorizations.Authorization::user);
            if (response.statusCode() != 401 || renewed) {
                return new Exchange(response, user);
            }
            Optional<AuthChallenge> challenge =
                    AuthChallenge.preferred(AuthChallenge.parse(response.headers().allValues("WWW-Authenticate")));
            boolean bearer = challenge.filter(c -> c.scheme().equals(AuthChallenge.BEARER)).isPresent();
            boolean knownScheme = challenge.map(AuthChallenge::scheme)
                    .equals(endpoint.challenge().map(AuthChallenge::scheme));
            if (challenge.isEmpty() || (knownScheme && !bearer)) {
                return new Exchange(response, user);
            }
            // Another scheme than the ping showed, or a token that is stale or lacks this scope: answer once more.
            RegistryTransport.discard(response);
            if (!knownScheme) {
                endpoint = rememberChallenge(endpoint, challenge.get());
            }
            scope = challenge.get().parameter("scope").orElse(scope);
            renewed = true;
        }
    }

    private Endpoint rememberChallenge(Endpoint endpoint, AuthChallenge challenge) {
        AuthChallenge general = new AuthChallenge(challenge.scheme(), challenge.parameters().entrySet().stream()
                .filter(p -> p.getKey().equals("realm") || p.getKey().equals("service"))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
        Endpoint updated = endpoint.withChallenge(general);
        endpoints.put(endpoint.registry(), updated);
        return updated;
    }

    private Endpoint endpoint(String registry) {
        Endpoint known = endpoints.get(registry);
        if (known != null) {
            return known;
        }
        Endpoint discovered = discover(registry);
        Endpoint raced = endpoints.putIfAbsent(registry, discovered);
        return raced != null ? raced : discovered;
    }

    private Endpoint discover(String registry) {
        String host = registry.equals(ImageReference.DOCKER_HUB) ? DOCKER_HUB_API : registry;
        String operation = "ping registry " + registry;
        URI https = apiRoot(operation, "https", host);
        if (!Loopback.isLoopback(host)) {
            return ping(operation, registry, https, transport.send(operation, transport.request(https).GET().build()));
        }
        try {
            // No retries over https here: http is the alternative, and it gets the retries. A short timeout, as a
            // plain HTTP server may never answer a TLS hello, and a loopback handshake takes milliseconds.
            HttpRequest probe = transport.request(https).timeout(min(LOOPBACK_TLS_PROBE_TIMEOUT,
                    transport.options().requestTimeout())).GET().build();
            return ping(operation, registry, https, transport.send(operation, probe, 0));
        } catch (RegistryException httpsFailure) {
            if (httpsFailure.status() != 0) {
                throw httpsFailure;
            }
            if (causedBy(httpsFailure, CertificateException.class)) {
                throw new RegistryException(operation, 0, List.of(), https,
                        "the registry's TLS certificate is not trusted ("
                        + RegistryTransport.describe(httpsFailure.getCause()) + "); if the registry's certificate"
                        + " comes from a private CA, give that CA certificate (caCertificate)", httpsFailure);
            }
            URI http = apiRoot(operation, "http", host);
            try {
                HttpRequest plain = transport.request(http).GET().build();
                return ping(operation, registry, http, transport.send(operation, plain));
            } catch (RegistryException httpFailure) {
                httpFailure.addSuppressed(httpsFailure);
                throw httpFailure;
            }
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static URI apiRoot(String operation, String scheme, String host) {
        try {
            return URI.create(scheme + "://" + host + "/v2/");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Cannot " + operation + ": '" + host + "' is not a host[:port]", e);
        }
    }

    private Endpoint ping(String operation, String registry, URI apiRoot, HttpResponse<InputStream> response) {
        int status = response.statusCode();
        if (status == 200) {
            RegistryTransport.discard(response);
            return new Endpoint(registry, apiRoot, Optional.empty());
        }
        if (status == 401) {
            RegistryTransport.discard(response);
            Optional<AuthChallenge> challenge =
                    AuthChallenge.preferred(AuthChallenge.parse(response.headers().allValues("WWW-Authenticate")));
            return new Endpoint(registry, apiRoot, challenge);
        }
        RegistryErrors errors = RegistryErrors.parse(json, RegistryTransport.readErrorBody(response));
        throw new RegistryException(operation, status, errors.codes(), apiRoot, status == 404
                ? "no distribution API (/v2/) at this address; is it a registry?"
                : errors.describe("unexpected answer to the API ping"));
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    private HttpResponse<InputStream> followRedirects(Call call, HttpResponse<InputStream> redirect) {
        HttpResponse<InputStream> response = redirect;
        for (int hop = 0; hop < 5 && isRedirect(response.statusCode()); hop++) {
            URI from = response.uri();
            Optional<String> location = response.headers().firstValue("Location");
            RegistryTransport.discard(response);
            if (location.isEmpty()) {
                throw new RegistryException(call.operation(), response.statusCode(), List.of(), from,
                        "redirect without a Location");
            }
            // Storage backends get signed URLs: the registry's Authorization is not forwarded.
            URI target = from.resolve(location.get());
            response = transport.send(call.operation(), transport.request(target).GET().build());
        }
        return response;
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private String mediaTypeInside(byte[] manifest) {
        try {
            JsonNode root = json.readTree(manifest);
            return root == null ? "" : root.path("mediaType").asText("");
        } catch (IOException e) {
            return "";
        }
    }

    private Digest verifiedDigest(Call call, ImageReference reference, HttpResponse<InputStream> response,
            byte[] content) {
        Optional<String> header = response.headers().firstValue(CONTENT_DIGEST);
        Digest digest = reference.digest().or(() -> header)
                .map(value -> parseDigest(call, response, value))
                .orElseGet(() -> Digest.sha256Of(content));
        if (!digest.matches(content)) {
            throw new RegistryException(call.operation(), response.statusCode(), List.of(), response.uri(),
                    "the manifest content does not match its digest " + digest);
        }
        return digest;
    }

    private static Digest parseDigest(Call call, HttpResponse<InputStream> response, String digest) {
        try {
            return Digest.parse(digest);
        } catch (InvalidReferenceException e) {
            throw new RegistryException(call.operation(), response.statusCode(), List.of(), response.uri(),
                    "the registry sent an invalid " + CONTENT_DIGEST + ": " + e.getMessage());
        }
    }

    private RegistryException failure(Call call, HttpResponse<InputStream> response, Optional<String> user) {
        RegistryErrors errors = RegistryErrors.parse(json, RegistryTransport.readErrorBody(response));
        int status = response.statusCode();
        String problem = switch (status) {
            case 401 -> user.map(u -> "the registry rejected the credentials of user '" + u + "'")
                    .orElse("the registry requires authentication and no credentials are configured for "
                            + call.registry());
            case 403 -> user.map(u -> "user '" + u + "' is not allowed to do this")
                    .orElse("anonymous access is not allowed to do this");
            case 404 -> "not found";
            default -> "unexpected answer";
        };
        String detail = errors.messages().isEmpty() ? "" : ": " + errors.describe("");
        return new RegistryException(call.operation(), status, errors.codes(), response.uri(), problem + detail);
    }
}
