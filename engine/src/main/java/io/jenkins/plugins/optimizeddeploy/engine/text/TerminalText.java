package io.jenkins.plugins.optimizeddeploy.engine.text;

/**
 * Text from outside (a Dockerfile, an image config, a registry's answer) made safe to print on a terminal or in a
 * build log: control characters, which could clear the screen, set the window title or forge lines, are written as
 * escapes instead ({@code \x1b}, {@code \n}, {@code \u009b}); so are the bidirectional overrides that make text read
 * differently from what it is. Tabs stay.
 */
public final class TerminalText {

    private TerminalText() {
    }

    /** The text as one line, every control character escaped. */
    public static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                escaped.append("\\n");
            } else if (c == '\r') {
                escaped.append("\\r");
            } else if ((c < 0x20 && c != '\t') || c == 0x7f) {
                escaped.append(String.format("\\x%02x", (int) c));
            } else if ((c >= 0x80 && c <= 0x9f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)) {
                escaped.append(String.format("\\u%04x", (int) c));
            } else {
                escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
