package io.jenkins.plugins.optimizeddeploy.engine.bake;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A recursive-descent reader for the HCL subset bake files use: blocks with string labels, attributes, strings
 * with {@code ${...}} interpolation ({@code $${} escapes it), numbers, bools, null, lists, objects, bare variable
 * references, heredocs ({@code <<EOT}, {@code <<-EOT}) and {@code #}, {@code //} and {@code /* *&#47;} comments.
 * Functions, operators and {@code %{} directives are refused with the line they are on.
 */
final class HclParser {
    /**
     * How deep blocks, lists, objects and interpolations may nest, together; also how long a chain of variables,
     * inheriting targets or groups may be. Go's growable stacks have no such limit, Java's do.
     */
    static final int MAX_NESTING = 100;

    private final String source;
    private final String text;
    private int position;
    private int line = 1;
    private int depth;

    private HclParser(String source, String text) {
        this.source = source;
        this.text = text;
    }

    /** The body of a whole file; {@code source} names it in errors. */
    static HclBody parseFile(String source, String text) {
        HclParser parser = new HclParser(source, text);
        HclBody body = parser.body(false);
        parser.skipSpace(true);
        if (!parser.atEnd()) {
            throw parser.error("unexpected '" + parser.peek() + "'");
        }
        return body;
    }

    /** The content of a string (quotes and escapes already handled), e.g. a JSON value: only interpolations count. */
    static HclExpression parseTemplate(String source, String content) {
        return new HclParser(source, content).template(false);
    }

    private HclBody body(boolean inBlock) {
        Map<String, HclExpression> attributes = new LinkedHashMap<>();
        List<HclBody.Block> blocks = new ArrayList<>();
        while (true) {
            skipSpace(true);
            if (atEnd() || (inBlock && peek() == '}')) {
                return new HclBody(attributes, blocks);
            }
            int startLine = line;
            String name = identifier();
            skipSpace(false);
            if (peek() == '=') {
                position++;
                if (attributes.containsKey(name)) {
                    throw error("attribute '" + name + "' is set twice");
                }
                attributes.put(name, expression());
                requireEndOfLine();
            } else {
                List<String> labels = new ArrayList<>();
                while (peek() == '"' || isIdentifierStart(peek())) {
                    labels.add(peek() == '"' ? plainString() : identifier());
                    skipSpace(false);
                }
                expect('{');
                HclBody blockBody = nested(() -> body(true));
                expect('}');
                blocks.add(new HclBody.Block(name, labels, blockBody, source + ":" + startLine));
                requireEndOfLine();
            }
        }
    }

    private HclExpression expression() {
        return nested(this::unnestedExpression);
    }

    private <T> T nested(Supplier<T> parse) {
        if (++depth > MAX_NESTING) {
            throw error("nested more than " + MAX_NESTING + " deep (blocks, lists, objects and ${...} together), the"
                    + " limit");
        }
        try {
            return parse.get();
        } finally {
            depth--;
        }
    }

    private HclExpression unnestedExpression() {
        skipSpace(true);
        if (atEnd()) {
            throw error("an expression is missing at the end of the file");
        }
        char c = peek();
        if (c == '"') {
            position++;
            return template(true);
        }
        if (c == '[') {
            return list();
        }
        if (c == '{') {
            return object();
        }
        if (c == '<' && text.startsWith("<<", position)) {
            return heredoc();
        }
        if (c == '-' || Character.isDigit(c)) {
            return number();
        }
        if (isIdentifierStart(c)) {
            int startLine = line;
            String name = identifier();
            skipSpace(false);
            if (!atEnd() && peek() == '(') {
                throw error("function call " + name + "(...) is not supported; use variables and ${...} interpolation");
            }
            if (!atEnd() && (peek() == '.' || peek() == '[')) {
                throw error("attribute access on '" + name + "' is not supported");
            }
            return switch (name) {
                case "true" -> new HclExpression.Literal(Boolean.TRUE);
                case "false" -> new HclExpression.Literal(Boolean.FALSE);
                case "null" -> new HclExpression.Literal(null);
                default -> new HclExpression.Reference(name, startLine);
            };
        }
        throw error("unexpected '" + c + "' where a value should be");
    }

    private HclExpression list() {
        expect('[');
        List<HclExpression> items = new ArrayList<>();
        while (true) {
            skipSpace(true);
            if (peek() == ']') {
                position++;
                return new HclExpression.ListValue(items);
            }
            items.add(expression());
            skipSpace(true);
            if (peek() == ',') {
                position++;
            } else if (peek() != ']') {
                throw error("expected ',' or ']' in a list");
            }
        }
    }

    private HclExpression object() {
        expect('{');
        Map<String, HclExpression> entries = new LinkedHashMap<>();
        while (true) {
            skipSpace(true);
            if (peek() == '}') {
                position++;
                return new HclExpression.MapValue(entries);
            }
            String key = peek() == '"' ? plainString() : identifier();
            skipSpace(false);
            if (peek() != '=' && peek() != ':') {
                throw error("expected '=' or ':' after key '" + key + "'");
            }
            position++;
            entries.put(key, expression());
            skipSpace(false);
            if (!atEnd() && peek() == ',') {
                position++;
            }
        }
    }

    private HclExpression number() {
        int start = position;
        if (peek() == '-') {
            position++;
        }
        while (!atEnd() && (Character.isDigit(peek()) || peek() == '.' || peek() == 'e' || peek() == 'E')) {
            position++;
        }
        String digits = text.substring(start, position);
        try {
            BigDecimal value = new BigDecimal(digits);
            boolean isLong = value.scale() <= 0 && value.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0
                    && value.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) >= 0;
            return new HclExpression.Literal(isLong ? (Object) value.longValueExact() : value);
        } catch (NumberFormatException e) {
            throw error("'" + digits + "' is not a number");
        }
    }

    /**
     * {@code <<MARKER} or, with its lines' common indentation removed, {@code <<-MARKER}, up to a line that is only
     * the marker: a template whose every line ends with a new line, backslashes taken literally.
     */
    private HclExpression heredoc() {
        int startLine = line;
        position += 2;
        boolean flush = peek() == '-';
        if (flush) {
            position++;
        }
        String marker = identifier();
        skipSpace(false);
        if (peek() != '\n') {
            throw error("a heredoc's <<" + marker + " must end its line");
        }
        position++;
        line++;
        List<String> lines = new ArrayList<>();
        while (true) {
            if (atEnd()) {
                line = startLine;
                throw error("heredoc <<" + marker + " is not closed by a line with only " + marker);
            }
            int end = text.indexOf('\n', position);
            String content = text.substring(position, end < 0 ? text.length() : end);
            position = end < 0 ? text.length() : end;
            if (content.strip().equals(marker)) {
                break;
            }
            position = Math.min(position + 1, text.length());
            line++;
            lines.add(content);
        }
        int indentation = flush ? lines.stream().filter(content -> !content.isBlank())
                .mapToInt(content -> content.length() - content.stripLeading().length()).min().orElse(0) : 0;
        StringBuilder content = new StringBuilder();
        lines.forEach(each -> content.append(each.isBlank() ? each.strip() : each.substring(indentation)).append('\n'));
        HclParser inner = new HclParser(source, content.toString());
        inner.line = startLine + 1;
        inner.depth = depth;
        return inner.template(false);
    }

    /** A string after its opening quote (when {@code quoted}) or a whole raw template; interpolations parsed. */
    private HclExpression template(boolean quoted) {
        List<Object> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        while (true) {
            if (atEnd()) {
                if (quoted) {
                    throw error("a string is not closed");
                }
                break;
            }
            char c = peek();
            if (quoted && c == '"') {
                position++;
                break;
            }
            if (quoted && c == '\n') {
                throw error("a string is not closed before the end of the line");
            }
            if (text.startsWith("$${", position) || text.startsWith("%%{", position)) {
                literal.append(c).append('{');
                position += 3;
            } else if (text.startsWith("${", position)) {
                position += 2;
                if (!literal.isEmpty()) {
                    parts.add(literal.toString());
                    literal.setLength(0);
                }
                parts.add(expression());
                skipSpace(true);
                expect('}');
            } else if (text.startsWith("%{", position)) {
                throw error("template directives %{...} are not supported");
            } else if (quoted && c == '\\') {
                literal.append(escape());
            } else {
                literal.append(c);
                position++;
            }
        }
        if (!literal.isEmpty() || parts.isEmpty()) {
            parts.add(literal.toString());
        }
        if (parts.size() == 1 && parts.get(0) instanceof String plain) {
            return new HclExpression.Literal(plain);
        }
        return new HclExpression.Template(parts);
    }

    private char escape() {
        position++;
        if (atEnd()) {
            throw error("a string ends in a lone backslash");
        }
        char c = text.charAt(position++);
        return switch (c) {
            case 'n' -> '\n';
            case 't' -> '\t';
            case 'r' -> '\r';
            case '"' -> '"';
            case '\\' -> '\\';
            case 'u' -> {
                if (position + 4 > text.length()) {
                    throw error("\\u needs four hex digits");
                }
                String hex = text.substring(position, position + 4);
                position += 4;
                try {
                    yield (char) Integer.parseInt(hex, 16);
                } catch (NumberFormatException e) {
                    throw error("\\u" + hex + " is not a valid escape");
                }
            }
            default -> throw error("unknown escape \\" + c);
        };
    }

    /** A quoted string without interpolation: a block label or an object key. */
    private String plainString() {
        expect('"');
        HclExpression value = template(true);
        if (value instanceof HclExpression.Literal literal && literal.value() instanceof String string) {
            return string;
        }
        throw error("labels and keys cannot use ${...} interpolation");
    }

    private String identifier() {
        if (atEnd() || !isIdentifierStart(peek())) {
            throw error(atEnd() ? "unexpected end of file" : "expected a name, found '" + peek() + "'");
        }
        int start = position;
        while (!atEnd() && (Character.isLetterOrDigit(peek()) || peek() == '_' || peek() == '-')) {
            position++;
        }
        return text.substring(start, position);
    }

    private static boolean isIdentifierStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    private void expect(char expected) {
        skipSpace(true);
        if (atEnd() || peek() != expected) {
            throw error("expected '" + expected + "'" + (atEnd() ? " before the end of the file" : ", found '" + peek() + "'"));
        }
        position++;
    }

    private void requireEndOfLine() {
        skipSpace(false);
        if (!atEnd() && peek() != '\n' && peek() != '}') {
            throw error("expected a new line, found '" + peek() + "'");
        }
    }

    /** Skips blanks and comments, and new lines too when {@code newLines}. */
    private void skipSpace(boolean newLines) {
        while (!atEnd()) {
            char c = peek();
            if (c == '\n') {
                if (!newLines) {
                    return;
                }
                line++;
                position++;
            } else if (c == ' ' || c == '\t' || c == '\r') {
                position++;
            } else if (c == '#' || text.startsWith("//", position)) {
                while (!atEnd() && peek() != '\n') {
                    position++;
                }
            } else if (text.startsWith("/*", position)) {
                int end = text.indexOf("*/", position + 2);
                if (end < 0) {
                    throw error("a /* comment is not closed");
                }
                line += (int) text.substring(position, end).chars().filter(ch -> ch == '\n').count();
                position = end + 2;
            } else {
                return;
            }
        }
    }

    private boolean atEnd() {
        return position >= text.length();
    }

    private char peek() {
        return atEnd() ? '\0' : text.charAt(position);
    }

    private BakeFileException error(String problem) {
        return new BakeFileException(source + ":" + line + ": " + problem);
    }
}
