package io.jenkins.plugins.optimizeddeploy.engine.dockerfile;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Reads the exec (JSON) form of an instruction the way Docker does with Go's encoding/json: text that is not a
 * valid JSON array (or holds a number too large for a float64) is not exec form, and the instruction falls back
 * to shell form; a valid array holding anything but strings is an error.
 */
final class ExecFormJson {
    /** Go's encoding/json refuses documents nested deeper than this. */
    private static final int MAX_DEPTH = 10_000;

    private final String text;
    private int position;

    private ExecFormJson(String text) {
        this.text = text;
    }

    /** Thrown for a valid JSON array with an element that is not a string; the message is BuildKit's. */
    static final class NotStringArrayException extends Exception {
        static final String BUILDKIT_MESSAGE = "when using JSON array syntax, arrays must be comprised of strings only";
        private static final long serialVersionUID = 1L;

        NotStringArrayException(String message) {
            super(message);
        }
    }

    private static final class NotJsonException extends Exception {
        private static final long serialVersionUID = 1L;

        NotJsonException(String reason) {
            super(reason, null, false, false);
        }
    }

    /**
     * The array's strings, or empty when the text is not exec form (the caller falls back to shell form).
     *
     * @param rest the instruction's arguments after its flags
     */
    static Optional<List<String>> read(String rest) throws NotStringArrayException {
        int start = 0;
        while (start < rest.length() && ShellWordExpander.isGoSpace(rest.codePointAt(start))) {
            start += Character.charCount(rest.codePointAt(start));
        }
        if (!rest.startsWith("[", start)) {
            return Optional.empty();
        }
        ExecFormJson reader = new ExecFormJson(rest.substring(start));
        List<Object> elements;
        try {
            elements = reader.readDocument();
        } catch (NotJsonException e) {
            return Optional.empty();
        }
        List<String> strings = new ArrayList<>(elements.size());
        for (Object element : elements) {
            if (!(element instanceof String string)) {
                throw new NotStringArrayException(NotStringArrayException.BUILDKIT_MESSAGE);
            }
            strings.add(string);
        }
        return Optional.of(strings);
    }

    /** Top-level array elements: a String for a string, any other marker object for anything else. */
    private List<Object> readDocument() throws NotJsonException {
        skipWhitespace();
        expect('[');
        List<Object> elements = new ArrayList<>();
        boolean overflow = false;
        skipWhitespace();
        if (peek() == ']') {
            position++;
        } else {
            while (true) {
                skipWhitespace();
                int c = peek();
                if (c == '"') {
                    elements.add(readString());
                } else {
                    overflow |= skipValue();
                    elements.add(Boolean.FALSE);
                }
                skipWhitespace();
                int separator = next();
                if (separator == ']') {
                    break;
                }
                if (separator != ',') {
                    throw new NotJsonException("expected , or ]");
                }
            }
        }
        skipWhitespace();
        if (position != text.length()) {
            throw new NotJsonException("invalid character after top-level value");
        }
        if (overflow) {
            throw new NotJsonException("number out of range");
        }
        return elements;
    }

    /** Skips any JSON value without recursion; returns true when a number overflows a float64. */
    private boolean skipValue() throws NotJsonException {
        Deque<Character> open = new ArrayDeque<>();
        boolean overflow = false;
        do {
            skipWhitespace();
            int c = peek();
            if (c == '[' || c == '{') {
                if (open.size() + 2 > MAX_DEPTH) {
                    throw new NotJsonException("exceeded max depth");
                }
                position++;
                open.push(c == '[' ? ']' : '}');
                skipWhitespace();
                if (peek() == open.peek()) {
                    position++;
                    open.pop();
                } else {
                    if (open.peek() == '}') {
                        readObjectKey();
                    }
                    continue;
                }
            } else if (c == '"') {
                readString();
            } else if (c == '-' || (c >= '0' && c <= '9')) {
                overflow |= readNumberOverflows();
            } else if (!readLiteral("true") && !readLiteral("false") && !readLiteral("null")) {
                throw new NotJsonException("invalid value");
            }
            while (!open.isEmpty()) {
                skipWhitespace();
                int separator = next();
                if (separator == open.peek()) {
                    open.pop();
                    continue;
                }
                if (separator != ',') {
                    throw new NotJsonException("expected , or closing bracket");
                }
                if (open.peek() == '}') {
                    skipWhitespace();
                    readObjectKey();
                }
                break;
            }
        } while (!open.isEmpty());
        return overflow;
    }

