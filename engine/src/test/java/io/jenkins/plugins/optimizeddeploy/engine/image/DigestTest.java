package io.jenkins.plugins.optimizeddeploy.engine.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import nl.jqno.equalsverifier.EqualsVerifier;
import nl.jqno.equalsverifier.Warning;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DigestTest {
    private static final String EMPTY_SHA256 =
            "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    @Test
    void shouldParseAlgorithmAndHex() {
        Digest digest = Digest.parse(EMPTY_SHA256);

        assertThat(digest.algorithm()).isEqualTo("sha256");
        assertThat(digest.hex()).startsWith("e3b0c442").hasSize(64);
        assertThat(digest).hasToString(EMPTY_SHA256);
    }

    @Test
    void shouldAcceptSha512() {
        assertThat(Digest.parse("sha512:" + "0".repeat(128)).algorithm()).isEqualTo("sha512");
    }

    @Test
    void shouldHashContentWithSha256() {
        assertThat(Digest.sha256Of(new byte[0])).isEqualTo(Digest.parse(EMPTY_SHA256));
    }

    @Test
    void shouldTellWhetherContentMatches() {
        Digest digest = Digest.sha256Of("{}".getBytes(StandardCharsets.UTF_8));

        assertThat(digest.matches("{}".getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(digest.matches("{ }".getBytes(StandardCharsets.UTF_8))).isFalse();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            sha256                  | the ':' is missing
            sha256:                 | digest value '' must be 64 lowercase hex characters
            sha256:abc              | digest value 'abc' must be 64 lowercase hex characters
            :abc                    | digest algorithm '' is not valid
            SHA256:abc              | digest algorithm 'SHA256' is not valid
            md5:d41d8cd98f00b204e9800998ecf8427e | digest algorithm 'md5' is not supported
            sha512:abcdef           | must be 128 lowercase hex characters for sha512
            """)
    void shouldRejectMalformedDigestNamingIt(String given, String problem) {
        assertThatThrownBy(() -> Digest.parse(given))
                .isInstanceOf(InvalidReferenceException.class)
                .hasMessageStartingWith("Invalid digest '" + given + "': ")
                .hasMessageContaining(problem);
    }

    @Test
    void shouldHonourEqualsAndHashCodeContract() {
        EqualsVerifier.forClass(Digest.class).suppress(Warning.NULL_FIELDS).verify();
    }

    @Test
    void shouldSurviveSerialization() throws IOException, ClassNotFoundException {
        Digest digest = Digest.parse(EMPTY_SHA256);

        assertThat(ImageReferenceTest.roundTrip(digest)).isEqualTo(digest);
    }
}
