package io.jenkins.plugins.optimizeddeploy.engine.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RedactedUrlTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            https://user:secret@registry.example:5000/v2/app/manifests/1 | https://registry.example:5000/v2/app/manifests/1
            https://token@registry.example/v2/                         | https://registry.example/v2/
            https://auth.example/token?service=reg&scope=repository:a:pull | https://auth.example/token?service=reg&scope=repository:a:pull
            https://s3.example/blob?X-Amz-Signature=abc&X-Amz-Credential=def&part=1 | https://s3.example/blob?X-Amz-Signature=REDACTED&X-Amz-Credential=REDACTED&part=1
            https://cdn.example/b?access_token=abc&flag                 | https://cdn.example/b?access_token=REDACTED&flag
            http://127.0.0.1:5000/v2/                                   | http://127.0.0.1:5000/v2/
            """)
    void shouldRemoveUserInfoAndSecretQueryValues(String given, String redacted) {
        assertThat(RedactedUrl.of(URI.create(given))).isEqualTo(redacted);
    }

    @Test
    void shouldNameAMissingUrl() {
        assertThat(RedactedUrl.of(null)).isEqualTo("no URL");
    }
}
