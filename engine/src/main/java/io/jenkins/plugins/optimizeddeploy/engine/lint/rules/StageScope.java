package io.jenkins.plugins.optimizeddeploy.engine.lint.rules;

import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Dockerfile;
import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Instruction;
import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Stage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the rules ask of stages: the instructions a stage inherits from the earlier stages it is built on
 * ({@code FROM runtime AS web} inherits runtime's USER, WORKDIR and HEALTHCHECK), the effective user, cache mounts.
 */
public final class StageScope {
    private static final Set<String> ROOT_USERS = Set.of("root", "0");

    private StageScope() {
    }

    /** The stage and the earlier stages it is built on, the root ancestor first. */
    public static List<Stage> chain(Dockerfile dockerfile, Stage stage) {
        List<Stage> chain = new ArrayList<>();
        Optional<Stage> current = Optional.of(stage);
        while (current.isPresent() && !chain.contains(current.get())) {
            chain.add(current.get());
            current = dockerfile.baseStage(current.get());
        }
        Collections.reverse(chain);
        return chain;
    }

    /** The instructions in effect for a stage: its ancestors' and its own, in build order. */
    public static List<Instruction> inherited(Dockerfile dockerfile, Stage stage) {
        return chain(dockerfile, stage).stream().flatMap(each -> each.instructions().stream()).toList();
    }

    /** The last instruction with the keyword in the stage or the stages it is built on. */
    public static Optional<Instruction> lastInherited(Dockerfile dockerfile, Stage stage, String keyword) {
        List<Stage> chain = chain(dockerfile, stage);
        for (int each = chain.size() - 1; each >= 0; each--) {
            List<Instruction> instructions = chain.get(each).instructions();
            for (int index = instructions.size() - 1; index >= 0; index--) {
                if (instructions.get(index).keyword().equals(keyword)) {
                    return Optional.of(instructions.get(index));
                }
            }
        }
        return Optional.empty();
    }

    /** True when a USER names root ({@code root}, {@code 0}, {@code root:root}, {@code 0:0}). */
    public static boolean isRoot(Instruction user) {
        String name = user.args().isEmpty() ? "" : user.args().get(0).trim();
        int colon = name.indexOf(':');
        return ROOT_USERS.contains(colon < 0 ? name : name.substring(0, colon));
    }

    /** True when another stage is built on this one ({@code FROM builder}). */
    static boolean isBaseOfAnotherStage(Dockerfile dockerfile, Stage stage) {
        return dockerfile.stages().stream()
                .anyMatch(other -> dockerfile.baseStage(other).filter(stage::equals).isPresent());
    }

    /** The targets of the instruction's {@code --mount=type=cache} and {@code --mount=type=tmpfs}. */
    static List<String> cacheMountTargets(Instruction run) {
        List<String> targets = new ArrayList<>();
        for (String mount : run.flags().values("mount")) {
            String type = "bind";
            String target = null;
            for (String field : mount.split(",")) {
                int equals = field.indexOf('=');
                String key = equals < 0 ? field : field.substring(0, equals);
                String value = equals < 0 ? "" : field.substring(equals + 1);
                if (key.equals("type")) {
                    type = value;
                } else if (key.equals("target") || key.equals("dst") || key.equals("destination")) {
                    target = value;
                }
            }
            if (target != null && (type.equals("cache") || type.equals("tmpfs"))) {
                targets.add(target.endsWith("/") && target.length() > 1 ? target.substring(0, target.length() - 1)
                        : target);
            }
        }
        return targets;
    }

    /** True when a cache or tmpfs mount's target contains {@code fragment} ({@code .cache/pip}), as hadolint asks. */
    static boolean hasCacheMountWith(Instruction run, String fragment) {
        return cacheMountTargets(run).stream().anyMatch(target -> target.contains(fragment));
    }

    /**
     * The stages whose layers end up in the image: the final stage and the stages others are built on
     * ({@code FROM builder}); a stage that is only copied from leaves its layers behind.
     */
    static List<Stage> stagesInImage(Dockerfile dockerfile) {
        return dockerfile.stages().stream()
                .filter(stage -> isFinal(dockerfile, stage) || isBaseOfAnotherStage(dockerfile, stage))
                .toList();
    }

    /** The RUN instructions of the stages that end up in an image ({@link #stagesInImage}). */
    static List<Instruction> runsInImage(Dockerfile dockerfile) {
        return stagesInImage(dockerfile).stream()
                .flatMap(stage -> stage.instructions().stream())
                .filter(instruction -> instruction.keyword().equals("run"))
                .toList();
    }

    /** The final stage is the image a build without {@code --target} produces. */
    static boolean isFinal(Dockerfile dockerfile, Stage stage) {
        return dockerfile.finalStage().filter(stage::equals).isPresent();
    }

    /** The stage an instruction belongs to, empty for an ARG before the first FROM. */
    static Optional<Stage> stageOf(Dockerfile dockerfile, Instruction instruction) {
        return instruction.stage() < 0 || instruction.stage() >= dockerfile.stages().size()
                ? Optional.empty()
                : Optional.of(dockerfile.stages().get(instruction.stage()));
    }

    /** A word with the quotes around it removed ({@code "/app"} to {@code /app}). */
    static String unquoted(String word) {
        if (word.length() >= 2 && (word.charAt(0) == '"' || word.charAt(0) == '\'')
                && word.charAt(word.length() - 1) == word.charAt(0)) {
            return word.substring(1, word.length() - 1);
        }
        return word;
    }
}
