package io.jenkins.plugins.optimizeddeploy.engine.dockerfile;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Recognises a heredoc word such as {@code <<EOF}, {@code <<-"EOF"} or {@code 3<<'END'}, as BuildKit does. */
final class HeredocMarker {
    private HeredocMarker() {
    }

    /**
     * The heredoc the word declares (with an empty body), or empty when the word is not a heredoc.
     *
     * @throws ShellWordException when the delimiter cannot be lexed
     * (a descriptor too large for an int reads as 0)
     */
    static Optional<Heredoc> parse(String word) {
        int digits = 0;
        while (digits < word.length() && word.charAt(digits) >= '0' && word.charAt(digits) <= '9') {
            digits++;
        }
        if (!word.startsWith("<<", digits)) {
            return Optional.empty();
        }
        int position = digits + 2;
        boolean stripTabs = word.startsWith("-", position);
        if (stripTabs) {
            position++;
        }
        while (position < word.length() && isRegexSpace(word.charAt(position))) {
            position++;
        }
        String rest = word.substring(position);
        if (rest.isEmpty() || rest.indexOf('<') >= 0) {
            return Optional.empty();
        }
        ShellWordExpander lexer = ShellWordExpander.forEscape('\\').keepingUnsetVariables();
        List<String> words = lexer.expandToWords(rest, Map.of());
        if (words.size() != 1) {
            return Optional.empty();
        }
        List<String> rawWords = lexer.withRawQuotes().expandToWords(rest, Map.of());
        if (rawWords.size() != words.size()) {
            throw new ShellWordException(rest, "internal lexing of heredoc produced inconsistent results");
        }
        String name = words.get(0);
        boolean expand = quoteCount(name) == quoteCount(rawWords.get(0));
        return Optional.of(new Heredoc(name, "", expand, stripTabs, fileDescriptor(word.substring(0, digits))));
    }

    /** Like {@link #parse} but a word that cannot be lexed is simply not a heredoc. */
    static Optional<Heredoc> parseLeniently(String word) {
        try {
            return parse(word);
        } catch (ShellWordException e) {
            return Optional.empty();
        }
    }

    private static int fileDescriptor(String digits) {
        if (digits.isEmpty()) {
            return 0;
        }
        BigInteger value = new BigInteger(digits);
        return value.bitLength() < Integer.SIZE ? value.intValue() : 0;
    }

    private static boolean isRegexSpace(char c) {
        return c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == ' ';
    }

    private static int quoteCount(String text) {
        int count = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\'' || text.charAt(i) == '"') {
                count++;
            }
        }
        return count;
    }
}
