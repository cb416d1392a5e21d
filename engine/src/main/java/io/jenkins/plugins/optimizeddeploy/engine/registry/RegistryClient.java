package io.jenkins.plugins.optimizeddeploy.engine.registry;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.optimizeddeploy.engine.errors.BadInputException;
import io.jenkins.plugins.optimizeddeploy.engine.image.Digest;
import io.jenkins.plugins.optimizeddeploy.engine.image.ImageReference;
import io.jenkins.plugins.optimizeddeploy.engine.image.InvalidReferenceException;
import io.jenkins.plugins.optimizeddeploy.engine.registry.auth.AuthChallenge;
import io.jenkins.plugins.optimizeddeploy.engine.registry.auth.CredentialsSource;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Collectors;

/**
 * A client of the OCI distribution API. It finds out per registry, with a {@code GET /v2/} ping, whether to use
 * https or (only for a loopback registry that does not speak TLS) http, and which authentication the registry
 * asks for; it then answers that challenge on every request (see {@link CredentialsSource}), and retries
 * requests as {@link RegistryOptions} says (a manifest PUT too: the same bytes give the same result). Its verbs are
 * those of a retag: manifests by tag or digest (GET, HEAD, PUT with the original bytes and media type, DELETE),
 * blob HEAD, cross-repository mount and a streamed blob copy between registries. It counts what it sends
 * ({@link #traffic()}). Safe for concurrent use. It keeps its connections open between requests: close it when done.
 *
 * <p>For a loopback registry a plain http ping is sent first, without credentials: a registry that answers it is
 * used over http, with no TLS handshake. No answer, or 400 (what a TLS server answers a plain request with), leads
 * to https (waiting at most 3 s), and then to plain http with retries unless the https attempt got as far as
 * rejecting the server's certificate, so a TLS registry whose certificate is not trusted is reported as such rather
 * than used in plain text.
 */
public final class RegistryClient implements AutoCloseable {
    /** The largest manifest accepted, as in the distribution registry. */
    static final int MANIFEST_LIMIT = 4 * 1024 * 1024;
    private static final String DOCKER_HUB_API = "registry-1.docker.io";
    private static final String CONTENT_DIGEST = "Docker-Content-Digest";
    private static final Duration LOOPBACK_PROBE_TIMEOUT = Duration.ofSeconds(3);

    private final RegistryTransport transport;
    private final Authorizations authorizations;
    private final ConcurrentMap<String, Endpoint> endpoints = new ConcurrentHashMap<>();

    public RegistryClient(RegistryOptions options, CredentialsSource credentials) {
        this(options, credentials, Clock.systemUTC());
    }

    /** With the clock that decides when cached tokens expire. */
    RegistryClient(RegistryOptions options, CredentialsSource credentials, Clock clock) {
        Objects.requireNonNull(options, "registry options are required (RegistryOptions.defaults())");
        Objects.requireNonNull(credentials, "a credentials source is required (CredentialsSource.anonymous())");
        this.transport = new RegistryTransport(options);
        this.authorizations = new Authorizations(transport, credentials, clock);
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
        Call call = Call.of(RequestKind.PING, "ping registry " + registry, "GET",
                new Target(registry, Authorizations.NO_SCOPE, ""));
        Exchange exchange = exchange(call);
        if (exchange.response().statusCode() != 200) {
            throw failure(call, exchange.response(), exchange.user());
        }
        RegistryTransport.discard(exchange.response());
    }

    /**
     * Opens a connection to {@code registry} for requests about to be sent, while the first of them finds out how to
     * talk to it: to the API root the registry was found at, else to https (http for a loopback registry, which is
     * mostly plain). Best effort: what cannot be opened is left to the requests.
     */
    public void openConnectionAhead(String registry) {
        Endpoint known = endpoints.get(registry);
        if (known != null) {
            transport.openAhead(known.apiRoot());
            return;
        }
        String host = apiHost(registry);
        try {
            transport.openAhead(apiRoot("open a connection to " + registry, Loopback.isLoopback(host) ? "http" : "https",
                    host));
        } catch (BadInputException notAHost) {
            // The requests report it.
        }
    }

