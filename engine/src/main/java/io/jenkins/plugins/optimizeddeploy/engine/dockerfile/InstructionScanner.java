package io.jenkins.plugins.optimizeddeploy.engine.dockerfile;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The first of the parser's two passes, following BuildKit's {@code parser.Parse}: parser directives, logical
 * lines (continuations with the active escape character, comments and blank lines inside them dropped),
 * splitting a line into keyword, flags and arguments, exec versus shell form, and heredoc bodies.
 */
final class InstructionScanner {
    /** Go's bufio.Scanner refuses a line (terminator excluded) longer than this many bytes. */
    static final int MAX_LINE_BYTES = 65_535;

    private static final Pattern ASCII_WHITESPACE = Pattern.compile("[\\t\\x0B\\f\\r ]+");
    private static final Set<String> DIRECTIVE_NAMES = Set.of("syntax", "escape", "check");
    private static final Set<String> HEREDOC_KEYWORDS = Set.of("add", "copy", "run");

    private final String source;
    private final String text;
    private final List<PhysicalLine> lines;
    private final boolean endedByLongLine;
    private final List<ParserDirective> directives = new ArrayList<>();
    private final Set<String> seenDirectives = new HashSet<>();
    private boolean directivesDone;
    private char escape = '\\';
    private int nextLine;
    private PhysicalLine lastTaken;

    /** One line of the input: its text without the '\n' (a '\r' stays), and where it starts and ends. */
    private record PhysicalLine(int number, int start, int end, int endWithTerminator, String content) {
    }

    /** What the first pass found. */
    record Result(List<ParserDirective> directives, char escape, List<RawInstruction> instructions) {
    }

    InstructionScanner(String source, String text) {
        this.source = source;
        this.text = text;
        List<PhysicalLine> split = new ArrayList<>();
        boolean tooLong = false;
        int start = 0;
        int number = 1;
        while (start < text.length()) {
            int newline = text.indexOf('\n', start);
            int end = newline < 0 ? text.length() : newline;
            String content = text.substring(start, end);
            // a char is at most 3 UTF-8 bytes (a surrogate pair 4 for 2 chars): shorter lines need no counting
            if (content.length() > MAX_LINE_BYTES / 3 && utf8Length(content) > MAX_LINE_BYTES) {
                tooLong = true;
                break;
            }
            split.add(new PhysicalLine(number++, start, end, newline < 0 ? end : newline + 1, content));
            start = end + 1;
        }
        this.lines = split;
        this.endedByLongLine = tooLong;
    }

    Result scan() {
        List<RawInstruction> instructions = new ArrayList<>();
        List<String> comments = new ArrayList<>();
        while (nextLine < lines.size()) {
            PhysicalLine first = takeLine();
            String content = first.content();
            int bomOffset = 0;
            if (first.number() == 1 && content.startsWith("\uFEFF")) {
                content = content.substring(1);
                bomOffset = 1;
            }
            boolean comment = isComment(content);
            String trimmed = trimLeadingSpace(trimNewline(content));
            int startColumn = bomOffset + (trimNewline(content).length() - trimmed.length()) + 1;
            boolean directive = possibleDirective(trimmed, first.number());
            if (comment) {
                // BuildKit drops the first character, not the '#', so indented comments keep their '#'.
                String commentText = goTrimSpace(content.substring(1));
                if (commentText.isEmpty()) {
                    comments.clear();
                } else if (!directive) {
                    comments.add(commentText);
                }
            }
            String processed = comment ? "" : trimmed;
            if (processed.isEmpty() && withoutContinuation(processed) == null) {
                continue;
            }
            String logical = joinContinuationLines(processed);
            RawInstruction.Line split;
            try {
                split = parseLine(logical);
            } catch (LineException e) {
                throw new DockerfileParseException(source, first.number(), e.getMessage());
            }
            List<Heredoc> heredocs = canContainHeredoc(split) && logical.contains("<<")
                    ? readHeredocBodies(logical, first.number()) : List.of();
            instructions.add(new RawInstruction(split, heredocs, comments, spanFrom(first, startColumn)));
            comments.clear();
        }
        if (instructions.isEmpty()) {
            throw new DockerfileParseException(source, Math.max(1, lines.size()),
                    "file with no instructions: expected at least one instruction such as FROM");
        }
        if (endedByLongLine) {
            throw new DockerfileParseException(source, lines.size() + 1,
                    "dockerfile line greater than max allowed size of " + MAX_LINE_BYTES + " bytes");
        }
        return new Result(List.copyOf(directives), escape, List.copyOf(instructions));
    }