    private void readObjectKey() throws NotJsonException {
        skipWhitespace();
        if (peek() != '"') {
            throw new NotJsonException("expected object key");
        }
        readString();
        skipWhitespace();
        expect(':');
    }

    private boolean readLiteral(String literal) {
        if (text.startsWith(literal, position)) {
            position += literal.length();
            return true;
        }
        return false;
    }

    private boolean readNumberOverflows() throws NotJsonException {
        int start = position;
        if (peek() == '-') {
            position++;
        }
        if (peek() == '0') {
            position++;
        } else if (peek() >= '1' && peek() <= '9') {
            skipDigits();
        } else {
            throw new NotJsonException("invalid number");
        }
        if (peek() == '.') {
            position++;
            requireDigit();
            skipDigits();
        }
        if (peek() == 'e' || peek() == 'E') {
            position++;
            if (peek() == '+' || peek() == '-') {
                position++;
            }
            requireDigit();
            skipDigits();
        }
        return Double.isInfinite(Double.parseDouble(text.substring(start, position)));
    }

    private void requireDigit() throws NotJsonException {
        if (peek() < '0' || peek() > '9') {
            throw new NotJsonException("invalid number");
        }
    }

    private void skipDigits() {
        while (peek() >= '0' && peek() <= '9') {
            position++;
        }
    }

    private String readString() throws NotJsonException {
        expect('"');
        StringBuilder value = new StringBuilder();
        while (true) {
            int c = next();
            if (c == -1) {
                throw new NotJsonException("unterminated string");
            }
            if (c == '"') {
                return value.toString();
            }
            if (c < 0x20) {
                throw new NotJsonException("control character in string");
            }
            if (c != '\\') {
                value.append((char) c);
                continue;
            }
            int escaped = next();
            switch (escaped) {
                case '"', '\\', '/' -> value.append((char) escaped);
                case 'b' -> value.append('\b');
                case 'f' -> value.append('\f');
                case 'n' -> value.append('\n');
                case 'r' -> value.append('\r');
                case 't' -> value.append('\t');
                case 'u' -> appendUnicodeEscape(value);
                default -> throw new NotJsonException("invalid escape");
            }
        }
    }

    /** Go decodes a surrogate pair to one character and a lone surrogate to U+FFFD. */
    private void appendUnicodeEscape(StringBuilder value) throws NotJsonException {
        char first = (char) readHex4();
        if (Character.isHighSurrogate(first) && text.startsWith("\\u", position)) {
            int saved = position;
            position += 2;
            char second = (char) readHex4();
            if (Character.isLowSurrogate(second)) {
                value.append(first).append(second);
                return;
            }
            position = saved;
        }
        value.append(Character.isSurrogate(first) ? '\uFFFD' : first);
    }

    private int readHex4() throws NotJsonException {
        if (position + 4 > text.length()) {
            throw new NotJsonException("invalid unicode escape");
        }
        int result = 0;
        for (int i = 0; i < 4; i++) {
            int digit = Character.digit(text.charAt(position++), 16);
            if (digit < 0 || text.charAt(position - 1) > 'f') {
                throw new NotJsonException("invalid unicode escape");
            }
            result = result * 16 + digit;
        }
        return result;
    }

    private void skipWhitespace() {
        while (position < text.length()) {
            char c = text.charAt(position);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            position++;
        }
    }

    private void expect(char expected) throws NotJsonException {
        if (next() != expected) {
            throw new NotJsonException("expected " + expected);
        }
    }

    private int peek() {
        return position < text.length() ? text.charAt(position) : -1;
    }

    private int next() {
        return position < text.length() ? text.charAt(position++) : -1;
    }
}
