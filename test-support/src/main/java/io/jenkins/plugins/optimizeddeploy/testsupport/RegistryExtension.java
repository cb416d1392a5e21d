package io.jenkins.plugins.optimizeddeploy.testsupport;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A CNCF distribution registry ({@code docker-registry serve}) on a free loopback port. Register it on a static
 * field:
 * <pre>{@code
 * @RegisterExtension
 * static final RegistryExtension registry = RegistryExtension.basicAuth();
 * }</pre>
 * By default one registry per flavour serves the whole test JVM ({@link Lifetime#TEST_RUN}); use a fresh
 * repository name per test. {@link #perTestClass()} gives a class its own registry. Either way JUnit stops it
 * (and deletes its storage) when its scope ends, whether the tests passed or not.
 */
public final class RegistryExtension implements BeforeAllCallback {
    private final RegistryFlavour flavour;
    private final Lifetime lifetime;
    private volatile RunningRegistry running;

    private RegistryExtension(RegistryFlavour flavour, Lifetime lifetime) {
        this.flavour = flavour;
        this.lifetime = lifetime;
    }

    /** Plain HTTP, anonymous. */
    public static RegistryExtension plain() {
        return new RegistryExtension(RegistryFlavour.PLAIN, Lifetime.TEST_RUN);
    }

    /** Plain HTTP with HTTP Basic credentials ({@link #username()}, {@link #password()}) from an htpasswd file. */
    public static RegistryExtension basicAuth() {
        return new RegistryExtension(RegistryFlavour.BASIC_AUTH, Lifetime.TEST_RUN);
    }

    /** HTTPS with a self-signed certificate for IP 127.0.0.1 ({@link #caCertificate()}), anonymous. */
    public static RegistryExtension tls() {
        return new RegistryExtension(RegistryFlavour.TLS, Lifetime.TEST_RUN);
    }

    /**
     * Plain HTTP with the Bearer token flow: a token server that accepts {@link #username()}/{@link #password()},
     * on a port of its own over HTTPS with a self-signed certificate for IP 127.0.0.1 ({@link #caCertificate()}).
     */
    public static RegistryExtension tokenAuth() {
        return new RegistryExtension(RegistryFlavour.TOKEN_AUTH, Lifetime.TEST_RUN);
    }

    /** The same flavour, but a registry of this test class's own, stopped after its last test. */
    public RegistryExtension perTestClass() {
        return new RegistryExtension(flavour, Lifetime.TEST_CLASS);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        Object key = lifetime == Lifetime.TEST_RUN ? "registry-" + flavour : this;
        running = lifetime.obtain(context, key, RunningRegistry.class, () -> RunningRegistry.start(flavour));
    }

    public RegistryFlavour flavour() {
        return flavour;
    }

    /** {@code 127.0.0.1:PORT}, the registry part of image references. */
    public String hostPort() {
        return running().hostPort();
    }

    /** {@code http://127.0.0.1:PORT/} or, for {@link #tls()}, {@code https://127.0.0.1:PORT/}. */
    public URI baseUrl() {
        return running().baseUrl();
    }

    public String username() {
        return credential(running().username());
    }

    /** A random password for this registry; keep it out of logs, arguments and messages like any secret. */
    public String password() {
        return credential(running().password());
    }

    /**
     * The PEM certificate the {@link #tls()} registry, or the {@link #tokenAuth()} registry's token server, serves;
     * it is its own CA.
     */
    public Path caCertificate() {
        Path certificate = running().caCertificate();
        if (certificate == null) {
            throw new IllegalStateException("The " + flavour + " registry at " + hostPort()
                    + " serves plain HTTP and has no CA certificate; use RegistryExtension.tls() or tokenAuth()");
        }
        return certificate;
    }

    /** A directory holding only {@code ca.crt}, for {@code skopeo}/{@code buildah --cert-dir}. */
    public Path caCertificateDirectory() {
        caCertificate();
        return running().caCertificateDirectory();
    }

    /**
     * An HTTP client that trusts this registry's certificate and its token server's (any client works for the plain
     * and Basic flavours).
     */
    public HttpClient httpClient() {
        return running().httpClient();
    }

    /** The registry's own log, for diagnosing a failed test. */
    public Path logFile() {
        return running().logFile();
    }

    /**
     * Pushes a linux/amd64 busybox base image (Docker v2 schema 2 manifest) through the registry API, logging in
     * as this registry requires, and returns its reference {@code 127.0.0.1:PORT/repository:tag}.
     */
    public String pushBusyboxBase(String repository, String tag) {
        return running().pushBusyboxBase(repository, tag);
    }

    /**
     * Pushes an OCI image index with linux/amd64 and linux/arm64/v8 manifests (the same busybox layer, so only the
     * amd64 one runs here) and returns the reference of the index {@code 127.0.0.1:PORT/repository:tag}.
     */
    public String pushBusyboxIndex(String repository, String tag) {
        return running().pushBusyboxIndex(repository, tag);
    }

    /**
     * Pushes an OCI image index whose linux/arm64/v8 image holds the arm64 busybox (unpacked by
     * scripts/install-packages), so that both platforms run, arm64 through {@link Arm64Emulation} (registered here
     * first), and returns the reference of the index {@code 127.0.0.1:PORT/repository:tag}.
     */
    public String pushMultiPlatformBusyboxBase(String repository, String tag) {
        return running().pushMultiPlatformBusyboxBase(repository, tag);
    }

    /** The manifest or index under a tag or digest, as the registry serves it. */
    public RegistryManifest manifest(String repository, String reference) {
        return running().manifest(repository, reference);
    }

    private String credential(String value) {
        if (value == null) {
            throw new IllegalStateException("The " + flavour + " registry at " + hostPort()
                    + " is anonymous; use RegistryExtension.basicAuth() or tokenAuth() for credentials");
        }
        return value;
    }

    private RunningRegistry running() {
        RunningRegistry registry = running;
        if (registry == null) {
            throw new IllegalStateException("The " + flavour + " registry is not started: register the"
                    + " RegistryExtension with @RegisterExtension on a static field and use it from a test");
        }
        return registry;
    }

    @Override
    public String toString() {
        RunningRegistry registry = running;
        return "RegistryExtension[" + flavour + (registry == null ? ", not started" : ", " + registry.baseUrl()) + "]";
    }
}
