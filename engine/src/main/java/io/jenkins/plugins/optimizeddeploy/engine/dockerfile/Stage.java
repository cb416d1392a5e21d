package io.jenkins.plugins.optimizeddeploy.engine.dockerfile;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A build stage: a FROM and the instructions up to the next FROM.
 *
 * @param index 0-based position, usable in {@code COPY --from=0}
 * @param name the name after AS, lower-cased as BuildKit does; "" when the stage has none
 * @param baseImage the image (or earlier stage) after FROM, as written ({@code ${BASE}})
 * @param resolvedBaseImage the same with the ARGs declared before the first FROM expanded (build arguments given
 *     to the parser win over their defaults; an unset variable expands to "" as in BuildKit)
 * @param platform the {@code --platform} value as written, "" when absent
 * @param from the FROM instruction
 * @param instructions the instructions after FROM, in order
 */
public record Stage(
        int index,
        String name,
        String baseImage,
        String resolvedBaseImage,
        String platform,
        Instruction from,
        List<Instruction> instructions)
        implements Serializable {

    public Stage {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(baseImage, "baseImage");
        Objects.requireNonNull(resolvedBaseImage, "resolvedBaseImage");
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(from, "from");
        instructions = List.copyOf(instructions);
    }

    /** The name after AS, empty when the stage has none. */
    public Optional<String> stageName() {
        return name.isEmpty() ? Optional.empty() : Optional.of(name);
    }

    /** The last instruction of this stage with the keyword (lower case), e.g. the effective USER. */
    public Optional<Instruction> last(String keyword) {
        Instruction found = null;
        for (Instruction instruction : instructions) {
            if (instruction.keyword().equals(keyword)) {
                found = instruction;
            }
        }
        return Optional.ofNullable(found);
    }
}
