package io.jenkins.plugins.optimizeddeploy.engine.dockerfile;

import java.util.stream.Collectors;

/**
 * A one-line text form of an instruction for table-driven tests: the keyword, the flags, "json" for exec form,
 * then each argument in angle brackets, e.g. {@code copy --from=builder <app> </app>}.
 */
final class InstructionDescription {
    private InstructionDescription() {
    }

    static String of(Instruction instruction) {
        StringBuilder text = new StringBuilder(instruction.keyword());
        instruction.flags().asWritten().forEach(flag -> text.append(' ').append(flag));
        if (instruction.arguments().jsonForm()) {
            text.append(" json");
        }
        instruction.args().forEach(arg -> text.append(" <").append(arg).append('>'));
        return text.toString();
    }

    /** Pairs as {@code key=value} joined by "; ", a missing ARG default shown as {@code key}. */
    static String pairsOf(Instruction instruction) {
        return instruction.arguments().pairs().stream()
                .map(pair -> pair.hasValue() ? pair.key() + "=" + pair.value() : pair.key())
                .collect(Collectors.joining("; "));
    }
}
