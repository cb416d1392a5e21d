package io.jenkins.plugins.optimizeddeploy.engine.bake;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A recursive-descent reader for the HCL subset bake files use: blocks with string labels, attributes, strings
 * with {@code ${...}} interpolation ({@code $${} escapes it, and stays as written, as in buildx 0.29), numbers, bools, null, lists, objects, bare variable
 * references, heredocs ({@code <<EOT}, {@code <<-EOT}), {@code #}, {@code //} and {@code /* *&#47;} comments,
 * operators, conditionals, function calls, attribute access and indexing, and for expressions. Splat expressions
 * and {@code %{} directives are refused with the line they are on, naming buildx as the reader that reads them.
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
    /** Inside parentheses, brackets and interpolations an expression may go on over new lines. */
    private boolean newLinesIgnored;

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

    /** One expression, e.g. a JSON file's {@code "list(string)"} where HCL has a type; {@code source} names it. */
    static HclExpression parseExpression(String source, String text) {
        HclParser parser = new HclParser(source, text);
        HclExpression expression = parser.expression();
        parser.skipSpace(true);
        if (!parser.atEnd()) {
            throw parser.error("unexpected '" + parser.peek() + "' after the expression");
        }
        return expression;
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
        return nested(this::conditional);
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

    /** An expression up to {@code close}, over new lines. */
    private HclExpression enclosed(char close) {
        boolean outer = newLinesIgnored;
        newLinesIgnored = true;
        HclExpression inner = expression();
        expect(close);
        newLinesIgnored = outer;
        return inner;
    }

    /** What the reader cannot do yet, named, with the advice that buildx reads it. */
    private BakeFileException unsupported(String construct) {
        return error(construct + " is not supported by the built-in bake reader; docker buildx bake reads it"
                + " (install the Debian package docker-buildx)");
    }

    private HclExpression conditional() {
        HclExpression condition = binary(0);
        skipSpace(newLinesIgnored);
        if (peek() != '?') {
            return condition;
        }
        int startLine = line;
        position++;
        HclExpression whenTrue = enclosed(':');
        HclExpression whenFalse = expression();
        return new HclExpression.Conditional(condition, whenTrue, whenFalse, startLine);
    }

    /** Binary operators by precedence, loosest first; each level is left-associative. */
    private static final List<List<String>> OPERATORS = List.of(List.of("||"), List.of("&&"), List.of("==", "!="),
            List.of("<=", ">=", "<", ">"), List.of("+", "-"), List.of("*", "/", "%"));
    private static final String OPERATOR_STARTS = "|&=!<>+-*/%";

    /** Operands joined by operators of precedence {@code minimum} or tighter (precedence climbing). */
    private HclExpression binary(int minimum) {
        HclExpression left = unary();
        while (true) {
            skipSpace(newLinesIgnored);
            if (atEnd() || OPERATOR_STARTS.indexOf(peek()) < 0) {
                return left;
            }
            String operator = null;
            int level = minimum;
            for (; level < OPERATORS.size() && operator == null; level++) {
                operator = operatorAt(OPERATORS.get(level));
            }
            if (operator == null) {
                return left;
            }
            int startLine = line;
            position += operator.length();
            int tighter = level;
            left = new HclExpression.Binary(operator, left, nested(() -> binary(tighter)), startLine);
        }
    }

    private String operatorAt(List<String> operators) {
        for (String operator : operators) {
            if (text.startsWith(operator, position) && !(operator.equals("<") && text.startsWith("<<", position))) {
                return operator;
            }
        }
        return null;
    }

    private HclExpression unary() {
        skipSpace(true);
        char c = peek();
        if (c == '!' || (c == '-' && !Character.isDigit(text.charAt(Math.min(position + 1, text.length() - 1))))) {
            int startLine = line;
            position++;
            return new HclExpression.Unary(String.valueOf(c), nested(this::unary), startLine);
        }
        return postfix(primary());
    }

    private HclExpression postfix(HclExpression value) {
        HclExpression result = value;
        while (!atEnd()) {
            int startLine = line;
            if (peek() == '.' && !text.startsWith("...", position)) {
                position++;
                if (peek() == '*') {
                    throw unsupported("the splat expression .*");
                }
                String name = Character.isDigit(peek()) ? digits() : identifier();
                result = new HclExpression.Attribute(result, name, startLine);
            } else if (peek() == '[') {
                position++;
                skipSpace(true);
                if (peek() == '*') {
                    throw unsupported("the splat expression [*]");
                }
                result = new HclExpression.Index(result, enclosed(']'), startLine);
            } else {
                return result;
            }
        }
        return result;
    }

    private String digits() {
        int start = position;
        while (!atEnd() && Character.isDigit(peek())) {
            position++;
        }
        return text.substring(start, position);
    }

    private HclExpression primary() {
        skipSpace(true);
        if (atEnd()) {
            throw error("an expression is missing at the end of the file");
        }
        char c = peek();
        if (c == '"') {
            position++;
            return template(true);
        }
        if (c == '(') {
            position++;
            return enclosed(')');
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
            if (!atEnd() && peek() == '(') {
                return call(name, startLine);
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

    private HclExpression call(String name, int startLine) {
        expect('(');
        boolean outer = newLinesIgnored;
        newLinesIgnored = true;
        List<HclExpression> arguments = new ArrayList<>();
        boolean expandLast = false;
        while (true) {
            skipSpace(true);
            if (peek() == ')') {
                break;
            }
            arguments.add(expression());
            skipSpace(true);
            if (text.startsWith("...", position)) {
                position += 3;
                expandLast = true;
                skipSpace(true);
            }
            if (peek() == ',') {
                position++;
            } else if (peek() != ')') {
                throw error("expected ',' or ')' in the arguments of " + name + "(...)");
            }
        }
        position++;
        newLinesIgnored = outer;
        return new HclExpression.Call(name, arguments, expandLast, startLine);
    }

    /** Whether a list or object starts with {@code for NAME}: a for expression. */
    private boolean atFor() {
        skipSpace(true);
        if (!text.startsWith("for", position) || position + 3 >= text.length()) {
            return false;
        }
        char after = text.charAt(position + 3);
        return after == ' ' || after == '\t' || after == '\n';
    }

    private HclExpression forExpression(char close) {
        int startLine = line;
        position += 3;
        skipSpace(true);
        String first = identifier();
        skipSpace(true);
        String second = null;
        if (peek() == ',') {
            position++;
            skipSpace(true);
            second = identifier();
            skipSpace(true);
        }
        if (!text.startsWith("in", position)) {
            throw error("expected 'in' in a for expression");
        }
        position += 2;
        HclExpression collection = expression();
        expect(':');
        HclExpression key = null;
        HclExpression value = expression();
        boolean grouping = false;
        if (close == '}') {
            skipSpace(true);
            if (!text.startsWith("=>", position)) {
                throw error("expected '=>' in a for expression that makes an object");
            }
            position += 2;
            key = value;
            value = expression();
            skipSpace(true);
            if (text.startsWith("...", position)) {
                position += 3;
                grouping = true;
            }
        }
        skipSpace(true);
        HclExpression condition = null;
        if (text.startsWith("if", position) && !isIdentifierPart(text.charAt(Math.min(position + 2, text.length() - 1)))) {
            position += 2;
            condition = expression();
        }
        expect(close);
        return new HclExpression.For(second == null ? null : first, second == null ? first : second, collection, key,
                value, condition, grouping, startLine);
    }

    private HclExpression list() {
        expect('[');
        boolean outer = newLinesIgnored;
        newLinesIgnored = true;
        try {
            if (atFor()) {
                return forExpression(']');
            }
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
        } finally {
            newLinesIgnored = outer;
        }
    }

    private HclExpression object() {
        expect('{');
        boolean outer = newLinesIgnored;
        try {
            newLinesIgnored = true;
            if (atFor()) {
                return forExpression('}');
            }
            newLinesIgnored = false;
            List<HclExpression> keys = new ArrayList<>();
            List<HclExpression> values = new ArrayList<>();
            while (true) {
                skipSpace(true);
                if (peek() == '}') {
                    position++;
                    return objectValue(keys, values);
                }
                HclExpression key;
                if (peek() == '"') {
                    position++;
                    key = template(true);
                } else if (peek() == '(') {
                    key = primary();
                } else {
                    key = new HclExpression.Literal(identifier());
                }
                skipSpace(false);
                if (peek() != '=' && peek() != ':') {
                    throw error("expected '=' or ':' after a key of an object");
                }
                position++;
                keys.add(key);
                values.add(expression());
                skipSpace(false);
                if (!atEnd() && peek() == ',') {
                    position++;
                }
            }
        } finally {
            newLinesIgnored = outer;
        }
    }

    /** An object whose keys are all plain names or strings is a MapValue; else its keys are evaluated. */
    private static HclExpression objectValue(List<HclExpression> keys, List<HclExpression> values) {
        if (keys.stream().allMatch(key -> key instanceof HclExpression.Literal literal && literal.value() instanceof String)) {
            Map<String, HclExpression> entries = new LinkedHashMap<>();
            for (int i = 0; i < keys.size(); i++) {
                entries.put((String) ((HclExpression.Literal) keys.get(i)).value(), values.get(i));
            }
            return new HclExpression.MapValue(entries);
        }
        return new HclExpression.ComputedMap(keys, values);
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
                // kept as written: buildx 0.29 prints it so in args and labels (BakeFileReader unescapes elsewhere)
                literal.append(text, position, position + 3);
                position += 3;
            } else if (text.startsWith("${", position)) {
                position += 2;
                if (!literal.isEmpty()) {
                    parts.add(literal.toString());
                    literal.setLength(0);
                }
                boolean outer = newLinesIgnored;
                newLinesIgnored = true;
                parts.add(expression());
                skipSpace(true);
                expect('}');
                newLinesIgnored = outer;
            } else if (text.startsWith("%{", position)) {
                throw unsupported("the template directive %{...}");
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
        while (!atEnd() && isIdentifierPart(peek())) {
            position++;
        }
        return text.substring(start, position);
    }

    private static boolean isIdentifierPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-';
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
