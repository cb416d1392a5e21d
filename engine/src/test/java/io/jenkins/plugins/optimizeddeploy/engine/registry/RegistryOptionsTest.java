package io.jenkins.plugins.optimizeddeploy.engine.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RegistryOptionsTest {
    @Test
    void shouldHaveTheDocumentedDefaults() {
        RegistryOptions defaults = RegistryOptions.defaults();

        assertThat(defaults.insecureTls()).isFalse();
        assertThat(defaults.caCertificate()).isEmpty();
        assertThat(defaults.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(defaults.requestTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(defaults.requestDeadline()).isEqualTo(Duration.ofMinutes(2));
        assertThat(defaults.maxRetries()).isEqualTo(3);
        assertThat(defaults.initialBackoff()).isEqualTo(Duration.ofMillis(500));
        assertThat(defaults.maxBackoff()).isEqualTo(Duration.ofSeconds(10));
        assertThat(defaults.userAgent()).isEqualTo("optimized-deploy");
    }

    @Test
    void shouldRejectInsecureTlsTogetherWithACaCertificate() {
        RegistryOptions.Builder builder = RegistryOptions.builder().insecureTls(true).caCertificate(Path.of("ca.pem"));

        assertThatThrownBy(builder::build)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("insecureTls and caCertificate (ca.pem) contradict each other");
    }

    @Test
    void shouldRejectInitialBackoffLongerThanMaxBackoff() {
        RegistryOptions.Builder builder = RegistryOptions.builder().initialBackoff(Duration.ofSeconds(20));

        assertThatThrownBy(builder::build).hasMessage("initialBackoff (PT20S) is longer than maxBackoff (PT10S)");
    }

    @Test
    void shouldRejectARequestTimeoutLongerThanTheRequestDeadline() {
        RegistryOptions.Builder builder = RegistryOptions.builder().requestDeadline(Duration.ofSeconds(30));

        assertThatThrownBy(builder::build).hasMessageStartingWith("requestTimeout (PT1M) is longer than requestDeadline"
                + " (PT30S)");
    }

    @Test
    void shouldRejectNonsensicalValuesNamingThem() {
        RegistryOptions.Builder builder = RegistryOptions.builder();

        assertThatThrownBy(() -> builder.maxRetries(-1)).hasMessage("maxRetries must be 0 or more, was -1");
        assertThatThrownBy(() -> builder.connectTimeout(Duration.ZERO))
                .hasMessage("connectTimeout must be a positive duration, was PT0S");
        assertThatThrownBy(() -> builder.requestTimeout(null))
                .hasMessage("requestTimeout must be a positive duration, was null");
        assertThatThrownBy(() -> builder.userAgent(" ")).hasMessage("userAgent must not be blank, was ' '");
    }

    @Test
    void shouldDoubleTheBackoffUpToTheMaximum() {
        RegistryOptions options = RegistryOptions.builder().initialBackoff(Duration.ofMillis(300))
                .maxBackoff(Duration.ofSeconds(1)).build();

        assertThat(options.backoffBefore(1)).isEqualTo(Duration.ofMillis(300));
        assertThat(options.backoffBefore(2)).isEqualTo(Duration.ofMillis(600));
        assertThat(options.backoffBefore(3)).isEqualTo(Duration.ofSeconds(1));
        assertThat(options.backoffBefore(60)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void shouldCopyThroughToBuilder() {
        RegistryOptions options = RegistryOptions.builder().caCertificate(Path.of("/etc/ca.pem")).maxRetries(0).build();

        RegistryOptions copy = options.toBuilder().build();

        assertThat(copy).isEqualTo(options).hasSameHashCodeAs(options);
        assertThat(copy.caCertificate()).contains(Path.of("/etc/ca.pem"));
        assertThat(options.toBuilder().maxRetries(1).build()).isNotEqualTo(options);
    }

    @Test
    void shouldSurviveSerialization() throws IOException, ClassNotFoundException {
        RegistryOptions options = RegistryOptions.builder().caCertificate(Path.of("/etc/ca.pem")).build();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(options);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertThat(in.readObject()).isEqualTo(options);
        }
    }
}
