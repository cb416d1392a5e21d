package io.jenkins.plugins.optimizeddeploy.engine.dockerfile;

import java.util.List;
import java.util.Locale;

/**
 * One instruction as BuildKit's line parser yields it, before the per-instruction checks: its logical line split
 * into keyword, flags and arguments, then the heredoc bodies read after that line, the comments above it and where
 * it is in the text.
 */
record RawInstruction(Line line, List<Heredoc> heredocs, List<String> comments, SourceSpan span) {

    RawInstruction {
        heredocs = List.copyOf(heredocs);
        comments = List.copyOf(comments);
    }

    /**
     * One logical line split: the keyword as written, the flags, the arguments and the ONBUILD trigger (null for
     * any other instruction). {@code lowerKeyword} is the keyword in lower case, kept so that each pass does not
     * lower-case it again.
     */
    record Line(String keyword, String lowerKeyword, List<String> flags, Arguments arguments, Line trigger) {

        Line(String keyword, List<String> flags, Arguments arguments, Line trigger) {
            this(keyword, keyword.toLowerCase(Locale.ROOT), flags, arguments, trigger);
        }
    }

    /**
     * The arguments as the line parser yields them (see {@link Instruction.Arguments#words()}).
     *
     * @param pairs the key/value pairs of ENV and LABEL exactly as written, empty for other instructions
     */
    record Arguments(List<String> words, boolean jsonForm, List<RawPair> pairs) {
    }

    /** A key and its value exactly as written (quotes kept). */
    record RawPair(String key, String value) {
    }
}