    /** Closes this client's connections, those of requests still under way too (they fail). */
    @Override
    public void close() {
        transport.close();
    }

    /** The options this client was made with. */
    public RegistryOptions options() {
        return transport.options();
    }

    /** What this client has sent so far; {@link TrafficSnapshot#since} gives the traffic of one operation. */
    public TrafficSnapshot traffic() {
        return transport.traffic().snapshot();
    }

    /**
     * The manifest {@code reference} names (by digest when it has one, else by tag), in any supported format.
     * Its bytes are checked against the digest the reference pins or the registry reports.
     *
     * @throws RegistryException when it cannot be fetched, is too large, of another format, or does not match
     */
    public Manifest getManifest(ImageReference reference) {
        return getManifest(reference, RepositoryAccess.PULL);
    }

    /**
     * {@link #getManifest(ImageReference)} with a token for {@code access}: {@link RepositoryAccess#PUSH} when the
     * same repository is written next, so that one token serves both.
     */
    public Manifest getManifest(ImageReference reference, RepositoryAccess access) {
        Call call = manifestCall(RequestKind.MANIFEST_GET, "fetch manifest " + reference, reference, "GET", access);
        return transport.retryingBrokenResponses(() -> {
            Exchange exchange = exchange(call);
            RegistryResponse response = exchange.response();
            if (response.statusCode() != 200) {
                throw failure(call, response, exchange.user());
            }
            byte[] content = transport.readBody(call.operation(), response, MANIFEST_LIMIT);
            String inside = mediaTypeInside(content);
            Optional<ManifestMediaType> sent = response.header("Content-Type").flatMap(ManifestMediaType::of);
            if (sent.isPresent() && !inside.isEmpty() && !ManifestMediaType.of(inside).equals(sent)) {
                // Read as one type and handed on as another, the same bytes would mean two different images.
                throw new RegistryException(call.operation(), 200, List.of(), response.uri(), "the registry sends it as"
                        + " " + sent.get().value() + ", but the manifest's own mediaType says otherwise");
            }
            String declared = sent.map(ManifestMediaType::value).orElse(inside);
            ManifestMediaType mediaType = ManifestMediaType.of(declared).orElseThrow(() -> new RegistryException(
                    call.operation(), 200, List.of(), response.uri(), "the manifest's media type '" + declared
                            + "' is not supported (supported: " + ManifestMediaType.allValues() + ")"));
            Digest digest = verifiedDigest(call, reference, response, content);
            return new Manifest(mediaType, digest, content, response.uri());
        });
    }

    /**
     * What the registry says about the manifest {@code reference} names, without fetching it.
     *
     * @throws RegistryException when it does not exist or the registry does not say its digest
     */
    public Descriptor headManifest(ImageReference reference) {
        Call call = manifestCall(RequestKind.MANIFEST_HEAD, "check manifest " + reference, reference, "HEAD",
                RepositoryAccess.PULL);
        return headManifest(call, false).orElseThrow();
    }

    /**
     * What the registry says about the manifest {@code reference} names, or empty when there is none (HTTP 404):
     * where a tag points now, before it is moved.
     *
     * @throws RegistryException when the registry fails or does not say the digest
     */
    public Optional<Descriptor> findManifest(ImageReference reference, RepositoryAccess access) {
        Call call = manifestCall(RequestKind.MANIFEST_HEAD, "check manifest " + reference, reference, "HEAD", access);
        return headManifest(call, true);
    }

    private Optional<Descriptor> headManifest(Call call, boolean absentAllowed) {
        Exchange exchange = exchange(call);
        RegistryResponse response = exchange.response();
        RegistryTransport.discard(response);
        if (response.statusCode() == 404 && absentAllowed) {
            return Optional.empty();
        }
        if (response.statusCode() != 200) {
            throw failure(call, response, exchange.user());
        }
        String digest = response.header(CONTENT_DIGEST).orElseThrow(() -> new RegistryException(
                call.operation(), 200, List.of(), response.uri(), "the registry sent no " + CONTENT_DIGEST));
        String mediaType = response.header("Content-Type").orElse("");
        long size = response.headerAsLong("Content-Length").orElse(0L);
        return Optional.of(new Descriptor(mediaType, parseDigest(call, response, digest), size));
    }

