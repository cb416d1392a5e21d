package io.jenkins.plugins.optimizeddeploy.engine.dockerfile;

import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A parsed Dockerfile.
 *
 * @param source the name the text was parsed under (a path as given, or {@code Dockerfile})
 * @param text the original text, unchanged
 * @param directives the parser directives at the top, in order
 * @param escapeCharacter {@code \} or, with {@code # escape=`}, the backtick
 * @param instructions every instruction in order, the ARGs before the first FROM included
 * @param stages the build stages in order
 */
public record Dockerfile(
        String source,
        String text,
        List<ParserDirective> directives,
        char escapeCharacter,
        List<Instruction> instructions,
        List<Stage> stages)
        implements Serializable {

    public Dockerfile {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(text, "text");
        directives = List.copyOf(directives);
        instructions = List.copyOf(instructions);
        stages = List.copyOf(stages);
    }

    /** The ARG instructions before the first FROM (the only ones a FROM line can use). */
    public List<Instruction> metaArgs() {
        return instructions.stream().filter(instruction -> instruction.stage() < 0).toList();
    }

    /** The value of a parser directive ({@code syntax}, {@code escape}, {@code check}), if present. */
    public Optional<String> directive(String name) {
        return directives.stream().filter(directive -> directive.name().equals(name.toLowerCase(Locale.ROOT)))
                .map(ParserDirective::value).findFirst();
    }

    /** The last stage, the one a build without {@code --target} produces. */
    public Optional<Stage> finalStage() {
        return stages.isEmpty() ? Optional.empty() : Optional.of(stages.get(stages.size() - 1));
    }

    /**
     * The stage a {@code --from} names: a stage name in any case (when names repeat, which BuildKit only warns
     * about, the last stage of that name, as BuildKit resolves it) or a stage index.
     */
    public Optional<Stage> stage(String nameOrIndex) {
        String name = nameOrIndex.toLowerCase(Locale.ROOT);
        for (int i = stages.size() - 1; i >= 0; i--) {
            if (!stages.get(i).name().isEmpty() && stages.get(i).name().equals(name)) {
                return Optional.of(stages.get(i));
            }
        }
        if (!nameOrIndex.isEmpty() && nameOrIndex.chars().allMatch(c -> c >= '0' && c <= '9')
                && nameOrIndex.length() < 10) {
            int index = Integer.parseInt(nameOrIndex);
            if (index < stages.size()) {
                return Optional.of(stages.get(index));
            }
        }
        return Optional.empty();
    }

    /**
     * The stage a {@code COPY --from} copies from, after ARG/ENV expansion; empty when it names an image instead,
     * or has no {@code --from}.
     */
    public Optional<Stage> stageCopiedFrom(Instruction instruction) {
        return instruction.flags().resolvedValue("from").flatMap(this::stage);
    }

    /**
     * The earlier stage a FROM builds on ({@code FROM builder}): the last stage of that name before it; empty when
     * the FROM names an image.
     */
    public Optional<Stage> baseStage(Stage stage) {
        String base = stage.resolvedBaseImage().toLowerCase(Locale.ROOT);
        for (int i = stage.index() - 1; i >= 0; i--) {
            if (!stages.get(i).name().isEmpty() && stages.get(i).name().equals(base)) {
                return Optional.of(stages.get(i));
            }
        }
        return Optional.empty();
    }

    /**
     * The other stages a build of {@code stage} builds, directly or through one another, in Dockerfile order: the
     * stage its FROM builds on, the stages its {@code COPY --from} copies from and its {@code RUN --mount=from=}
     * mounts.
     */
    public List<Stage> stagesNeededBy(Stage stage) {
        SortedSet<Integer> needed = new TreeSet<>();
        Deque<Stage> pending = new ArrayDeque<>(List.of(stage));
        while (!pending.isEmpty()) {
            for (Stage dependency : stagesReadBy(pending.pop())) {
                if (dependency.index() != stage.index() && needed.add(dependency.index())) {
                    pending.push(dependency);
                }
            }
        }
        return needed.stream().map(stages::get).toList();
    }

    private List<Stage> stagesReadBy(Stage stage) {
        List<Stage> read = new ArrayList<>();
        baseStage(stage).ifPresent(read::add);
        for (Instruction instruction : stage.instructions()) {
            if (instruction.keyword().equals("copy")) {
                stageCopiedFrom(instruction).ifPresent(read::add);
            }
            for (String mount : instruction.flags().values("mount")) {
                mountedFrom(mount).flatMap(this::stage).ifPresent(read::add);
            }
        }
        return read;
    }

    /** The {@code from=} field of a {@code --mount} value (BuildKit expands no variables in it). */
    private static Optional<String> mountedFrom(String mount) {
        try {
            return CsvFields.split(mount).stream()
                    .filter(field -> field.toLowerCase(Locale.ROOT).startsWith("from="))
                    .map(field -> field.substring("from=".length())).reduce((first, last) -> last);
        } catch (CsvFields.InvalidCsvException e) {
            throw new IllegalStateException("the parser accepted --mount=" + mount + ", which is not CSV", e);
        }
    }
}
