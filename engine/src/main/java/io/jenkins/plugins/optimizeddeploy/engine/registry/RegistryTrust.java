package io.jenkins.plugins.optimizeddeploy.engine.registry;

import io.jenkins.plugins.optimizeddeploy.engine.errors.BadInputException;
import io.jenkins.plugins.optimizeddeploy.engine.files.InputFile;
import io.jenkins.plugins.optimizeddeploy.engine.files.InputKind;
import io.jenkins.plugins.optimizeddeploy.engine.http.Tls;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;

/** The TLS trust the options ask for: the runtime's authorities, plus a PEM file's, or (explicitly) none. */
final class RegistryTrust {
    private RegistryTrust() {
    }

    /**
     * Upgrades connections to TLS with that trust, made when the first https connection needs it; the runtime checks
     * that the certificate names the host (unless {@code insecureTls}). A CA file is read at once, so that a bad one
     * is reported when the client is made; the runtime's own authorities, which take longer to load than a whole
     * retag on a plain loopback registry, only when needed.
     */
    static TlsSocketStrategy tlsStrategy(RegistryOptions options) {
        if (options.insecureTls() || options.caCertificate().isPresent()) {
            return Tls.with(sslContext(options));
        }
        return Tls.whenNeeded(() -> sslContext(options));
    }

    private static SSLContext sslContext(RegistryOptions options) {
        try {
            if (options.insecureTls()) {
                return context(new TrustManager[] {new AcceptingAnyCertificate()});
            }
            if (options.caCertificate().isPresent()) {
                return context(withExtraAuthorities(options.caCertificate().get()));
            }
            return SSLContext.getDefault();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot set up TLS for the registry client with " + options + ": "
                    + e.getMessage(), e);
        }
    }

    private static SSLContext context(TrustManager[] trustManagers) throws GeneralSecurityException {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trustManagers, null);
        return context;
    }

    private static TrustManager[] withExtraAuthorities(Path pemFile) throws GeneralSecurityException {
        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        try {
            trusted.load(null, null);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot create an empty key store: " + e.getMessage(), e);
        }
        int index = 0;
        for (X509Certificate authority : runtimeAuthorities().getAcceptedIssuers()) {
            trusted.setCertificateEntry("runtime-" + index++, authority);
        }
        for (Certificate authority : readPem(pemFile)) {
            trusted.setCertificateEntry("extra-" + index++, authority);
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trusted);
        return factory.getTrustManagers();
    }

    private static X509TrustManager runtimeAuthorities() throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init((KeyStore) null);
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509TrustManager x509) {
                return x509;
            }
        }
        throw new IllegalStateException("The Java runtime has no X.509 trust manager");
    }

    private static Collection<? extends Certificate> readPem(Path pemFile) {
        byte[] pem = InputFile.of(InputKind.CA_CERTIFICATE, pemFile).readBytes();
        try {
            Collection<? extends Certificate> certificates =
                    CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(pem));
            if (certificates.isEmpty()) {
                throw new BadInputException("CA certificate file " + pemFile + " holds no certificate");
            }
            return certificates;
        } catch (GeneralSecurityException e) {
            throw new BadInputException("CA certificate file " + pemFile + " is not a PEM or DER X.509"
                    + " certificate: " + e.getMessage(), e);
        }
    }

    /**
     * Trusts every certificate and host name: what {@code insecureTls} asks for. Being an extended trust manager,
     * it also stops the runtime's host name check, which is part of certificate verification.
     */
    private static final class AcceptingAnyCertificate extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
            // insecureTls: nothing is verified, by the user's explicit choice.
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
            // insecureTls: nothing is verified, by the user's explicit choice.
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            // insecureTls: nothing is verified, by the user's explicit choice.
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            // insecureTls: nothing is verified, by the user's explicit choice.
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            // insecureTls: nothing is verified, by the user's explicit choice.
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            // insecureTls: nothing is verified, by the user's explicit choice.
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