    /**
     * Puts {@code manifest}, byte for byte and with its own media type, under the tag (or digest) of
     * {@code target}, and returns the digest the registry reports for it ({@code Docker-Content-Digest}). As the
     * same bytes give the same result, the request is repeated after transient failures.
     *
     * @throws RegistryException when the registry refuses it or reports no digest
     */
    public Digest putManifest(ImageReference target, Manifest manifest) {
        Call call = Call.of(RequestKind.MANIFEST_PUT, "put manifest " + manifest.digest() + " as " + target, "PUT",
                Target.manifest(target, RepositoryAccess.PUSH))
                .sending(manifest.mediaType().value(), RequestBody.of(manifest.bytes()));
        Exchange exchange = exchange(call);
        RegistryResponse response = exchange.response();
        if (response.statusCode() != 201 && response.statusCode() != 200) {
            throw failure(call, response, exchange.user());
        }
        RegistryTransport.discard(response);
        String digest = response.header(CONTENT_DIGEST).orElseThrow(() -> new RegistryException(
                call.operation(), response.statusCode(), List.of(), response.uri(), "the registry sent no "
                        + CONTENT_DIGEST + ", so what the tag points at now is not confirmed"));
        return parseDigest(call, response, digest);
    }

    /**
     * Deletes the manifest {@code reference} names: by digest (the distribution registry then drops every tag of
     * it in that repository) or by tag (OCI distribution 1.1; older registries refuse it with 400 or 405).
     *
     * @return false when there was nothing to delete (HTTP 404)
     * @throws RegistryException when the registry refuses
     */
    public boolean deleteManifest(ImageReference reference) {
        Call call = manifestCall(RequestKind.MANIFEST_DELETE, "delete manifest " + reference, reference, "DELETE",
                RepositoryAccess.PUSH);
        Exchange exchange = exchange(call);
        RegistryResponse response = exchange.response();
        if (response.statusCode() == 404) {
            RegistryTransport.discard(response);
            return false;
        }
        if (response.statusCode() != 202 && response.statusCode() != 200) {
            throw failure(call, response, exchange.user());
        }
        RegistryTransport.discard(response);
        return true;
    }

    /**
     * Whether the repository {@code repository} names holds the blob {@code digest}.
     *
     * @throws RegistryException when the registry fails
     */
    public boolean blobExists(ImageReference repository, Digest digest, RepositoryAccess access) {
        Call call = Call.of(RequestKind.BLOB_HEAD, "check blob " + digest + " in " + repository.name(), "HEAD",
                Target.blob(repository, digest, access));
        Exchange exchange = exchange(call);
        RegistryResponse response = exchange.response();
        RegistryTransport.discard(response);
        if (response.statusCode() == 200 || isRedirect(response.statusCode())) {
            return true;
        }
        if (response.statusCode() == 404) {
            return false;
        }
        throw failure(call, response, exchange.user());
    }

    /**
     * Links the blob {@code digest} of the repository {@code from} names into the one {@code target} names, on the
     * same registry, without moving its bytes (a cross-repository mount).
     *
     * @return false when the registry did not mount it (it offered an upload instead, which is cancelled)
     * @throws RegistryException when the registry fails
     */
    public boolean mountBlob(ImageReference target, Digest digest, ImageReference from) {
        if (!target.registry().equals(from.registry())) {
            throw new IllegalArgumentException("Cannot mount blob " + digest + " from " + from.name() + " into "
                    + target.name() + ": a mount works within one registry only");
        }
        String scope = RepositoryAccess.PUSH.scope(target.repository()) + " "
                + RepositoryAccess.PULL.scope(from.repository());
        String mount = target.repository() + "/blobs/uploads/?mount=" + digest + "&from="
                + URLEncoder.encode(from.repository(), StandardCharsets.UTF_8);
        Call call = Call.of(RequestKind.BLOB_MOUNT, "mount blob " + digest + " from " + from.name() + " into "
                + target.name(), "POST", new Target(target.registry(), scope, mount));
        Exchange exchange = exchange(call);
        RegistryResponse response = exchange.response();
        RegistryTransport.discard(response);
        if (response.statusCode() == 201) {
            return true;
        }
        if (response.statusCode() == 202) {
            cancelUpload(call, response, scope);
            return false;
        }
        throw failure(call, response, exchange.user());
    }

