package io.jenkins.plugins.optimizeddeploy.engine.http;

import java.io.IOException;
import java.net.Socket;
import java.security.NoSuchAlgorithmException;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.HostnameVerificationPolicy;
import org.apache.hc.client5.http.ssl.NoopHostnameVerifier;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.protocol.HttpContext;

/** How a client's connections are upgraded to TLS. */
public final class Tls {
    private Tls() {
    }

    /**
     * Upgrades with {@code context}; the runtime checks that the certificate names the host (unless the context's
     * trust manager is an extended one that checks nothing, as an explicit {@code insecureTls} asks).
     */
    public static TlsSocketStrategy with(SSLContext context) {
        return new DefaultClientTlsStrategy(context, HostnameVerificationPolicy.BUILTIN, NoopHostnameVerifier.INSTANCE);
    }

    /**
     * Upgrades with the context {@code made} gives, made when the first https connection needs it: the runtime's
     * authorities take longer to load than a whole exchange with a plain loopback server.
     */
    public static TlsSocketStrategy whenNeeded(Supplier<SSLContext> made) {
        return new TlsSocketStrategy() {
            private volatile TlsSocketStrategy strategy;

            @Override
            public SSLSocket upgrade(Socket socket, String target, int port, Object attachment, HttpContext context)
                    throws IOException {
                TlsSocketStrategy upgrade = strategy;
                if (upgrade == null) {
                    upgrade = with(made.get());
                    strategy = upgrade;
                }
                return upgrade.upgrade(socket, target, port, attachment, context);
            }
        };
    }

    /** The runtime's own trust: its authorities, its host name check. */
    public static SSLContext runtimeDefault() {
        try {
            return SSLContext.getDefault();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The Java runtime has no default TLS context: " + e.getMessage(), e);
        }
    }
}
