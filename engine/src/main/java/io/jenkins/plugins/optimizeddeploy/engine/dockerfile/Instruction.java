package io.jenkins.plugins.optimizeddeploy.engine.dockerfile;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One Dockerfile instruction as BuildKit reads it.
 *
 * @param keyword lower case ({@code run}, {@code copy}...)
 * @param flags the {@code --name=value} words before the arguments
 * @param arguments what follows the flags
 * @param trigger the nested instruction of ONBUILD, null otherwise
 * @param stage index of the stage the instruction belongs to, -1 for an ARG before the first FROM
 * @param written how and where the instruction is written in the text
 */
public record Instruction(
        String keyword,
        Flags flags,
        Arguments arguments,
        Instruction trigger,
        int stage,
        Written written)
        implements Serializable {

    public Instruction {
        Objects.requireNonNull(keyword, "keyword");
        Objects.requireNonNull(flags, "flags");
        Objects.requireNonNull(arguments, "arguments");
        Objects.requireNonNull(written, "written");
    }

    /**
     * The flags of an instruction.
     *
     * @param asWritten as Docker's parser yields them, quotes removed: {@code --from=builder}, {@code --link}
     * @param resolved the same with ARG/ENV references in their values expanded in the instruction's scope
     *     ({@code --from=${STAGE}} to {@code --from=builder}); a value that cannot be expanded stays as written
     */
    public record Flags(List<String> asWritten, List<String> resolved) implements Serializable {

        public Flags {
            asWritten = List.copyOf(asWritten);
            resolved = List.copyOf(resolved);
        }

        /** True for {@code --name} or {@code --name=value}. */
        public boolean has(String name) {
            return !asWritten.isEmpty() && (!values(asWritten, name).isEmpty() || asWritten.contains("--" + name));
        }

        /** The value of {@code --name=value} as written; empty when absent or given without a value. */
        public Optional<String> value(String name) {
            return last(values(asWritten, name));
        }

        /** Every value of a flag that may repeat ({@code --mount}, {@code --exclude}, {@code --device}). */
        public List<String> values(String name) {
            return values(asWritten, name);
        }

        /** The value of {@code --name=value} with ARG/ENV references expanded. */
        public Optional<String> resolvedValue(String name) {
            return last(values(resolved, name));
        }

        private static Optional<String> last(List<String> values) {
            return values.isEmpty() ? Optional.empty() : Optional.of(values.get(values.size() - 1));
        }

        private static List<String> values(List<String> flags, String name) {
            if (flags.isEmpty()) {
                return List.of();
            }
            String prefix = "--" + name + "=";
            return flags.stream().filter(flag -> flag.startsWith(prefix)).map(flag -> flag.substring(prefix.length()))
                    .toList();
        }
    }

    /**
     * The arguments of an instruction.
     *
     * @param words exactly as Docker's parser yields them: RUN, CMD, ENTRYPOINT, SHELL in shell form one string with
     *     continuations joined; exec (JSON) form the array's strings; USER, WORKDIR, STOPSIGNAL, MAINTAINER the whole
     *     argument text; ARG, ENV and LABEL their words with quotes kept ({@code ENV key value} gives key and
     *     value); HEALTHCHECK its type (CMD or NONE) and then the command; ONBUILD the trigger's keyword and
     *     arguments; every other instruction its whitespace-separated words
     * @param jsonForm true when the arguments were written as a JSON array (exec form)
     * @param pairs ENV, LABEL and ARG key/value pairs, values unquoted as Docker does; empty for other instructions
     * @param heredocs the heredocs of RUN, COPY, ADD (and of an ONBUILD with such a trigger), in order
     */
    public record Arguments(List<String> words, boolean jsonForm, List<KeyValuePair> pairs, List<Heredoc> heredocs)
            implements Serializable {

        public Arguments {
            words = List.copyOf(words);
            pairs = List.copyOf(pairs);
            heredocs = List.copyOf(heredocs);
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
    }

    /**
     * How and where an instruction is written.
     *
     * @param keyword the keyword with its original case
     * @param span where the instruction is in the text (an ONBUILD trigger has its ONBUILD's span)
     * @param text the instruction's exact source text: continuation lines, comments inside and heredoc bodies
     * @param comments the comment lines BuildKit attaches to the instruction (the ones just above it, '#' removed)
     */
    public record Written(String keyword, SourceSpan span, String text, List<String> comments)
            implements Serializable {

        public Written {
            Objects.requireNonNull(keyword, "keyword");
            Objects.requireNonNull(span, "span");
            Objects.requireNonNull(text, "text");
            comments = List.copyOf(comments);
        }
    }

    /** The arguments' words ({@link Arguments#words()}), what most checks read. */
    public List<String> args() {
        return arguments.words();
    }

    /** The ONBUILD trigger, empty for any other instruction. */
    public Optional<Instruction> onbuildTrigger() {
        return Optional.ofNullable(trigger);
    }

    /** 1-based first line. */
    public int startLine() {
        return written.span().startLine();
    }

    /** 1-based last line (the heredoc terminator for an instruction with heredocs). */
    public int endLine() {
        return written.span().endLine();
    }
}