    private void cancelUpload(Call mount, RegistryResponse offered, String scope) {
        Optional<String> location = offered.header("Location");
        if (location.isEmpty()) {
            return;
        }
        // An abandoned upload session expires on its own; cancelling only tidies up early.
        try {
            Call cancel = Call.of(RequestKind.BLOB_UPLOAD, "cancel the upload " + mount.operation() + " offered",
                    "DELETE", new Target(mount.target().registry(), scope,
                            location(mount, offered, location.get()).toString()));
            RegistryTransport.discard(exchange(cancel).response());
        } catch (RegistryException ignored) {
            // See above: nothing depends on it.
        }
    }

    /**
     * Copies the blob {@code blob} from the repository {@code from} names to the one {@code to} names, which may be
     * on another registry, unless it is there already. The bytes stream from the source straight into the upload:
     * nothing is written to disk or held in memory whole. An upload that fails transiently is started afresh.
     *
     * @return the bytes uploaded (0 when the target had the blob)
     * @throws RegistryException when either registry fails
     */
    public long copyBlob(ImageReference from, ImageReference to, Descriptor blob) {
        if (blobExists(to, blob.digest(), RepositoryAccess.PUSH)) {
            return 0;
        }
        String operation = "copy blob " + blob.digest() + " from " + from.name() + " to " + to.name();
        int retry = 0;
        while (true) {
            try {
                upload(operation, from, to, blob);
                transport.traffic().addBlobBytes(blob.size());
                return blob.size();
            } catch (RegistryException e) {
                if (!e.isTransient() || retry >= options().maxRetries()) {
                    throw e;
                }
                try {
                    Thread.sleep(RegistryTransport.jittered(options().backoffBefore(++retry)).toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private void upload(String operation, ImageReference from, ImageReference to, Descriptor blob) {
        String scope = RepositoryAccess.PUSH.scope(to.repository());
        Call start = Call.of(RequestKind.BLOB_UPLOAD, operation + ": start the upload", "POST",
                new Target(to.registry(), scope, to.repository() + "/blobs/uploads/"));
        Exchange started = exchange(start);
        RegistryResponse offer = started.response();
        RegistryTransport.discard(offer);
        if (offer.statusCode() != 202) {
            throw failure(start, offer, started.user());
        }
        String location = offer.header("Location").orElseThrow(() -> new RegistryException(
                start.operation(), 202, List.of(), offer.uri(), "the registry started an upload without a Location"));
        URI session = location(start, offer, location);
        String finish = session + (session.getRawQuery() == null ? "?" : "&") + "digest="
                + URLEncoder.encode(blob.digest().toString(), StandardCharsets.UTF_8);
        // Each attempt (a resend after a 401) opens the source afresh: a stream can be read only once.
        RequestBody content = RequestBody.streamed(blob.size(), () -> openBlob(from, blob.digest()));
        Call put = Call.of(RequestKind.BLOB_UPLOAD, operation, "PUT", new Target(to.registry(), scope, finish))
                .sending("application/octet-stream", content)
                .withoutRetries();
        Exchange uploaded;
        try {
            uploaded = exchange(put);
        } catch (RegistryException e) {
            throw sourceFailureIn(e);
        }
        RegistryResponse response = uploaded.response();
        if (response.statusCode() != 201) {
            throw failure(put, response, uploaded.user());
        }
        RegistryTransport.discard(response);
    }

    /** The source's own failure when reading it is what broke the upload, as it says more. */
    private static RegistryException sourceFailureIn(RegistryException uploadFailure) {
        for (Throwable cause = uploadFailure.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof RegistryException source) {
                return source;
            }
        }
        return uploadFailure;
    }

    private InputStream openBlob(ImageReference repository, Digest digest) {
        Call call = blobCall(repository, digest);
        Exchange exchange = exchange(call);
        RegistryResponse response = exchange.response();
        if (isRedirect(response.statusCode())) {
            response = followRedirects(call, response);
        }
        if (response.statusCode() != 200) {
            throw failure(call, response, exchange.user());
        }
        return response.body();
    }

    /**
     * A small blob (an image config, an attestation) of the repository {@code repository} names; its tag or
     * digest is ignored. The content is checked against {@code digest}.
     *
     * @throws RegistryException when it cannot be fetched, is larger than {@code maxBytes}, or does not match
     */
    public byte[] getBlob(ImageReference repository, Digest digest, long maxBytes) {
        Call call = blobCall(repository, digest);
        return transport.retryingBrokenResponses(() -> {
            Exchange exchange = exchange(call);
            RegistryResponse response = exchange.response();
            if (isRedirect(response.statusCode())) {
                response = followRedirects(call, response);
            }
            if (response.statusCode() != 200) {
                throw failure(call, response, exchange.user());
            }
            byte[] content = transport.readBody(call.operation(), response, maxBytes);
            if (!digest.matches(content)) {
                throw new RegistryException(call.operation(), 200, List.of(), response.uri(),
                        "the content does not match its digest");
            }
            return content;
        });
    }

    private static Call blobCall(ImageReference repository, Digest digest) {
        return Call.of(RequestKind.BLOB_GET, "fetch blob " + digest + " of " + repository.name(), "GET",
                Target.blob(repository, digest, RepositoryAccess.PULL));
    }

    private static Call manifestCall(RequestKind kind, String operation, ImageReference reference, String method,
            RepositoryAccess access) {
        return Call.of(kind, operation, method, Target.manifest(reference, access))
                .withHeader("Accept", ManifestMediaType.allValues());
    }

    /**
     * Where a request goes: the registry, the token scope it needs there, and the path under its API root (or a
     * URL the registry gave, such as an upload's Location).
     */
    private record Target(String registry, String scope, String path) {
        static Target manifest(ImageReference reference, RepositoryAccess access) {
            return new Target(reference.registry(), access.scope(reference.repository()),
                    reference.repository() + "/manifests/" + reference.manifestIdentifier());
        }

        static Target blob(ImageReference repository, Digest digest, RepositoryAccess access) {
            return new Target(repository.registry(), access.scope(repository.repository()),
                    repository.repository() + "/blobs/" + digest);
        }
    }

    /**
     * One request to the API: what kind it is (for the traffic count and the retry rules), what is being done (for
     * errors), its method and target, its headers besides Authorization, its body (written afresh for every attempt)
     * and how often it is retried (empty: as the options say).
     */
    private record Call(RequestKind kind, String operation, String method, Target target, Map<String, String> headers,
            RequestBody body, OptionalInt retries) {
        /** A request without body, retried as the options say. */
        static Call of(RequestKind kind, String operation, String method, Target target) {
            return new Call(kind, operation, method, target, Map.of(), RequestBody.EMPTY, OptionalInt.empty());
        }

        Call withHeader(String name, String value) {
            Map<String, String> more = new LinkedHashMap<>(headers);
            more.put(name, value);
            return new Call(kind, operation, method, target, Collections.unmodifiableMap(more), body, retries);
        }

        Call sending(String contentType, RequestBody content) {
            return new Call(kind, operation, method, target, headers, content, retries)
                    .withHeader("Content-Type", contentType);
        }

        Call withoutRetries() {
            return new Call(kind, operation, method, target, headers, body, OptionalInt.of(0));
        }
    }

    /** A response, and the user whose credentials were sent (empty when anonymous). */
    private record Exchange(RegistryResponse response, Optional<String> user) {
    }

    private Exchange exchange(Call call) {
        Endpoint endpoint = endpoint(call.target().registry());
        URI uri = endpoint.resolve(call.target().path());
        // An upload Location elsewhere (a storage backend, or an attacker's host) gets no credentials of the registry.
        boolean own = endpoint.isOwn(uri);
        String scope = call.target().scope();
        boolean renewed = false;
        while (true) {
            Optional<Authorizations.Authorization> authorization =
                    own ? authorizations.forRequest(endpoint, scope, renewed) : Optional.empty();
            RegistryRequest request = transport.request(call.method(), uri).body(call.body());
            for (Map.Entry<String, String> header : call.headers().entrySet()) {
                request = request.header(header.getKey(), header.getValue());
            }
            if (authorization.isPresent()) {
                request = request.header("Authorization", authorization.get().header());
            }
            RegistryResponse response = transport.send(call.kind(), call.operation(), request,
                    call.retries().orElse(transport.options().maxRetries()));
            Optional<String> user = authorization.flatMap(Authorizations.Authorization::user);
            if (response.statusCode() != 401 || renewed || !own) {
                return new Exchange(response, user);
            }
            Optional<AuthChallenge> challenge =
                    AuthChallenge.preferred(AuthChallenge.parse(response.headers("WWW-Authenticate")));
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
        // One discovery per registry: parallel requests to a registry not yet known wait for the first one's ping.
        return endpoints.computeIfAbsent(registry, this::discover);
    }

    /** The host of the registry's API: Docker Hub's is not the name images give it. */
    static String apiHost(String registry) {
        return registry.equals(ImageReference.DOCKER_HUB) ? DOCKER_HUB_API : registry;
    }

    private Endpoint discover(String registry) {
        String host = apiHost(registry);
        String operation = "ping registry " + registry;
        URI https = apiRoot(operation, "https", host);
        if (!Loopback.isLoopback(host)) {
            return ping(operation, registry, https,
                    transport.send(RequestKind.PING, operation, transport.request("GET", https)));
        }
        URI http = apiRoot(operation, "http", host);
        Optional<Endpoint> plainRegistry = plainRegistry(operation, registry, http);
        if (plainRegistry.isPresent()) {
            return plainRegistry.get();
        }
        try {
            // No retries over https here: http is the alternative, and it gets the retries. A short timeout, as a
            // plain HTTP server may never answer a TLS hello, and a loopback handshake takes milliseconds.
            RegistryRequest probe = transport.request("GET", https).timeout(loopbackProbeTimeout());
            return ping(operation, registry, https, transport.send(RequestKind.PING, operation, probe, 0));
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
            try {
                RegistryRequest plain = transport.request("GET", http);
                return ping(operation, registry, http, transport.send(RequestKind.PING, operation, plain));
            } catch (RegistryException httpFailure) {
                httpFailure.addSuppressed(httpsFailure);
                throw httpFailure;
            }
        }
    }

    /**
     * The endpoint of a loopback registry that answers a plain http ping, else empty when it does not answer or
     * answers 400 (as TLS servers answer a plain request). Loopback registries are mostly plain, and a TLS handshake
     * (failing against a plain port) costs more than this request, which carries no credentials. A registry
     * answering with a retryable status is asked again, as any request is; a connection error is not retried here,
     * as it may be a TLS server dropping a plain request: https comes next, then http with retries.
     *
     * @throws RegistryException when the registry answers with an error other than 400
     */
    private Optional<Endpoint> plainRegistry(String operation, String registry, URI http) {
        RegistryResponse response;
        try {
            RegistryRequest probe = transport.request("GET", http).timeout(loopbackProbeTimeout());
            response = transport.send(RequestKind.PING, operation, probe, transport.options().maxRetries(), false);
        } catch (RegistryException noAnswer) {
            return Optional.empty();
        }
        if (response.statusCode() == 400) {
            RegistryTransport.discard(response);
            return Optional.empty();
        }
        return Optional.of(ping(operation, registry, http, response));
    }

    private Duration loopbackProbeTimeout() {
        Duration requestTimeout = transport.options().requestTimeout();
        return LOOPBACK_PROBE_TIMEOUT.compareTo(requestTimeout) <= 0 ? LOOPBACK_PROBE_TIMEOUT : requestTimeout;
    }

    private static URI apiRoot(String operation, String scheme, String host) {
        try {
            return URI.create(scheme + "://" + host + "/v2/");
        } catch (IllegalArgumentException e) {
            throw new BadInputException("Cannot " + operation + ": '" + host + "' is not a host[:port]", e);
        }
    }

    private Endpoint ping(String operation, String registry, URI apiRoot, RegistryResponse response) {
        int status = response.statusCode();
        if (status == 200) {
            RegistryTransport.discard(response);
            return new Endpoint(registry, apiRoot, Optional.empty());
        }
        if (status == 401) {
            RegistryTransport.discard(response);
            Optional<AuthChallenge> challenge =
                    AuthChallenge.preferred(AuthChallenge.parse(response.headers("WWW-Authenticate")));
            return new Endpoint(registry, apiRoot, challenge);
        }
        RegistryErrors errors = RegistryErrors.parse(RegistryJson.reader(), RegistryTransport.readErrorBody(response));
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

    private RegistryResponse followRedirects(Call call, RegistryResponse redirect) {
        RegistryResponse response = redirect;
        for (int hop = 0; hop < 5 && isRedirect(response.statusCode()); hop++) {
            URI from = response.uri();
            Optional<String> location = response.header("Location");
            RegistryTransport.discard(response);
            if (location.isEmpty()) {
                throw new RegistryException(call.operation(), response.statusCode(), List.of(), from,
                        "redirect without a Location");
            }
            // Storage backends get signed URLs: the registry's Authorization is not forwarded.
            URI target = location(call, response, location.get());
            response = transport.send(call.kind(), call.operation(), transport.request("GET", target));
        }
        return response;
    }

    /**
     * Where the {@code Location} of {@code response} leads: anywhere the registry says, except from https to plain
     * http on another host than a loopback one, which would put the request (an image's content) in the open.
     */
    private static URI location(Call call, RegistryResponse response, String location) {
        URI target;
        try {
            target = response.uri().resolve(location);
        } catch (IllegalArgumentException e) {
            throw new RegistryException(call.operation(), response.statusCode(), List.of(), response.uri(),
                    "the registry sent a Location that is no URL");
        }
        boolean downgrade = "https".equalsIgnoreCase(response.uri().getScheme())
                && !"https".equalsIgnoreCase(target.getScheme());
        if (downgrade && (target.getHost() == null || !Loopback.isLoopback(target.getHost()))) {
            throw new RegistryException(call.operation(), response.statusCode(), List.of(), response.uri(),
                    "the registry sent it on to " + RedactedUrl.of(target) + ", from https to plain http, which is"
                            + " refused");
        }
        return target;
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private String mediaTypeInside(byte[] manifest) {
        try {
            JsonNode root = RegistryJson.reader().readTree(manifest);
            return root == null ? "" : root.path("mediaType").asText("");
        } catch (IOException e) {
            return "";
        }
    }

    private Digest verifiedDigest(Call call, ImageReference reference, RegistryResponse response,
            byte[] content) {
        Optional<String> header = response.header(CONTENT_DIGEST);
        Digest digest = reference.digest().or(() -> header)
                .map(value -> parseDigest(call, response, value))
                .orElseGet(() -> Digest.sha256Of(content));
        if (!digest.matches(content)) {
            throw new RegistryException(call.operation(), response.statusCode(), List.of(), response.uri(),
                    "the manifest content does not match its digest " + digest);
        }
        return digest;
    }

    private static Digest parseDigest(Call call, RegistryResponse response, String digest) {
        try {
            return Digest.parse(digest);
        } catch (InvalidReferenceException e) {
            throw new RegistryException(call.operation(), response.statusCode(), List.of(), response.uri(),
                    "the registry sent an invalid " + CONTENT_DIGEST + ": " + e.getMessage());
        }
    }

    private RegistryException failure(Call call, RegistryResponse response, Optional<String> user) {
        RegistryErrors errors = RegistryErrors.parse(RegistryJson.reader(), RegistryTransport.readErrorBody(response));
        int status = response.statusCode();
        String problem = switch (status) {
            case 401 -> user.map(u -> "the registry rejected the credentials of user '" + u + "'")
                    .orElse("the registry requires authentication and no credentials are configured for "
                            + call.target().registry());
            case 403 -> user.map(u -> "user '" + u + "' is not allowed to do this")
                    .orElse("anonymous access is not allowed to do this");
            case 404 -> "not found";
            default -> "unexpected answer";
        };
        String detail = errors.messages().isEmpty() ? "" : ": " + errors.describe("");
        return new RegistryException(call.operation(), status, errors.codes(), response.uri(), problem + detail);
    }
}
