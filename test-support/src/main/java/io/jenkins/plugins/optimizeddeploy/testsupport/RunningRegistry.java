package io.jenkins.plugins.optimizeddeploy.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * One {@code docker-registry serve} process (plus its https token server) with its storage, config and log.
 * Jupiter tests get one through {@link RegistryExtension}; tests of an engine that runs no Jupiter extensions (jqwik
 * properties) start one themselves before their container and close it after, which stops the process and deletes
 * its storage:
 * <pre>{@code
 * @BeforeContainer
 * static void startRegistry() { registry = RunningRegistry.start(RegistryFlavour.PLAIN); }
 *
 * @AfterContainer
 * static void stopRegistry() { registry.close(); }
 * }</pre>
 */
public final class RunningRegistry implements AutoCloseable {
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(20);
    private static final String USERNAME = "optimized-deploy";

    private final RegistryFlavour flavour;
    private final ScratchDirectory directory;
    private final int port;
    private final String password;
    private final Path caCertificate;
    private final TokenServer tokenServer;
    private final BackgroundProcess process;
    private final HttpClient httpClient;
    private final RegistryApi api;

    private RunningRegistry(RegistryFlavour flavour, ScratchDirectory directory) {
        this.flavour = flavour;
        this.directory = directory;
        this.port = LoopbackPorts.free();
        this.password = flavour.hasCredentials() ? UUID.randomUUID().toString() : null;
        this.caCertificate = flavour.hasCaCertificate() ? selfSignedCertificate("tls") : null;
        this.tokenServer = flavour == RegistryFlavour.TOKEN_AUTH
                ? TokenServer.start(directory.resolve("token-signing.key"), selfSignedCertificate("token-signing"),
                        TokenServer.serverTls(directory.resolve("tls.key"), caCertificate), USERNAME, password)
                : null;
        try {
            if (flavour == RegistryFlavour.BASIC_AUTH) {
                writeHtpasswd();
            }
            if (caCertificate != null) {
                copy(caCertificate, directory.createDirectory("certs").resolve("ca.crt"));
            }
            Path config = directory.write("config.yml", config());
            this.process = BackgroundProcess.start("docker-registry (" + flavour + ")",
                    List.of(RequiredBinary.DOCKER_REGISTRY.path().toString(), "serve", config.toString()),
                    Map.of(), directory.resolve("registry.log"));
            process.awaitReady(STARTUP_TIMEOUT, () -> LoopbackPorts.isListening(port));
        } catch (RuntimeException e) {
            if (tokenServer != null) {
                tokenServer.close();
            }
            throw e;
        }
        this.httpClient = httpClient(caCertificate);
        this.api = new RegistryApi(baseUrl(), httpClient, username(), password);
    }

    /** Starts a registry of {@code flavour} on a free loopback port; fails naming the package when it is missing. */
    public static RunningRegistry start(RegistryFlavour flavour) {
        ScratchDirectory directory = ScratchDirectory.create("registry-" + flavour.name().toLowerCase());
        try {
            return new RunningRegistry(flavour, directory);
        } catch (RuntimeException e) {
            directory.delete();
            throw e;
        }
    }

    /** {@code 127.0.0.1:PORT}, the registry part of image references. */
    public String hostPort() {
        return "127.0.0.1:" + port;
    }

    /** {@code http://127.0.0.1:PORT/} or, for {@link RegistryFlavour#TLS}, {@code https://127.0.0.1:PORT/}. */
    public URI baseUrl() {
        return URI.create((flavour == RegistryFlavour.TLS ? "https" : "http") + "://" + hostPort() + "/");
    }

    String username() {
        return flavour.hasCredentials() ? USERNAME : null;
    }

    String password() {
        return password;
    }

    Path caCertificate() {
        return caCertificate;
    }

    /** A directory holding only {@code ca.crt}, the layout skopeo's and buildah's {@code --cert-dir} expect. */
    Path caCertificateDirectory() {
        return caCertificate == null ? null : directory.resolve("certs");
    }

    HttpClient httpClient() {
        return httpClient;
    }

    Path logFile() {
        return process.logFile();
    }

    /** As {@link RegistryExtension#pushBusyboxBase(String, String)}. */
    public synchronized String pushBusyboxBase(String repository, String tag) {
        BusyboxImage image = BusyboxImage.get();
        Blob layer = image.layer(BusyboxImage.DOCKER_LAYER);
        Blob config = image.config(BusyboxImage.DOCKER_CONFIG, "amd64", null);
        api.pushBlob(repository, layer);
        api.pushBlob(repository, config);
        api.pushManifest(repository, tag, BusyboxImage.manifest(BusyboxImage.DOCKER_MANIFEST, config, layer));
        return hostPort() + "/" + repository + ":" + tag;
    }

    synchronized String pushBusyboxIndex(String repository, String tag) {
        return pushIndex(repository, tag, BusyboxImage.get());
    }

    /** As {@link RegistryExtension#pushMultiPlatformBusyboxBase(String, String)}. */
    public synchronized String pushMultiPlatformBusyboxBase(String repository, String tag) {
        Arm64Emulation.require();
        return pushIndex(repository, tag, BusyboxImage.arm64());
    }