    private PhysicalLine takeLine() {
        lastTaken = lines.get(nextLine++);
        return lastTaken;
    }

    /**
     * The logical line that starts with {@code firstLine}: while a line ends with the escape character, the next
     * line is appended without it; comment lines and blank lines in between are dropped.
     */
    private String joinContinuationLines(String firstLine) {
        String continued = withoutContinuation(firstLine);
        if (continued == null) {
            return firstLine;
        }
        StringBuilder logical = new StringBuilder(continued);
        boolean endOfLine = false;
        while (!endOfLine && nextLine < lines.size()) {
            PhysicalLine line = takeLine();
            String lineText = trimNewline(line.content());
            possibleDirective(lineText, line.number());
            if (isComment(line.content()) || leadingSpaceLength(lineText) == lineText.length()) {
                continue;
            }
            String withoutEscape = withoutContinuation(lineText);
            endOfLine = withoutEscape == null;
            logical.append(endOfLine ? lineText : withoutEscape);
        }
        return logical.toString();
    }

    /** Reads the body of each heredoc the line declares, in order, each up to its delimiter line. */
    private List<Heredoc> readHeredocBodies(String logicalLine, int startLine) {
        List<Heredoc> heredocs = new ArrayList<>();
        for (Heredoc declared : heredocsOf(logicalLine, startLine)) {
            StringBuilder body = new StringBuilder();
            boolean terminated = false;
            while (!terminated && nextLine < lines.size()) {
                PhysicalLine line = takeLine();
                String candidate = trimNewline(line.content());
                terminated = (declared.stripTabs() ? stripLeadingTabs(candidate) : candidate).equals(declared.name());
                if (!terminated) {
                    body.append(text, line.start(), line.endWithTerminator());
                }
            }
            if (!terminated) {
                throw new DockerfileParseException(source, startLine, "unterminated heredoc: expected a line '"
                        + declared.name() + "' to end the heredoc before the end of the file");
            }
            String content = declared.stripTabs() ? stripLeadingTabs(body.toString()) : body.toString();
            heredocs.add(new Heredoc(declared.name(), content, declared.expand(), declared.stripTabs(),
                    declared.fileDescriptor()));
        }
        return heredocs;
    }

    /** From the first non-blank character of the first line to the end of the last line read. */
    private SourceSpan spanFrom(PhysicalLine first, int startColumn) {
        int endColumn = trimNewline(lastTaken.content()).length() + 1;
        int startOffset = first.start() + startColumn - 1;
        int endOffset = Math.max(startOffset, lastTaken.start() + endColumn - 1);
        return new SourceSpan(first.number(), startColumn, lastTaken.number(),
                lastTaken == first ? Math.max(endColumn, startColumn) : endColumn, startOffset, endOffset);
    }

    /** A problem found while splitting one logical line; the caller adds the location. */
    private static final class LineException extends Exception {
        private static final long serialVersionUID = 1L;

        LineException(String message) {
            super(message, null, false, false);
        }
    }

    private boolean possibleDirective(String line, int number) {
        if (directivesDone) {
            return false;
        }
        if (!line.startsWith("#")) {
            directivesDone = true;
            return false;
        }
        String[] nameAndValue = directiveNameAndValue(trimLeadingSpace(line.substring(1)));
        if (nameAndValue == null) {
            directivesDone = true;
            return false;
        }
        String name = nameAndValue[0].toLowerCase(Locale.ROOT);
        if (!DIRECTIVE_NAMES.contains(name)) {
            directivesDone = true;
            return false;
        }
        if (!seenDirectives.add(name)) {
            throw new DockerfileParseException(source, number, "only one " + name + " parser directive can be used");
        }
        String value = nameAndValue[1];
        if (name.equals("escape")) {
            if (!value.equals("`") && !value.equals("\\")) {
                throw new DockerfileParseException(source, number,
                        "invalid escape token '" + value + "' does not match ` or \\");
            }
            escape = value.charAt(0);
        }
        directives.add(new ParserDirective(name, value, number));
        return true;
    }

