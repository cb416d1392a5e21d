package io.jenkins.plugins.optimizeddeploy.testsupport;

/** How a test registry authenticates and transports. */
public enum RegistryFlavour {
    /** Plain HTTP, anonymous pull and push. */
    PLAIN,
    /** Plain HTTP, HTTP Basic credentials from an htpasswd (bcrypt) file. */
    BASIC_AUTH,
    /** HTTPS with a self-signed certificate for IP 127.0.0.1, anonymous. */
    TLS,
    /**
     * Plain HTTP, Bearer tokens from a token server on a port of its own that checks Basic credentials; it speaks
     * HTTPS with a self-signed certificate for IP 127.0.0.1, as a realm must to be sent credentials from elsewhere.
     */
    TOKEN_AUTH;

    boolean hasCredentials() {
        return this == BASIC_AUTH || this == TOKEN_AUTH;
    }

    /** Whether a server of this flavour (the registry, or its token server) presents a certificate to trust. */
    boolean hasCaCertificate() {
        return this == TLS || this == TOKEN_AUTH;
    }
}
