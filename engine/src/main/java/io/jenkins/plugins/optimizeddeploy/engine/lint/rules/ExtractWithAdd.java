package io.jenkins.plugins.optimizeddeploy.engine.lint.rules;

import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Instruction;
import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Stage;
import io.jenkins.plugins.optimizeddeploy.engine.lint.AnalyzedDockerfile;
import io.jenkins.plugins.optimizeddeploy.engine.findings.Severity;
import io.jenkins.plugins.optimizeddeploy.engine.lint.ShellCommand;
import io.jenkins.plugins.optimizeddeploy.engine.lint.ShellScript;
import io.jenkins.plugins.optimizeddeploy.engine.lint.Violation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * DL3010: an archive COPYed from the context and then extracted by a RUN of the same stage ({@code tar -x},
 * {@code unzip}, {@code gunzip}…) costs a layer holding the archive; ADD extracts it in one step. Archives are
 * matched by file name, as hadolint matches them; a COPY --from another stage is no context archive.
 */
final class ExtractWithAdd extends DockerfileRule {
    private static final List<String> ARCHIVE_SUFFIXES = List.of(".tar", ".Z", ".bz2", ".gz", ".lz", ".lzma", ".tZ",
            ".tb2", ".tbz", ".tbz2", ".tgz", ".tlz", ".tpz", ".txz", ".xz");
    private static final Set<String> DECOMPRESSORS = Set.of("unzip", "gunzip", "bunzip2", "unlzma", "unxz", "zgz",
            "uncompress", "zcat", "gzcat");
    private static final Pattern SURROUNDING_QUOTES = Pattern.compile("^[\"']+|[\"']+$");

    ExtractWithAdd() {
        super("DL3010", Severity.INFO, "Use `ADD` for extracting archives into an image.");
    }

    @Override
    public List<Violation> check(AnalyzedDockerfile analyzed) {
        Set<Instruction> extracted = new LinkedHashSet<>();
        for (Stage stage : analyzed.dockerfile().stages()) {
            Map<String, List<Instruction>> copiedArchives = new LinkedHashMap<>();
            for (Instruction instruction : stage.instructions()) {
                if (instruction.keyword().equals("copy") && !instruction.flags().has("from")) {
                    archivesOf(instruction).forEach(name ->
                            copiedArchives.computeIfAbsent(name, key -> new ArrayList<>()).add(instruction));
                } else if (instruction.keyword().equals("run") && !copiedArchives.isEmpty()) {
                    extractedNames(analyzed.script(instruction)).stream()
                            .map(copiedArchives::get)
                            .filter(copies -> copies != null)
                            .forEach(extracted::addAll);
                }
            }
        }
        return extracted.stream().map(Violation::at).toList();
    }

    /** The archive's name when the target is one, else the names of the archive sources. */
    private static List<String> archivesOf(Instruction copy) {
        List<String> words = copy.args();
        if (words.size() < 2) {
            return List.of();
        }
        String target = fileName(words.get(words.size() - 1));
        if (isArchive(target)) {
            return List.of(target);
        }
        return words.subList(0, words.size() - 1).stream().map(ExtractWithAdd::fileName)
                .filter(ExtractWithAdd::isArchive).toList();
    }

    private static Set<String> extractedNames(ShellScript script) {
        Set<String> names = new LinkedHashSet<>();
        for (ShellCommand command : script.commands()) {
            if (extracts(command)) {
                command.wordsWithoutFlags(Set.of()).forEach(word -> names.add(fileName(word)));
            }
        }
        return names;
    }

    private static boolean extracts(ShellCommand command) {
        if (DECOMPRESSORS.contains(command.name())) {
            return true;
        }
        return command.name().equals("tar") && command.arguments().stream().anyMatch(word -> word.equals("--extract")
                || word.equals("--get") || word.startsWith("-") && word.contains("x"));
    }

    private static boolean isArchive(String name) {
        return ARCHIVE_SUFFIXES.stream().anyMatch(name::endsWith);
    }

    /** The last path component, without the quotes around the path ({@code "C:\dir\app.tgz"} to app.tgz). */
    private static String fileName(String path) {
        String unquoted = SURROUNDING_QUOTES.matcher(path).replaceAll("");
        int separator = Math.max(unquoted.lastIndexOf('/'), unquoted.lastIndexOf('\\'));
        return unquoted.substring(separator + 1);
    }
}
