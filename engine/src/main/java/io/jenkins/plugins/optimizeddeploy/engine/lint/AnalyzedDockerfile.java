package io.jenkins.plugins.optimizeddeploy.engine.lint;

import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Dockerfile;
import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Instruction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A parsed Dockerfile with what many rules derive from it, computed once per lint and shared by every rule: its RUN
 * instructions and the commands of each RUN's script. Splitting every script once instead of once per rule keeps
 * linting cost independent of how many rules read shell commands.
 */
public final class AnalyzedDockerfile {
    private final Dockerfile dockerfile;
    private final List<Instruction> runs;
    private final Map<Instruction, ShellScript> scripts = new IdentityHashMap<>();
    private Set<String> programsRun;
    private Map<String, List<Instruction>> byKeyword;

    public AnalyzedDockerfile(Dockerfile dockerfile) {
        this.dockerfile = Objects.requireNonNull(dockerfile, "dockerfile");
        this.runs = dockerfile.instructions().stream()
                .map(instruction -> instruction.onbuildTrigger().orElse(instruction))
                .filter(instruction -> instruction.keyword().equals("run"))
                .toList();
    }

    /** The Dockerfile as parsed. */
    public Dockerfile dockerfile() {
        return dockerfile;
    }

    /**
     * Every RUN in the Dockerfile, in order, with the RUN triggers of ONBUILD (as hadolint checks them too: they run
     * in every image built on this one); a trigger has its ONBUILD's line.
     */
    public List<Instruction> runs() {
        return runs;
    }

    /**
     * The instructions with the keyword (lower case), in order, without the triggers of ONBUILD; indexed once, so
     * that each rule about COPY, LABEL or EXPOSE does not filter every instruction again.
     */
    public List<Instruction> instructions(String keyword) {
        if (byKeyword == null) {
            Map<String, List<Instruction>> index = new HashMap<>();
            for (Instruction instruction : dockerfile.instructions()) {
                index.computeIfAbsent(instruction.keyword(), key -> new ArrayList<>()).add(instruction);
            }
            index.replaceAll((each, instructions) -> List.copyOf(instructions));
            byKeyword = index;
        }
        return byKeyword.getOrDefault(keyword, List.of());
    }

    /** The commands a RUN runs, split on the first request for this instruction and reused afterwards. */
    public ShellScript script(Instruction run) {
        return scripts.computeIfAbsent(run, ShellScript::of);
    }

    /** True when some RUN runs one of the programs (by name, as {@link ShellCommand#name()}). */
    public boolean runsAnyOf(Set<String> programs) {
        if (programsRun == null) {
            Set<String> names = new HashSet<>();
            for (Instruction run : runs) {
                for (ShellCommand command : script(run).commands()) {
                    names.add(command.name());
                }
            }
            programsRun = names;
        }
        for (String program : programs) {
            if (programsRun.contains(program)) {
                return true;
            }
        }
        return false;
    }
}