    /** An OCI index of linux/amd64 (the amd64 busybox) and linux/arm64/v8 with {@code arm64}'s layer. */
    private String pushIndex(String repository, String tag, BusyboxImage arm64) {
        List<Map<String, Object>> descriptors = new ArrayList<>();
        for (String[] platform : List.of(new String[] {"amd64", null}, new String[] {"arm64", "v8"})) {
            BusyboxImage image = platform[1] == null ? BusyboxImage.get() : arm64;
            Blob layer = image.layer(BusyboxImage.OCI_LAYER);
            api.pushBlob(repository, layer);
            Blob config = image.config(BusyboxImage.OCI_CONFIG, platform[0], platform[1]);
            api.pushBlob(repository, config);
            Blob manifest = BusyboxImage.manifest(BusyboxImage.OCI_MANIFEST, config, layer);
            api.pushManifest(repository, manifest.digest(), manifest);
            Map<String, Object> descriptor = manifest.descriptor();
            Map<String, Object> platformFields = new LinkedHashMap<>();
            platformFields.put("architecture", platform[0]);
            platformFields.put("os", "linux");
            if (platform[1] != null) {
                platformFields.put("variant", platform[1]);
            }
            descriptor.put("platform", platformFields);
            descriptors.add(descriptor);
        }
        api.pushManifest(repository, tag, BusyboxImage.index(descriptors));
        return hostPort() + "/" + repository + ":" + tag;
    }

    /** The manifest or index under a tag or digest, as the registry serves it. */
    public synchronized RegistryManifest manifest(String repository, String reference) {
        return api.manifest(repository, reference);
    }

    /** Stops the registry (and its token server) and deletes its storage. */
    @Override
    public void close() {
        process.stop(Duration.ofSeconds(10));
        if (tokenServer != null) {
            tokenServer.close();
        }
        directory.delete();
    }

    private Path selfSignedCertificate(String name) {
        return selfSignedCertificate(directory.resolve(name + ".key"), directory.resolve(name + ".crt"));
    }

    /** Writes a self-signed certificate for IP 127.0.0.1 to {@code certificate}, its PKCS#8 key to {@code key}. */
    static Path selfSignedCertificate(Path key, Path certificate) {
        ExternalCommand.run(List.of(RequiredBinary.OPENSSL.path().toString(), "req", "-x509", "-newkey", "rsa:2048",
                "-nodes", "-keyout", key.toString(), "-out", certificate.toString(), "-days", "7",
                "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"),
                Map.of(), null, Duration.ofMinutes(1)).requireSuccess();
        return certificate;
    }

    private static void copy(Path from, Path to) {
        try {
            Files.copy(from, to);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy " + from + " to " + to, e);
        }
    }

    private void writeHtpasswd() {
        // -i reads the password from stdin so that it never appears in a process argument
        String entry = ExternalCommand.run(List.of(RequiredBinary.HTPASSWD.path().toString(), "-niB", USERNAME),
                Map.of(), password, Duration.ofMinutes(1)).requireSuccess().stdout();
        directory.write("htpasswd", entry.strip() + "\n");
    }

    private String config() {
        StringBuilder yaml = new StringBuilder()
                .append("version: 0.1\n")
                .append("log:\n  level: info\n")
                .append("storage:\n")
                .append("  filesystem:\n    rootdirectory: ").append(directory.createDirectory("data")).append('\n')
                .append("  delete:\n    enabled: true\n")
                .append("http:\n")
                .append("  addr: ").append(hostPort()).append('\n')
                .append("  secret: ").append(UUID.randomUUID()).append('\n');
        if (flavour == RegistryFlavour.TLS) {
            yaml.append("  tls:\n")
                    .append("    certificate: ").append(caCertificate).append('\n')
                    .append("    key: ").append(directory.resolve("tls.key")).append('\n');
        }
        if (flavour == RegistryFlavour.BASIC_AUTH) {
            yaml.append("auth:\n  htpasswd:\n    realm: optimized-deploy-test\n")
                    .append("    path: ").append(directory.resolve("htpasswd")).append('\n');
        }
        if (flavour == RegistryFlavour.TOKEN_AUTH) {
            yaml.append("auth:\n  token:\n")
                    .append("    realm: ").append(tokenServer.realm()).append('\n')
                    .append("    service: ").append(TokenServer.SERVICE).append('\n')
                    .append("    issuer: ").append(TokenServer.ISSUER).append('\n')
                    .append("    rootcertbundle: ").append(directory.resolve("token-signing.crt")).append('\n');
        }
        return yaml.toString();
    }

    private static HttpClient httpClient(Path caCertificate) {
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10));
        if (caCertificate != null) {
            builder.sslContext(trusting(caCertificate));
        }
        return builder.build();
    }

    private static SSLContext trusting(Path caCertificate) {
        try (InputStream in = Files.newInputStream(caCertificate)) {
            KeyStore trustStore = KeyStore.getInstance(KeyStore.getDefaultType());
            trustStore.load(null, null);
            trustStore.setCertificateEntry("test-registry-ca",
                    CertificateFactory.getInstance("X.509").generateCertificate(in));
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trustStore);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the CA certificate " + caCertificate, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot trust the CA certificate " + caCertificate, e);
        }
    }
}
