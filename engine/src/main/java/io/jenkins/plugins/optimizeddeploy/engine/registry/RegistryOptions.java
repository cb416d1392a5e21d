package io.jenkins.plugins.optimizeddeploy.engine.registry;

import io.jenkins.plugins.optimizeddeploy.engine.errors.BadInputException;
import java.io.Serializable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How the registry client connects. Immutable; build with {@link #builder()}. Defaults:
 * <ul>
 * <li>{@code insecureTls} false: certificates and host names are verified;</li>
 * <li>{@code caCertificate} none: the Java runtime's trusted authorities only (a PEM file adds to them);</li>
 * <li>{@code connectTimeout} 10 s; {@code requestTimeout} 60 s: the longest wait for any part of a response, its
 * headers or the next piece of its body (a registry that stops sending fails the read);</li>
 * <li>{@code requestDeadline} 2 min: the longest one request may take, from its first byte sent to the last byte of
 * its answer read, plus one second for every 256 KiB it has sent or received, so that a blob streamed between
 * registries is held to a pace (256 KiB/s on average) rather than a size; a registry that sends or takes its bytes
 * slower fails the request, which is not retried;</li>
 * <li>{@code maxRetries} 3: requests are retried after connection errors, broken-off or stalled responses and
 * HTTP 408, 429, 500, 502, 503 and 504 (manifest PUTs too: the same bytes give the same result);</li>
 * <li>{@code initialBackoff} 500 ms, doubled per retry up to {@code maxBackoff} 10 s, each pause drawn between half
 * of that and all of it (jitter); a {@code Retry-After} in seconds is honoured up to {@code maxBackoff};</li>
 * <li>{@code parallelism} 16: at most this many requests of one operation are in flight at once (a retag's reads,
 * its manifest PUTs, its content copies), each on a connection of its own; a client keeps as many idle
 * connections per server for its next requests (at most 20 s each), and closes them all when it is closed;</li>
 * <li>{@code userAgent} "optimized-deploy".</li>
 * </ul>
 * Plain HTTP is never chosen by an option: it is used only for loopback registries
 * ({@code localhost}, 127.0.0.0/8, {@code [::1]}) that do not speak TLS. Nor is a proxy: requests go through the HTTP
 * proxy the JVM's proxy selector names (the {@code https.proxyHost}, {@code http.proxyHost} and
 * {@code http.nonProxyHosts} the JVM was started with; not Jenkins's own proxy configuration, which is the
 * controller's), https through a {@code CONNECT} tunnel; a proxy asking for authentication is reported, not
 * answered.
 */
public final class RegistryOptions implements Serializable {
    private static final long serialVersionUID = 1L;

    private final boolean insecureTls;
    private final String caCertificate;
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final Duration requestDeadline;
    private final int maxRetries;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final String userAgent;
    private final int parallelism;

    private RegistryOptions(Builder builder) {
        this.insecureTls = builder.insecureTls;
        this.caCertificate = builder.caCertificate;
        this.connectTimeout = builder.connectTimeout;
        this.requestTimeout = builder.requestTimeout;
        this.requestDeadline = builder.requestDeadline;
        this.maxRetries = builder.maxRetries;
        this.initialBackoff = builder.initialBackoff;
        this.maxBackoff = builder.maxBackoff;
        this.userAgent = builder.userAgent;
        this.parallelism = builder.parallelism;
    }

    public static RegistryOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these options. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.insecureTls = insecureTls;
        builder.caCertificate = caCertificate;
        builder.connectTimeout = connectTimeout;
        builder.requestTimeout = requestTimeout;
        builder.requestDeadline = requestDeadline;
        builder.maxRetries = maxRetries;
        builder.initialBackoff = initialBackoff;
        builder.maxBackoff = maxBackoff;
        builder.userAgent = userAgent;
        builder.parallelism = parallelism;
        return builder;
    }

    public boolean insecureTls() {
        return insecureTls;
    }

    public Optional<Path> caCertificate() {
        return Optional.ofNullable(caCertificate).map(Path::of);
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    public Duration requestTimeout() {
        return requestTimeout;
    }

    public Duration requestDeadline() {
        return requestDeadline;
    }

    public int maxRetries() {
        return maxRetries;
    }

    public Duration initialBackoff() {
        return initialBackoff;
    }

    public Duration maxBackoff() {
        return maxBackoff;
    }

    public String userAgent() {
        return userAgent;
    }

    public int parallelism() {
        return parallelism;
    }

    /** The pause before retry number {@code retry} (1-based): doubling from the initial backoff, capped. */
    public Duration backoffBefore(int retry) {
        Duration backoff = initialBackoff;
        for (int i = 1; i < retry && backoff.compareTo(maxBackoff) < 0; i++) {
            backoff = backoff.multipliedBy(2);
        }
        return backoff.compareTo(maxBackoff) > 0 ? maxBackoff : backoff;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RegistryOptions that && insecureTls == that.insecureTls
                && Objects.equals(caCertificate, that.caCertificate) && connectTimeout.equals(that.connectTimeout)
                && requestTimeout.equals(that.requestTimeout) && requestDeadline.equals(that.requestDeadline)
                && maxRetries == that.maxRetries
                && initialBackoff.equals(that.initialBackoff) && maxBackoff.equals(that.maxBackoff)
                && userAgent.equals(that.userAgent) && parallelism == that.parallelism;
    }

    @Override
    public int hashCode() {
        return Objects.hash(insecureTls, caCertificate, connectTimeout, requestTimeout, requestDeadline, maxRetries,
                initialBackoff, maxBackoff, userAgent, parallelism);
    }

    @Override
    public String toString() {
        return "RegistryOptions[insecureTls=" + insecureTls + ", caCertificate=" + caCertificate
                + ", connectTimeout=" + connectTimeout + ", requestTimeout=" + requestTimeout + ", requestDeadline="
                + requestDeadline + ", maxRetries="
                + maxRetries + ", initialBackoff=" + initialBackoff + ", maxBackoff=" + maxBackoff + ", userAgent="
                + userAgent + ", parallelism=" + parallelism + "]";
    }

    /** Collects options; {@link #build()} rejects combinations that contradict each other. */
    public static final class Builder {
        private boolean insecureTls;
        private String caCertificate;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration requestTimeout = Duration.ofSeconds(60);
        private Duration requestDeadline = Duration.ofMinutes(2);
        private int maxRetries = 3;
        private Duration initialBackoff = Duration.ofMillis(500);
        private Duration maxBackoff = Duration.ofSeconds(10);
        private String userAgent = "optimized-deploy";
        private int parallelism = 16;

        private Builder() {
        }

        /** Accept any certificate and host name. Only by explicit choice; conflicts with {@link #caCertificate}. */
        public Builder insecureTls(boolean insecure) {
            this.insecureTls = insecure;
            return this;
        }

        /** A PEM file with one or more CA certificates to trust in addition to the Java runtime's. */
        public Builder caCertificate(Path pemFile) {
            this.caCertificate = Objects.requireNonNull(pemFile, "CA certificate path").toString();
            return this;
        }

        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive("connectTimeout", timeout);
            return this;
        }

        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = positive("requestTimeout", timeout);
            return this;
        }

        /** The longest a request may take, from its first byte to its answer's last, before its pace counts. */
        public Builder requestDeadline(Duration deadline) {
            this.requestDeadline = positive("requestDeadline", deadline);
            return this;
        }

        /** Retries after the first attempt; 0 disables retrying. */
        public Builder maxRetries(int retries) {
            if (retries < 0) {
                throw new BadInputException("maxRetries must be 0 or more, was " + retries);
            }
            this.maxRetries = retries;
            return this;
        }

        public Builder initialBackoff(Duration backoff) {
            this.initialBackoff = positive("initialBackoff", backoff);
            return this;
        }

        public Builder maxBackoff(Duration backoff) {
            this.maxBackoff = positive("maxBackoff", backoff);
            return this;
        }

        public Builder userAgent(String agent) {
            if (agent == null || agent.isBlank()) {
                throw new BadInputException("userAgent must not be blank, was '" + agent + "'");
            }
            this.userAgent = agent;
            return this;
        }

        /** At most this many requests at once; 1 sends them one by one. */
        public Builder parallelism(int requests) {
            if (requests < 1) {
                throw new BadInputException("parallelism must be 1 or more, was " + requests);
            }
            this.parallelism = requests;
            return this;
        }

        private static Duration positive(String name, Duration value) {
            if (value == null || value.isNegative() || value.isZero()) {
                throw new BadInputException(name + " must be a positive duration, was " + value);
            }
            return value;
        }

        /**
         * @throws IllegalStateException when options contradict each other
         */
        public RegistryOptions build() {
            if (insecureTls && caCertificate != null) {
                throw new IllegalStateException("insecureTls and caCertificate (" + caCertificate
                        + ") contradict each other: a CA certificate is only useful when certificates are verified");
            }
            if (requestTimeout.compareTo(requestDeadline) > 0) {
                throw new IllegalStateException("requestTimeout (" + requestTimeout + ") is longer than requestDeadline ("
                        + requestDeadline + "), the time a whole request may take");
            }
            if (initialBackoff.compareTo(maxBackoff) > 0) {
                throw new IllegalStateException("initialBackoff (" + initialBackoff + ") is longer than maxBackoff ("
                        + maxBackoff + ")");
            }
            return new RegistryOptions(this);
        }
    }
}