    /**
     * BuildKit's directive pattern {@code ^([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$} (Go's \s: tab, newline, form
     * feed, carriage return, space), matched by hand so that a long line of blanks costs linear time. Returns the
     * name and the value, or null when the comment is not a directive.
     */
    private static String[] directiveNameAndValue(String comment) {
        int position = 0;
        if (comment.isEmpty() || !isAsciiLetter(comment.charAt(0))) {
            return null;
        }
        while (position < comment.length()
                && (isAsciiLetter(comment.charAt(position)) || isAsciiDigit(comment.charAt(position)))) {
            position++;
        }
        String name = comment.substring(0, position);
        while (position < comment.length() && isRegexSpace(comment.charAt(position))) {
            position++;
        }
        if (position == comment.length() || comment.charAt(position) != '=') {
            return null;
        }
        String rest = comment.substring(position + 1);
        if (rest.isEmpty()) {
            return null;
        }
        int start = 0;
        while (start < rest.length() && isRegexSpace(rest.charAt(start))) {
            start++;
        }
        if (start == rest.length()) {
            // only blanks after '=': the lazy group still takes the last one
            return new String[] {name, rest.substring(rest.length() - 1)};
        }
        int end = rest.length();
        while (isRegexSpace(rest.charAt(end - 1))) {
            end--;
        }
        return new String[] {name, rest.substring(start, end)};
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /**
     * What {@code ASCII_WHITESPACE.split(text, 2)} returns, without running a regex on every line: the text before
     * the first run of blanks and the text after it, or the text alone when it has no blank.
     */
    private static String[] splitAtFirstBlank(String text) {
        int start = 0;
        while (start < text.length() && !isAsciiBlank(text.charAt(start))) {
            start++;
        }
        if (start == text.length()) {
            return new String[] {text};
        }
        int end = start;
        while (end < text.length() && isAsciiBlank(text.charAt(end))) {
            end++;
        }
        return new String[] {text.substring(0, start), text.substring(end)};
    }

    /** The characters of {@link #ASCII_WHITESPACE}. */
    private static boolean isAsciiBlank(char c) {
        return c == '\t' || c == '\u000B' || c == '\f' || c == '\r' || c == ' ';
    }

    private static boolean isRegexSpace(char c) {
        return c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == ' ';
    }

    /**
     * The line without its trailing continuation escape (and the blanks after it), or null when the line does not
     * continue. An escape preceded by another escape does not continue the line.
     */
    private String withoutContinuation(String line) {
        int last = line.length() - 1;
        while (last >= 0 && (line.charAt(last) == ' ' || line.charAt(last) == '\t')) {
            last--;
        }
        if (last < 0 || line.charAt(last) != escape) {
            return null;
        }
        if (last > 0 && line.charAt(last - 1) == escape) {
            return null;
        }
        return line.substring(0, last);
    }

    private RawInstruction.Line parseLine(String line) throws LineException {
        return parseLine(line, 0);
    }

    /**
     * @param onbuildDepth how many ONBUILDs enclose the line; BuildKit rejects any ONBUILD inside an ONBUILD, so
     *     deeper triggers are not split further (which also keeps a line of a million ONBUILDs off the stack)
     */
    private RawInstruction.Line parseLine(String line, int onbuildDepth) throws LineException {
        String[] commandAndRest = splitAtFirstBlank(goTrimSpace(line));
        String keyword = commandAndRest[0];
        List<String> flags = List.of();
        String rest = "";
        if (commandAndRest.length == 2) {
            FlagSplit split = extractFlags(commandAndRest[1]);
            flags = split.flags();
            rest = goTrimSpace(split.rest());
        }
        String lower = keyword.toLowerCase(Locale.ROOT);
        switch (lower) {
            case "add", "copy", "volume":
                return maybeJsonToList(keyword, flags, rest);
            case "arg":
                return plain(keyword, flags, parseWords(rest));
            case "cmd", "entrypoint", "run", "shell":
                return maybeJson(keyword, flags, rest);
            case "env", "label":
                return nameValue(keyword, flags, rest);
            case "expose", "from":
                return plain(keyword, flags, whitespaceDelimited(rest));
            case "healthcheck":
                return healthcheck(keyword, flags, rest);
            case "maintainer", "stopsignal", "user", "workdir":
                return plain(keyword, flags, rest.isEmpty() ? List.of() : List.of(rest));
            case "onbuild":
                return onbuildDepth > 1 ? plain(keyword, flags, List.of()) : onbuild(keyword, flags, rest,
                        onbuildDepth);
            default:
                return plain(keyword, flags, List.of());
        }
    }

    private static RawInstruction.Line plain(String keyword, List<String> flags, List<String> args) {
        return withPairs(keyword, flags, args, List.of());
    }

    private static RawInstruction.Line withPairs(String keyword, List<String> flags, List<String> args,
            List<RawInstruction.RawPair> pairs) {
        return new RawInstruction.Line(keyword, flags, new RawInstruction.Arguments(args, false, pairs), null);
    }

    private static RawInstruction.Line execForm(String keyword, List<String> flags, List<String> args) {
        return new RawInstruction.Line(keyword, flags, new RawInstruction.Arguments(List.copyOf(args), true,
                List.of()), null);
    }

    private RawInstruction.Line onbuild(String keyword, List<String> flags, String rest, int onbuildDepth)
            throws LineException {
        if (rest.isEmpty()) {
            return plain(keyword, flags, List.of());
        }
        RawInstruction.Line trigger = parseLine(rest, onbuildDepth + 1);
        List<String> args = new ArrayList<>();
        args.add(trigger.keyword());
        args.addAll(trigger.arguments().words());
        return new RawInstruction.Line(keyword, flags, new RawInstruction.Arguments(List.copyOf(args),
                trigger.arguments().jsonForm(), List.of()), trigger);
    }

    private static RawInstruction.Line maybeJson(String keyword, List<String> flags, String rest)
            throws LineException {
        if (rest.isEmpty()) {
            return plain(keyword, flags, List.of());
        }
        Optional<List<String>> json = readJson(rest);
        if (json.isPresent()) {
            return execForm(keyword, flags, json.get());
        }
        return plain(keyword, flags, List.of(rest));
    }

    private static RawInstruction.Line maybeJsonToList(String keyword, List<String> flags, String rest)
            throws LineException {
        Optional<List<String>> json = readJson(rest);
        if (json.isPresent()) {
            return execForm(keyword, flags, json.get());
        }
        return plain(keyword, flags, whitespaceDelimited(rest));
    }

    private static Optional<List<String>> readJson(String rest) throws LineException {
        try {
            return ExecFormJson.read(rest);
        } catch (ExecFormJson.NotStringArrayException e) {
            throw new LineException(e.getMessage());
        }
    }

    /** HEALTHCHECK: a type word (CMD or NONE) and then a command in exec or shell form. */
    private static RawInstruction.Line healthcheck(String keyword, List<String> flags, String rest)
            throws LineException {
        byte[] bytes = rest.getBytes(StandardCharsets.UTF_8);
        int separator = 0;
        while (separator < bytes.length && !ShellWordExpander.isGoSpace(bytes[separator] & 0xFF)) {
            separator++;
        }
        int next = separator;
        while (next < bytes.length && ShellWordExpander.isGoSpace(bytes[next] & 0xFF)) {
            next++;
        }
        if (separator == 0) {
            return plain(keyword, flags, List.of());
        }
        String type = new String(bytes, 0, separator, StandardCharsets.UTF_8);
        RawInstruction.Arguments command = maybeJson(keyword, flags, new String(bytes, next, bytes.length - next,
                StandardCharsets.UTF_8)).arguments();
        List<String> args = new ArrayList<>();
        args.add(type);
        args.addAll(command.words());
        return new RawInstruction.Line(keyword, flags, new RawInstruction.Arguments(List.copyOf(args),
                command.jsonForm(), List.of()), null);
    }

    /** ENV and LABEL: {@code key=value ...}, or the legacy {@code key value} where the value is the rest. */
    private RawInstruction.Line nameValue(String keyword, List<String> flags, String rest) throws LineException {
        List<String> words = parseWords(rest);
        if (words.isEmpty()) {
            return plain(keyword, flags, List.of());
        }
        String upper = keyword.toUpperCase(Locale.ROOT);
        if (!words.get(0).contains("=")) {
            String[] parts = splitAtFirstBlank(rest);
            if (parts.length < 2) {
                throw new LineException(upper + " must have two arguments: expected " + upper + " key=value or "
                        + upper + " key value");
            }
            return withPairs(keyword, flags, List.of(parts[0], parts[1]),
                    List.of(new RawInstruction.RawPair(parts[0], parts[1])));
        }
        List<RawInstruction.RawPair> pairs = new ArrayList<>();
        for (String word : words) {
            int equals = word.indexOf('=');
            if (equals < 0) {
                throw new LineException("Syntax error - can't find = in \"" + word
                        + "\". Must be of the form: name=value");
            }
            pairs.add(new RawInstruction.RawPair(word.substring(0, equals), word.substring(equals + 1)));
        }
        return withPairs(keyword, flags, List.copyOf(words), List.copyOf(pairs));
    }

    private static List<String> whitespaceDelimited(String rest) {
        if (rest.isEmpty()) {
            return List.of();
        }
        return List.of(ASCII_WHITESPACE.split(rest, -1));
    }

    /** Words separated by whitespace outside quotes; quotes and escapes stay in the words. */
    private List<String> parseWords(String rest) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        int[] chars = rest.codePoints().toArray();
        boolean inWord = false;
        boolean inQuote = false;
        int quote = 0;
        boolean blankOk = false;
        for (int i = 0; i < chars.length; i++) {
            int ch = chars[i];
            if (!inWord && !inQuote) {
                if (ShellWordExpander.isGoSpace(ch)) {
                    continue;
                }
                inWord = true;
            }
            if (inWord) {
                if (ShellWordExpander.isGoSpace(ch)) {
                    inWord = false;
                    if (blankOk || word.length() > 0) {
                        words.add(word.toString());
                    }
                    word.setLength(0);
                    blankOk = false;
                    continue;
                }
                if (ch == '\'' || ch == '"') {
                    quote = ch;
                    blankOk = true;
                    inWord = false;
                    inQuote = true;
                }
                if (ch == escape) {
                    if (i + 1 == chars.length) {
                        continue;
                    }
                    word.appendCodePoint(ch);
                    ch = chars[++i];
                }
                word.appendCodePoint(ch);
                continue;
            }
            if (ch == quote) {
                inQuote = false;
                inWord = true;
            }
            if (ch == escape && quote != '\'') {
                if (i + 1 == chars.length) {
                    inQuote = false;
                    inWord = true;
                    continue;
                }
                word.appendCodePoint(ch);
                ch = chars[++i];
            }
            word.appendCodePoint(ch);
        }
        if ((inWord || inQuote) && (blankOk || word.length() > 0)) {
            words.add(word.toString());
        }
        return words;
    }

