package io.jenkins.plugins.optimizeddeploy.engine.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TerminalTextTest {

    @Test
    void shouldEscapeControlCharactersAndBidiOverridesKeepingTabsAndOtherText() {
        assertThat(TerminalText.escape("\u001b[2J\u001b]0;owned\u0007a\tb\nc\rd\u0000\u007f\u009b\u202eé😀"))
                .isEqualTo("\\x1b[2J\\x1b]0;owned\\x07a\tb\\nc\\rd\\x00\\x7f\\u009b\\u202eé😀");
    }

    @Test
    void shouldLeavePlainTextAsItIs() {
        assertThat(TerminalText.escape("RUN apt-get install -y curl=7.88")).isEqualTo("RUN apt-get install -y curl=7.88");
    }
}
