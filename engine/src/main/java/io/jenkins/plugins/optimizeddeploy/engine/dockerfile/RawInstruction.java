package io.jenkins.plugins.optimizeddeploy.engine.dockerfile;

import java.util.List;

/**
 * One instruction as BuildKit's line parser yields it, before the per-instruction checks: the keyword as
 * written, the flags, the arguments, the raw key/value pairs of ENV and LABEL, the ONBUILD trigger and the
 * heredocs. {@code span} is null for an ONBUILD trigger.
 */
record RawInstruction(
        String keyword,
        List<String> flags,
        String rest,
        List<String> args,
        boolean jsonForm,
        List<RawPair> rawPairs,
        RawInstruction trigger,
        List<Heredoc> heredocs,
        List<String> comments,
        SourceSpan span) {

    /** A key and its value exactly as written (quotes kept); {@code legacy} for {@code ENV key value}. */
    record RawPair(String key, String value, boolean legacy) {
    }

    RawInstruction withHeredocsAndSpan(List<Heredoc> newHeredocs, List<String> newComments, SourceSpan newSpan) {
        return new RawInstruction(keyword, flags, rest, args, jsonForm, rawPairs, trigger, List.copyOf(newHeredocs),
                List.copyOf(newComments), newSpan);
    }
}
