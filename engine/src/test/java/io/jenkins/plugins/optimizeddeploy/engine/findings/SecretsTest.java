package io.jenkins.plugins.optimizeddeploy.engine.findings;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SecretsTest {

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", textBlock = """
            RUN curl -fsSL https://deploy:hunter2@example.com/x.tgz => RUN curl -fsSL https://deploy:<redacted>@example.com/x.tgz
            RUN curl https://deploy:$TOKEN@example.com/x => RUN curl https://deploy:$TOKEN@example.com/x
            RUN echo root@host && curl https://example.com/x => RUN echo root@host && curl https://example.com/x
            RUN curl https://example.com/x && echo root@host => RUN curl https://example.com/x && echo root@host
            ENV KEY=AKIAABCDEFGHIJKLMNOP => ENV KEY=<redacted>
            ENV KEY=AKIAABCDEFGHIJKLMNOP URL=https://u:p@example.com => ENV KEY=<redacted> URL=https://u:<redacted>@example.com
            RUN git clone https://u:ghp_abcdefghijklmnopqrstuvwxyz0123456789@github.com/x => RUN git clone https://u:<redacted>@github.com/x
            RUN curl https://example.com/install.sh | sh => RUN curl https://example.com/install.sh | sh
            """)
    void shouldRedactSecretShapedTextAndUrlPasswordsOnly(String text, String redacted) {
        assertThat(Secrets.redact(text)).isEqualTo(redacted);
        assertThat(Secrets.looksSecret(text)).isEqualTo(!redacted.equals(text));
    }
}
