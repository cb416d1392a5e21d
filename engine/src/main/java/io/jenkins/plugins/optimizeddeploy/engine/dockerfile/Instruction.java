package io.jenkins.plugins.optimizeddeploy.engine.dockerfile;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One Dockerfile instruction as BuildKit reads it.
 *
 * @param keyword lower case ({@code run}, {@code copy}...)
 * @param keywordAsWritten the keyword with its original case
 * @param flags as Docker's parser yields them, quotes removed: {@code --from=builder}, {@code --link}
 * @param args exactly as Docker's parser yields them: RUN, CMD, ENTRYPOINT, SHELL in shell form one string with
 *     continuations joined; exec (JSON) form the array's strings; USER, WORKDIR, STOPSIGNAL, MAINTAINER the whole
 *     argument text; ARG, ENV and LABEL their words with quotes kept ({@code ENV key value} gives key and value);
 *     HEALTHCHECK its type (CMD or NONE) and then the command; ONBUILD the trigger's keyword and arguments; every
 *     other instruction its whitespace-separated words
 * @param jsonForm true when the arguments were written as a JSON array (exec form)
 * @param pairs ENV, LABEL and ARG key/value pairs, values unquoted as Docker does; empty for other instructions
 * @param heredocs the heredocs of RUN, COPY, ADD (and of an ONBUILD with such a trigger), in order
 * @param trigger the nested instruction of ONBUILD, null otherwise
 * @param stage index of the stage the instruction belongs to, -1 for an ARG before the first FROM
 * @param resolvedFlags the flags with ARG/ENV references in their values expanded in the instruction's scope
 *     ({@code --from=${STAGE}} to {@code --from=builder}); a value that cannot be expanded stays as written
 * @param comments the comment lines BuildKit attaches to the instruction (the ones just above it, '#' removed)
 * @param span where the instruction is in the text (an ONBUILD trigger has its ONBUILD's span)
 * @param original the instruction's exact source text: continuation lines, comments inside and heredoc bodies
 */
public record Instruction(
        String keyword,
        String keywordAsWritten,
        List<String> flags,
        List<String> args,
        boolean jsonForm,
        List<KeyValuePair> pairs,
        List<Heredoc> heredocs,
        Instruction trigger,
        int stage,
        List<String> resolvedFlags,
        List<String> comments,
        SourceSpan span,
        String original)
        implements Serializable {

    public Instruction {
        Objects.requireNonNull(keyword, "keyword");
        Objects.requireNonNull(keywordAsWritten, "keywordAsWritten");
        flags = List.copyOf(flags);
        args = List.copyOf(args);
        pairs = List.copyOf(pairs);
        heredocs = List.copyOf(heredocs);
        resolvedFlags = List.copyOf(resolvedFlags);
        comments = List.copyOf(comments);
        Objects.requireNonNull(span, "span");
        Objects.requireNonNull(original, "original");
    }

    /** The ONBUILD trigger, empty for any other instruction. */
    public Optional<Instruction> onbuildTrigger() {
        return Optional.ofNullable(trigger);
    }

    /** 1-based first line. */
    public int startLine() {
        return span.startLine();
    }

    /** 1-based last line (the heredoc terminator for an instruction with heredocs). */
    public int endLine() {
        return span.endLine();
    }

    /** True for {@code --name} or {@code --name=value} among the flags. */
    public boolean hasFlag(String name) {
        return !flags.isEmpty() && (!flagValues(flags, name).isEmpty() || flags.contains("--" + name));
    }

    /** The value of {@code --name=value} as written; empty when absent or given without a value. */
    public Optional<String> flag(String name) {
        List<String> values = flagValues(flags, name);
        return values.isEmpty() ? Optional.empty() : Optional.of(values.get(values.size() - 1));
    }

    /** Every value of a flag that may repeat ({@code --mount}, {@code --exclude}, {@code --device}). */
    public List<String> flagValues(String name) {
        return flagValues(flags, name);
    }

    /** The value of {@code --name=value} with ARG/ENV references expanded. */
    public Optional<String> resolvedFlag(String name) {
        List<String> values = flagValues(resolvedFlags, name);
        return values.isEmpty() ? Optional.empty() : Optional.of(values.get(values.size() - 1));
    }

    /** The value of a pair of ENV, LABEL or ARG by key (the last one wins, as in Docker). */
    public Optional<String> pair(String key) {
        String value = null;
        for (KeyValuePair pair : pairs) {
            if (pair.key().equals(key)) {
                value = pair.value();
            }
        }
        return Optional.ofNullable(value);
    }

    private static List<String> flagValues(List<String> flags, String name) {
        if (flags.isEmpty()) {
            return List.of();
        }
        String prefix = "--" + name + "=";
        return flags.stream().filter(flag -> flag.startsWith(prefix)).map(flag -> flag.substring(prefix.length()))
                .toList();
    }
}
