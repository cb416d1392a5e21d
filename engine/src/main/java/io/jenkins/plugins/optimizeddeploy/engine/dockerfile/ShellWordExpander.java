package io.jenkins.plugins.optimizeddeploy.engine.dockerfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The small shell-word lexer Docker applies to instruction arguments: quote removal, escapes with the active
 * escape character, and variable expansion ({@code $VAR}, {@code ${VAR}}, {@code ${VAR:-default}},
 * {@code ${VAR-default}}, {@code ${VAR:+alt}}, {@code ${VAR?message}}, {@code ${VAR#pattern}},
 * {@code ${VAR%pattern}}, {@code ${VAR/pattern/replacement}}). It follows BuildKit's lexer, quirks included,
 * because which words a line holds (for heredocs) and what a FROM line names depend on them.
 *
 * <p>Instances are immutable; each {@code with...} method returns a copy.
 */
public final class ShellWordExpander {
    private static final int EOF = -1;
    /** Substitutions nested deeper than this are refused: Go's growable stacks have no such limit, Java's do. */
    static final int MAX_NESTING = 200;
    /** Pattern operators (%, #, /) may take this many character reads before the word is refused as too costly. */
    static final long MAX_PATTERN_STEPS = 5_000_000L;
    /**
     * A word may expand to at most this many characters (1 MiB): a handful of ARGs that each double the one before
     * would otherwise fill any heap.
     */
    static final int MAX_EXPANDED_LENGTH = 1 << 20;

    private final int escapeToken;
    private final boolean rawQuotes;
    private final boolean rawEscapes;
    private final boolean keepUnsetVariables;

    private ShellWordExpander(int escapeToken, boolean rawQuotes, boolean rawEscapes, boolean keepUnsetVariables) {
        this.escapeToken = escapeToken;
        this.rawQuotes = rawQuotes;
        this.rawEscapes = rawEscapes;
        this.keepUnsetVariables = keepUnsetVariables;
    }

    /** A lexer for the escape character of the Dockerfile ({@code \} by default, {@code `} by directive). */
    public static ShellWordExpander forEscape(char escapeToken) {
        if (escapeToken != '\\' && escapeToken != '`') {
            throw new IllegalArgumentException("Invalid escape token '" + escapeToken + "': expected \\ or `");
        }
        return new ShellWordExpander(escapeToken, false, false, false);
    }

    /** Keeps quote characters in the result instead of removing them. */
    public ShellWordExpander withRawQuotes() {
        return new ShellWordExpander(escapeToken, true, rawEscapes, keepUnsetVariables);
    }

    /** Keeps escape characters in the result instead of removing them. */
    public ShellWordExpander withRawEscapes() {
        return new ShellWordExpander(escapeToken, rawQuotes, true, keepUnsetVariables);
    }

    /** Leaves references to variables missing from the environment as written instead of expanding them to "". */
    public ShellWordExpander keepingUnsetVariables() {
        return new ShellWordExpander(escapeToken, rawQuotes, rawEscapes, true);
    }

    /**
     * The word with quotes removed and variables expanded, spaces kept.
     *
     * @throws ShellWordException when the word is malformed (unterminated quote, bad substitution...)
     */
    public String expand(String word, Map<String, String> environment) {
        if (isLiteral(word)) {
            return word;
        }
        return new Run(word, environment).processStopOn(EOF, rawEscapes).result;
    }

    /**
     * True when expanding cannot change the word: no substitution, quote, escape or heredoc can start in it. Most
     * keys and values of ENV, LABEL and ARG are such words, and parsing then skips a lexer per word.
     */
    private boolean isLiteral(String word) {
        if (word.length() > MAX_EXPANDED_LENGTH || word.startsWith("\uFEFF")) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c == '$' || c == '<' || c == '\'' || c == '"' || c == escapeToken) {
                return false;
            }
        }
        return true;
    }

    /**
     * The word expanded and then split on unquoted whitespace, as Docker splits the words of a line.
     *
     * @throws ShellWordException when the word is malformed
     */
    public List<String> expandToWords(String word, Map<String, String> environment) {
        return new Run(word, environment).processStopOn(EOF, rawEscapes).words;
    }

    /** Go's unicode.IsSpace, which is what Docker's lexers split on. */
    static boolean isGoSpace(int codePoint) {
        switch (codePoint) {
            case '\t', '\n', 0x0B, '\f', '\r', ' ', 0x85:
                return true;
            default:
                return codePoint >= 0xA0 && Character.isSpaceChar(codePoint);
        }
    }

    private record Processed(String result, List<String> words) {
    }

    /** Word splitting state; the character buffer is shared by nested substitutions, as in BuildKit. */
    private static final class Words {
        private final StringBuilder buffer;
        private final List<String> words = new ArrayList<>();
        private boolean inWord;

        Words(StringBuilder buffer) {
            this.buffer = buffer;
        }

        void addChar(int ch) {
            if (isGoSpace(ch)) {
                if (inWord && buffer.length() != 0) {
                    words.add(buffer.toString());
                    buffer.setLength(0);
                    inWord = false;
                }
            } else {
                addRawChar(ch);
            }
        }

        void addRawChar(int ch) {
            buffer.appendCodePoint(ch);
            inWord = true;
        }

        void addString(String text) {
            text.codePoints().forEach(this::addChar);
        }

        void addRawString(String text) {
            buffer.append(text);
            inWord = true;
        }

        List<String> finish() {
            if (buffer.length() > 0) {
                words.add(buffer.toString());
                buffer.setLength(0);
                inWord = false;
            }
            return words;
        }
    }

    private final class Run {
        private final String source;
        private final int[] chars;
        private final Map<String, String> environment;
        private final StringBuilder sharedWordBuffer = new StringBuilder();
        private int position;
        private boolean escapesKept;
        private int nesting;
        private long patternSteps;

        Run(String source, Map<String, String> environment) {
            this.source = source;
            int[] codePoints = source.codePoints().toArray();
            // Go's text/scanner skips a byte order mark at the very start.
            this.position = codePoints.length > 0 && codePoints[0] == 0xFEFF ? 1 : 0;
            this.chars = codePoints;
            this.environment = environment;
            this.escapesKept = rawEscapes;
        }

        private int peek() {
            return position < chars.length ? chars[position] : EOF;
        }

        private int next() {
            return position < chars.length ? chars[position++] : EOF;
        }

        private ShellWordException error(String reason) {
            return new ShellWordException(source, reason);
        }

        Processed processStopOn(int stopChar, boolean keepEscapes) {
            StringBuilder result = new StringBuilder();
            sharedWordBuffer.setLength(0);
            Words words = new Words(sharedWordBuffer);
            boolean saved = escapesKept;
            escapesKept = keepEscapes;
            try {
                while (peek() != EOF) {
                    int ch = peek();
                    if (stopChar != EOF && ch == stopChar) {
                        next();
                        return new Processed(result.toString(), words.finish());
                    }
                    if (ch == '$') {
                        String value = processDollar();
                        result.append(value);
                        words.addString(value);
                    } else if (ch == '<') {
                        String value = processPossibleHeredoc();
                        result.append(value);
                        words.addRawString(value);
                    } else if (ch == '\'') {
                        String value = processSingleQuote();
                        result.append(value);
                        words.addRawString(value);
                    } else if (ch == '"') {
                        String value = processDoubleQuote();
                        result.append(value);
                        words.addRawString(value);
                    } else {
                        ch = next();
                        if (ch == escapeToken) {
                            if (escapesKept) {
                                words.addRawChar(ch);
                                result.appendCodePoint(ch);
                            }
                            ch = next();
                            if (ch == EOF) {
                                break;
                            }
                            words.addRawChar(ch);
                        } else {
                            words.addChar(ch);
                        }
                        result.appendCodePoint(ch);
                    }
                    requireShort(result);
                }
                if (stopChar != EOF) {
                    throw error("unexpected end of statement while looking for matching "
                            + new String(Character.toChars(stopChar)));
                }
                return new Processed(result.toString(), words.finish());
            } finally {
                escapesKept = saved;
            }
        }

        private String processSingleQuote() {
            StringBuilder result = new StringBuilder();
            int ch = next();
            if (rawQuotes) {
                result.appendCodePoint(ch);
            }
            while (true) {
                ch = next();
                if (ch == EOF) {
                    throw error("unexpected end of statement while looking for matching single-quote");
                }
                if (ch == '\'') {
                    if (rawQuotes) {
                        result.appendCodePoint(ch);
                    }
                    return result.toString();
                }
                result.appendCodePoint(ch);
            }
        }

        private String processDoubleQuote() {
            StringBuilder result = new StringBuilder();
            int ch = next();
            if (rawQuotes) {
                result.appendCodePoint(ch);
            }
            while (true) {
                int peeked = peek();
                if (peeked == EOF) {
                    throw error("unexpected end of statement while looking for matching double-quote");
                }
                if (peeked == '"') {
                    ch = next();
                    if (rawQuotes) {
                        result.appendCodePoint(ch);
                    }
                    return result.toString();
                }
                if (peeked == '$') {
                    result.append(processDollar());
                    requireShort(result);
                    continue;
                }
                ch = next();
                if (ch == escapeToken) {
                    if (escapesKept) {
                        result.appendCodePoint(ch);
                    }
                    int following = peek();
                    if (following == EOF) {
                        continue;
                    }
                    if (following == '"' || following == '$' || following == escapeToken) {
                        ch = next();
                    }
                }
                result.appendCodePoint(ch);
            }
        }

        private void requireShort(CharSequence expanded) {
            if (expanded.length() > MAX_EXPANDED_LENGTH) {
                throw new ExpansionTooLongException(source);
            }
        }

        /** Go's ReplaceAllString: an empty match right after a previous match is not replaced. */
        private String replaceAllLikeGo(Matcher matcher, String input, String replacement) {
            StringBuilder out = new StringBuilder();
            int searchPosition = 0;
            int lastMatchEnd = 0;
            while (searchPosition <= input.length() && matcher.find(searchPosition)) {
                int start = matcher.start();
                int end = matcher.end();
                out.append(input, lastMatchEnd, start);
                if (end > lastMatchEnd || start == 0) {
                    out.append(goTemplate(replacement, matcher.group()));
                }
                requireShort(out);
                lastMatchEnd = end;
                int width = searchPosition < input.length() ? Character.charCount(input.codePointAt(searchPosition)) : 1;
                if (searchPosition + width > end) {
                    searchPosition += width;
                } else if (searchPosition + 1 > end) {
                    searchPosition++;
                } else {
                    searchPosition = end;
                }
            }
            return out.append(input.substring(lastMatchEnd)).toString();
        }

        private String processDollar() {
            if (++nesting > MAX_NESTING) {
                throw error("substitutions nested more than " + MAX_NESTING + " deep");
            }
            try {
                return processDollarUnnested();
            } finally {
                nesting--;
            }
        }

        private String processDollarUnnested() {
            next();
            if (peek() != '{') {
                String name = processName();
                if (name.isEmpty()) {
                    return "$";
                }
                String value = environment.get(name);
                if (value == null) {
                    return keepUnsetVariables ? "$" + name : "";
                }
                return value;
            }
            next();
            int first = peek();
            if (first == EOF) {
                throw error("syntax error: missing '}'");
            }
            if (first == '{' || first == '}' || first == ':') {
                throw error("syntax error: bad substitution");
            }
            String name = processName();
            int ch = next();
            StringBuilder modifier = new StringBuilder(runeText(ch));
            boolean nullIsUnset = false;
            switch (ch) {
                case '}': {
                    String value = environment.get(name);
                    if (value == null) {
                        return keepUnsetVariables ? "${" + name + "}" : "";
                    }
                    return value;
                }
                case ':':
                    nullIsUnset = true;
                    ch = next();
                    modifier.append(runeText(ch));
                    return applyModifier(name, ch, modifier.toString(), nullIsUnset);
                case '+', '-', '?', '#', '%':
                    return applyModifier(name, ch, modifier.toString(), nullIsUnset);
                case '/':
                    return replacePattern(name);
                case EOF:
                    throw error("syntax error: missing '}'");
                default:
                    throw error("unsupported modifier (" + modifier + ") in substitution");
            }
        }

        private String applyModifier(String name, int ch, String modifier, boolean nullIsUnset) {
            boolean patternKeepsEscapes = ch == '#' || ch == '%';
            if (nullIsUnset && patternKeepsEscapes) {
                throw error("unsupported modifier (" + modifier + ") in substitution");
            }
            String word = wordUntil('}', patternKeepsEscapes, "syntax error: missing '}'");
            String value = environment.get(name);
            boolean set = value != null;
            if (keepUnsetVariables && !set) {
                return "${" + name + modifier + word + "}";
            }
            boolean empty = !set || (nullIsUnset && value.isEmpty());
            switch (ch) {
                case '-':
                    return empty ? word : value;
                case '+':
                    return empty ? "" : word;
                case '?':
                    if (!set) {
                        throw error(name + ": " + (word.isEmpty() ? "is not allowed to be unset" : word));
                    }
                    if (nullIsUnset && value.isEmpty()) {
                        throw error(name + ": " + (word.isEmpty() ? "is not allowed to be empty" : word));
                    }
                    return value;
                case '%', '#': {
                    boolean greedy = !word.isEmpty() && word.codePointAt(0) == ch;
                    String pattern = greedy ? word.substring(1) : word;
                    String current = set ? value : "";
                    return ch == '%' ? trimSuffix(pattern, current, greedy) : trimPrefix(pattern, current, greedy);
                }
                default:
                    throw error("unsupported modifier (" + modifier + ") in substitution");
            }
        }

        private String replacePattern(String name) {
            boolean replaceAll = peek() == '/';
            if (replaceAll) {
                next();
            }
            String pattern = wordUntil('/', true, "syntax error: missing '/' in ${}");
            String replacement = wordUntil('}', true, "syntax error: missing '}'");
            String value = environment.get(name);
            if (keepUnsetVariables && value == null) {
                return "${" + name + "/" + pattern + "/" + replacement + "}";
            }
            String current = value == null ? "" : value;
            Pattern regex = shellPatternToRegex(pattern, true, false);
            Matcher matcher = regex.matcher(new BudgetedText(current));
            if (replaceAll) {
                return replaceAllLikeGo(matcher, current, replacement);
            }
            if (matcher.find()) {
                return current.substring(0, matcher.start()) + replacement + current.substring(matcher.end());
            }
            return current;
        }

        private String wordUntil(int stopChar, boolean keepEscapes, String missingStop) {
            try {
                return processStopOn(stopChar, keepEscapes).result;
            } catch (ShellWordException e) {
                if (peek() == EOF) {
                    throw error(missingStop);
                }
                throw e;
            }
        }

        private String processName() {
            StringBuilder name = new StringBuilder();
            while (peek() != EOF) {
                int ch = peek();
                if (name.length() == 0 && Character.isDigit(ch)) {
                    while (peek() != EOF && Character.isDigit(peek())) {
                        name.appendCodePoint(next());
                    }
                    return name.toString();
                }
                if (name.length() == 0 && isSpecialParameter(ch)) {
                    return runeText(next());
                }
                if (!Character.isLetter(ch) && !Character.isDigit(ch) && ch != '_') {
                    break;
                }
                name.appendCodePoint(next());
            }
            return name.toString();
        }

        private String processPossibleHeredoc() {
            next();
            if (peek() != '<') {
                return "<";
            }
            next();
            StringBuilder result = new StringBuilder("<<");
            while (peek() == '\t' || peek() == '\r' || peek() == ' ') {
                result.appendCodePoint(next());
            }
            return result.toString();
        }

        private String trimPrefix(String pattern, String value, boolean greedy) {
            Matcher matcher = shellPatternToRegex(pattern, greedy, true).matcher(new BudgetedText(value));
            return matcher.find() ? value.substring(matcher.end()) : value;
        }

        private String trimSuffix(String pattern, String value, boolean greedy) {
            String reversed = trimPrefix(reversePattern(pattern), reverse(value), greedy);
            return reverse(reversed);
        }

        /**
         * The text a pattern is matched against, counting reads: Java's backtracking regex can take exponential time
         * where Go's cannot, so a pattern that costs too much is refused instead of hanging the parser.
         */
        private final class BudgetedText implements CharSequence {
            private final String text;

            BudgetedText(String text) {
                this.text = text;
            }

            @Override
            public int length() {
                return text.length();
            }

            @Override
            public char charAt(int index) {
                if (++patternSteps > MAX_PATTERN_STEPS) {
                    throw error("pattern too costly to match");
                }
                return text.charAt(index);
            }

            @Override
            public CharSequence subSequence(int start, int end) {
                return text.substring(start, end);
            }

            @Override
            public String toString() {
                return text;
            }
        }

        private Pattern shellPatternToRegex(String pattern, boolean greedy, boolean anchored) {
            StringBuilder regex = new StringBuilder(anchored ? "^" : "");
            int[] tokens = pattern.codePoints().toArray();
            for (int i = 0; i < tokens.length; i++) {
                int token = tokens[i];
                if (token == '*') {
                    regex.append(greedy ? ".*" : ".*?");
                } else if (token == '?') {
                    regex.append('.');
                } else if (token == '\\') {
                    int following = i + 1 < tokens.length ? tokens[i + 1] : EOF;
                    if (following == '}' || following == '/') {
                        continue;
                    }
                    if (following != '*' && following != '?' && following != '\\') {
                        throw error("invalid pattern (" + pattern + ") in substitution: invalid escape '\\"
                                + runeText(following) + "'");
                    }
                    regex.append(literal(following));
                    i++;
                } else {
                    regex.append(literal(token));
                }
            }
            try {
                return Pattern.compile(regex.toString(), Pattern.UNIX_LINES);
            } catch (PatternSyntaxException e) {
                throw error("invalid pattern (" + pattern + ") in substitution: " + e.getDescription());
            }
        }
    }

    private static String literal(int codePoint) {
        if (codePoint < 128 && Character.isLetterOrDigit(codePoint)) {
            return String.valueOf((char) codePoint);
        }
        return "\\x{" + Integer.toHexString(codePoint) + "}";
    }

    /** Go's regexp template expansion: $0 / ${0} is the match, $$ a dollar, any other group is empty. */
    private static String goTemplate(String template, String match) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c != '$' || i + 1 >= template.length()) {
                out.append(c);
                i++;
                continue;
            }
            char following = template.charAt(i + 1);
            if (following == '$') {
                out.append('$');
                i += 2;
                continue;
            }
            String name;
            int end;
            if (following == '{') {
                int close = template.indexOf('}', i + 2);
                name = close < 0 ? "" : template.substring(i + 2, close);
                end = close + 1;
            } else {
                int j = i + 1;
                while (j < template.length() && isTemplateNameChar(template.charAt(j))) {
                    j++;
                }
                name = template.substring(i + 1, j);
                end = j;
            }
            if (name.isEmpty() || !name.chars().allMatch(ShellWordExpander::isTemplateNameChar)) {
                out.append('$');
                i++;
                continue;
            }
            if (name.chars().allMatch(Character::isDigit) && new java.math.BigInteger(name).signum() == 0) {
                out.append(match);
            }
            i = end;
        }
        return out.toString();
    }

    private static boolean isTemplateNameChar(int c) {
        return c == '_' || (c < 128 && Character.isLetterOrDigit(c));
    }

    private static boolean isSpecialParameter(int ch) {
        return ch == '@' || ch == '*' || ch == '#' || ch == '?' || ch == '-' || ch == '$' || ch == '!' || ch == '0';
    }

    private static String runeText(int ch) {
        return ch == EOF ? "\uFFFD" : new String(Character.toChars(ch));
    }

    private static String reverse(String text) {
        int[] codePoints = text.codePoints().toArray();
        StringBuilder reversed = new StringBuilder(text.length());
        for (int i = codePoints.length - 1; i >= 0; i--) {
            reversed.appendCodePoint(codePoints[i]);
        }
        return reversed.toString();
    }

    /** Reverses a pattern while keeping each escape in front of the character it escapes. */
    private static String reversePattern(String pattern) {
        int[] tokens = pattern.codePoints().toArray();
        int[] out = new int[tokens.length];
        int last = tokens.length - 1;
        int i = 0;
        while (i <= last) {
            int outIndex = last - i;
            if (tokens[i] == '\\' && i != last) {
                out[outIndex - 1] = tokens[i];
                out[outIndex] = tokens[i + 1];
                i += 2;
            } else {
                out[outIndex] = tokens[i];
                i++;
            }
        }
        return new String(out, 0, out.length);
    }
}
