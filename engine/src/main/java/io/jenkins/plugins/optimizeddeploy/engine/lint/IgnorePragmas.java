package io.jenkins.plugins.optimizeddeploy.engine.lint;

import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Dockerfile;
import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Instruction;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code # hadolint ignore=DL3008,DL3015} comments above an instruction, which silence those rules on it, and
 * {@code # hadolint global ignore=DL3059}, which silences them in the whole file.
 */
final class IgnorePragmas {
    private static final Pattern PRAGMA =
            Pattern.compile("^\\s*hadolint\\s+(global\\s+)?ignore\\s*=\\s*([A-Za-z0-9_,\\s]+?)\\s*$");

    private final Map<Integer, Set<String>> byLine = new HashMap<>();
    private final Set<String> global = new HashSet<>();

    IgnorePragmas(Dockerfile dockerfile) {
        for (Instruction instruction : dockerfile.instructions()) {
            for (String comment : instruction.written().comments()) {
                Matcher matcher = PRAGMA.matcher(comment);
                if (matcher.matches()) {
                    Set<String> ids = matcher.group(1) == null
                            ? byLine.computeIfAbsent(instruction.startLine(), line -> new HashSet<>())
                            : global;
                    for (String id : matcher.group(2).split("[,\\s]+")) {
                        ids.add(id);
                    }
                }
            }
        }
    }

    boolean ignores(String ruleId, Instruction instruction) {
        return global.contains(ruleId) || byLine.getOrDefault(instruction.startLine(), Set.of()).contains(ruleId);
    }
}
