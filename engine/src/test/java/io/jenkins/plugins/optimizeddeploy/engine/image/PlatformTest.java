package io.jenkins.plugins.optimizeddeploy.engine.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import nl.jqno.equalsverifier.EqualsVerifier;
import nl.jqno.equalsverifier.Warning;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlatformTest {
    @Test
    void shouldParseOsArchitectureAndVariant() {
        Platform platform = Platform.parse("linux/arm64/v8");

        assertThat(platform.os()).isEqualTo("linux");
        assertThat(platform.architecture()).isEqualTo("arm64");
        assertThat(platform.variant()).contains("v8");
        assertThat(platform).hasToString("linux/arm64/v8");
    }

    @Test
    void shouldParsePlatformWithoutVariant() {
        Platform platform = Platform.parse("linux/amd64");

        assertThat(platform.variant()).isEmpty();
        assertThat(platform).hasToString("linux/amd64").isEqualTo(Platform.of("linux", "amd64", ""));
        assertThat(Platform.of("linux", "amd64", null)).isEqualTo(platform);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            linux                | expected 'os/architecture' or 'os/architecture/variant'
            linux/arm64/v8/extra | expected 'os/architecture' or 'os/architecture/variant'
            /amd64               | os ''
            linux/               | architecture ''
            linux/arm/           | variant ''
            linux/am d64         | architecture 'am d64'
            """)
    void shouldRejectMalformedPlatformNamingThePart(String given, String problem) {
        assertThatThrownBy(() -> Platform.parse(given))
                .isInstanceOf(InvalidReferenceException.class)
                .hasMessageStartingWith("Invalid platform '" + given + "': ")
                .hasMessageContaining(problem);
    }

    @Test
    void shouldHonourEqualsAndHashCodeContract() {
        EqualsVerifier.forClass(Platform.class).suppress(Warning.NULL_FIELDS).verify();
    }

    @Test
    void shouldSurviveSerialization() throws IOException, ClassNotFoundException {
        Platform platform = Platform.parse("linux/arm/v7");

        assertThat(ImageReferenceTest.roundTrip(platform)).isEqualTo(platform);
    }
}
