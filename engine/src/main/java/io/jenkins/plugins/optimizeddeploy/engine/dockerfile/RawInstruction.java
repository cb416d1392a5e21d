package io.jenkins.plugins.optimizeddeploy.engine.dockerfile;

import java.util.List;
import java.util.Locale;

/**
 * One instruction as BuildKit's line parser yields it, before the per-instruction checks: the keyword as
 * written, the flags, the arguments, the raw key/value pairs of ENV and LABEL, the ONBUILD trigger and the
 * heredocs. {@code span} is null for an ONBUILD trigger; {@code lowerKeyword} is the keyword in lower case, kept
 * so that each pass does not lower-case it again.
 */
record RawInstruction(
        String keyword,
        String lowerKeyword,
        List<String> flags,
        String rest,
        List<String> args,
        boolean jsonForm,
        List<RawPair> rawPairs,
        RawInstruction trigger,
        List<Heredoc> heredocs,
        List<String> comments,
        SourceSpan span) {

    RawInstruction(String keyword, List<String> flags, String rest, List<String> args, boolean jsonForm,
            List<RawPair> rawPairs, RawInstruction trigger, List<Heredoc> heredocs, List<String> comments,
            SourceSpan span) {
        this(keyword, keyword.toLowerCase(Locale.ROOT), flags, rest, args, jsonForm, rawPairs, trigger, heredocs,
                comments, span);
    }

    /** A key and its value exactly as written (quotes kept); {@code legacy} for {@code ENV key value}. */
    record RawPair(String key, String value, boolean legacy) {
    }

    RawInstruction withHeredocsAndSpan(List<Heredoc> newHeredocs, List<String> newComments, SourceSpan newSpan) {
        return new RawInstruction(keyword, lowerKeyword, flags, rest, args, jsonForm, rawPairs, trigger,
                List.copyOf(newHeredocs), List.copyOf(newComments), newSpan);
    }
}
