package io.jenkins.plugins.optimizeddeploy.engine.registry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LoopbackTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "localhost, true", "LOCALHOST:5000, true", "127.0.0.1, true", "127.0.0.1:5000, true", "127.255.3.4:1, true",
        "[::1], true", "[::1]:5000, true", "::1, true", "[0:0:0:0:0:0:0:1]:80, true",
        "128.0.0.1, false", "10.0.0.1:5000, false", "localhost.example.com, false", "127.0.0.1.example.com, false",
        "registry.example:5000, false", "[2001:db8::1]:5000, false", "docker.io, false"})
    void shouldRecogniseOnlyLoopbackHosts(String host, boolean loopback) {
        assertThat(Loopback.isLoopback(host)).isEqualTo(loopback);
    }
}
