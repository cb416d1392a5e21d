package io.jenkins.plugins.optimizeddeploy.engine.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RegistryErrorsTest {
    private final ObjectMapper json = new ObjectMapper();

    private RegistryErrors parse(String body) {
        return RegistryErrors.parse(json, body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void shouldReadCodesAndMessagesOfTheDistributionErrorBody() {
        RegistryErrors errors = parse("{\"errors\":[{\"code\":\"MANIFEST_UNKNOWN\",\"message\":\"manifest unknown\","
                + "\"detail\":{\"Tag\":\"latest\"}},{\"code\":\"NAME_UNKNOWN\",\"message\":\"repository name not known"
                + " to registry\"}]}");

        assertThat(errors.codes()).containsExactly("MANIFEST_UNKNOWN", "NAME_UNKNOWN");
        assertThat(errors.describe("none")).isEqualTo("manifest unknown; repository name not known to registry");
    }

    @Test
    void shouldReadTokenServerErrors() {
        assertThat(parse("{\"details\":\"incorrect username or password\"}").messages())
                .containsExactly("incorrect username or password");
        assertThat(parse("{\"error\":\"invalid_grant\",\"error_description\":\"bad password\"}").messages())
                .containsExactly("invalid_grant", "bad password");
    }

    @Test
    void shouldKeepTheFirstLineOfATextBody() {
        RegistryErrors errors = parse("Client sent an HTTP request to an HTTPS server.\nmore");

        assertThat(errors.codes()).isEmpty();
        assertThat(errors.messages()).containsExactly("Client sent an HTTP request to an HTTPS server.");
    }

    @Test
    void shouldIgnoreHtmlAndEmptyBodies() {
        assertThat(parse("<html><body>502 Bad Gateway</body></html>").messages()).isEmpty();
        assertThat(parse("").describe("fallback")).isEqualTo("fallback");
        assertThat(RegistryErrors.parse(json, null).codes()).isEmpty();
    }

    @Test
    void shouldShortenLongTextBodies() {
        assertThat(parse("x".repeat(500)).messages().get(0)).hasSize(201).endsWith("…");
    }

    @Test
    void shouldSkipErrorsWithoutCode() {
        assertThat(parse("{\"errors\":[{\"message\":\"only a message\"},{}]}").codes()).isEmpty();
        assertThat(parse("{\"errors\":\"not a list\"}").codes()).isEmpty();
    }
}