    private record FlagSplit(String rest, List<String> flags) {
    }

    /**
     * Leading {@code --flag} words. Like BuildKit this walks the UTF-8 bytes one at a time, so a non-ASCII
     * character inside a flag reads as its bytes, each taken as a Latin-1 character.
     */
    private FlagSplit extractFlags(String line) {
        boolean blankFirst = !line.isEmpty() && line.charAt(0) < 0x80 && ShellWordExpander.isGoSpace(line.charAt(0));
        if (!blankFirst && !line.startsWith("--")) {
            // what the byte walk below returns for a line without flags, without converting every line twice
            return new FlagSplit(throughUtf8(line), List.of());
        }
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inSpaces = true;
        boolean inQuote = false;
        int quote = 0;
        boolean blankOk = false;
        for (int pos = 0; pos <= bytes.length; pos++) {
            int ch = pos < bytes.length ? bytes[pos] & 0xFF : 0;
            if (inSpaces) {
                if (pos == bytes.length) {
                    break;
                }
                if (ShellWordExpander.isGoSpace(ch)) {
                    continue;
                }
                if (ch != '-' || pos + 1 == bytes.length || bytes[pos + 1] != '-') {
                    return new FlagSplit(new String(bytes, pos, bytes.length - pos, StandardCharsets.UTF_8),
                            List.copyOf(words));
                }
                inSpaces = false;
            }
            if (pos == bytes.length) {
                String finished = word.toString();
                if (!finished.equals("--") && (blankOk || !finished.isEmpty())) {
                    words.add(finished);
                }
                break;
            }
            if (!inQuote) {
                if (ShellWordExpander.isGoSpace(ch)) {
                    String finished = word.toString();
                    inSpaces = true;
                    if (finished.equals("--")) {
                        return new FlagSplit(new String(bytes, pos, bytes.length - pos, StandardCharsets.UTF_8),
                                List.copyOf(words));
                    }
                    if (blankOk || !finished.isEmpty()) {
                        words.add(finished);
                    }
                    word.setLength(0);
                    blankOk = false;
                    continue;
                }
                if (ch == '\'' || ch == '"') {
                    quote = ch;
                    blankOk = true;
                    inQuote = true;
                    continue;
                }
                if (ch == escape) {
                    if (pos + 1 == bytes.length) {
                        continue;
                    }
                    ch = bytes[++pos] & 0xFF;
                }
                word.append((char) ch);
                continue;
            }
            if (ch == quote) {
                inQuote = false;
                continue;
            }
            if (ch == escape) {
                if (pos + 1 == bytes.length) {
                    inQuote = false;
                    continue;
                }
                ch = bytes[++pos] & 0xFF;
            }
            word.append((char) ch);
        }
        return new FlagSplit("", List.copyOf(words));
    }

    /** The text as it comes back from its UTF-8 bytes: a lone surrogate, which UTF-8 cannot hold, becomes '?'. */
    private static String throughUtf8(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isSurrogate(text.charAt(i))) {
                return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
            }
        }
        return text;
    }

    private static boolean canContainHeredoc(RawInstruction.Line line) {
        RawInstruction.Line target = line;
        if (line.lowerKeyword().equals("onbuild") && line.trigger() != null) {
            target = line.trigger();
        }
        return HEREDOC_KEYWORDS.contains(target.lowerKeyword()) && !target.arguments().jsonForm();
    }

    /** The heredocs a line declares, in order, with empty bodies. */
    private List<Heredoc> heredocsOf(String line, int startLine) {
        List<String> words;
        try {
            words = ShellWordExpander.forEscape('\\').withRawQuotes().withRawEscapes().keepingUnsetVariables()
                    .expandToWords(line, java.util.Map.of());
        } catch (ShellWordException e) {
            return List.of();
        }
        List<Heredoc> heredocs = new ArrayList<>();
        for (String word : words) {
            try {
                HeredocMarker.parse(word).ifPresent(heredocs::add);
            } catch (ShellWordException e) {
                throw new DockerfileParseException(source, startLine, "invalid heredoc " + word + ": " + e.reason());
            }
        }
        return heredocs;
    }

    static String stripLeadingTabs(String content) {
        StringBuilder out = new StringBuilder(content.length());
        boolean lineStart = true;
        for (int i = 0; i < content.length(); i++) {
            char c = content.charAt(i);
            if (lineStart && c == '\t') {
                continue;
            }
            out.append(c);
            lineStart = c == '\n';
        }
        return out.toString();
    }

    static boolean isComment(String line) {
        int start = leadingSpaceLength(line);
        return start < line.length() && line.charAt(start) == '#';
    }

    static String trimNewline(String line) {
        int end = line.length();
        while (end > 0 && (line.charAt(end - 1) == '\r' || line.charAt(end - 1) == '\n')) {
            end--;
        }
        return line.substring(0, end);
    }

    static String trimLeadingSpace(String text) {
        return text.substring(leadingSpaceLength(text));
    }

    /** How many chars of white space (as Go's unicode.IsSpace) the text starts with. */
    private static int leadingSpaceLength(String text) {
        int start = 0;
        while (start < text.length() && ShellWordExpander.isGoSpace(text.codePointAt(start))) {
            start += Character.charCount(text.codePointAt(start));
        }
        return start;
    }

    /** Go's strings.TrimSpace: Unicode white space on both ends. */
    static String goTrimSpace(String text) {
        String left = trimLeadingSpace(text);
        int end = left.length();
        while (end > 0 && ShellWordExpander.isGoSpace(left.codePointBefore(end))) {
            end -= Character.charCount(left.codePointBefore(end));
        }
        return left.substring(0, end);
    }

    private static int utf8Length(String content) {
        int bytes = 0;
        for (int i = 0; i < content.length(); i++) {
            char c = content.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < content.length()
                    && Character.isLowSurrogate(content.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
