package io.jenkins.plugins.optimizeddeploy.engine.dockerfile;

import io.jenkins.plugins.optimizeddeploy.engine.files.InputFile;
import io.jenkins.plugins.optimizeddeploy.engine.files.InputFileException;
import io.jenkins.plugins.optimizeddeploy.engine.files.InputKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a Dockerfile the way BuildKit's frontend does: its line parser (directives, continuations, heredocs,
 * exec versus shell form, flags) and then its instruction checks (argument counts, known flags and their values,
 * stage names, HEALTHCHECK options). Whatever Docker refuses, this refuses with a {@link DockerfileParseException}
 * naming the line and what was expected; no input makes it fail in any other way.
 */
public final class DockerfileParser {
    private static final String DEFAULT_SOURCE = "Dockerfile";
    /**
     * What ARG and ENV substitutions may add to a whole Dockerfile (16 MiB characters), beyond what each word may
     * expand to: many lines that each copy a long value would fill the heap as surely as one long word.
     */
    static final int MAX_ADDED_BY_SUBSTITUTIONS = 16 << 20;

    private final String source;
    private final String text;
    private final Map<String, String> buildArgs;

    private DockerfileParser(String source, String text, Map<String, String> buildArgs) {
        this.source = source;
        this.text = text;
        this.buildArgs = Map.copyOf(buildArgs);
    }

    /** Parses text named {@code Dockerfile} in error messages. */
    public static Dockerfile parse(String text) {
        return parse(DEFAULT_SOURCE, text);
    }

    /** Parses text; {@code source} names it in error messages and in the result. */
    public static Dockerfile parse(String source, String text) {
        return parse(source, text, Map.of());
    }

    /**
     * Parses text with build arguments ({@code --build-arg NAME=value}), which win over ARG defaults when FROM
     * lines and {@code --from} values are resolved.
     */
    public static Dockerfile parse(String source, String text, Map<String, String> buildArgs) {
        return new DockerfileParser(source, text, buildArgs).parse();
    }

    /**
     * Reads and parses a file as UTF-8; the path as given names it in messages.
     *
     * @throws InputFileException when the file is missing, not a regular file, too large, unreadable or not UTF-8
     */
    public static Dockerfile parse(Path file) {
        return parse(file.toString(), InputFile.of(InputKind.DOCKERFILE, file).readText());
    }

    private Dockerfile parse() {
        int nul = text.indexOf('\0');
        if (nul >= 0) {
            int line = 1 + (int) text.substring(0, nul).chars().filter(c -> c == '\n').count();
            throw new DockerfileParseException(source, line, "a NUL character (byte 0): a Dockerfile is text");
        }
        InstructionScanner.Result scanned = new InstructionScanner(source, text).scan();
        InstructionChecks checks = new InstructionChecks(source);
        boolean inStage = false;
        for (RawInstruction raw : scanned.instructions()) {
            String keyword = raw.line().lowerKeyword();
            checks.check(raw);
            if (keyword.equals("from")) {
                inStage = true;
            } else if (!inStage && !keyword.equals("arg")) {
                throw new DockerfileParseException(source, raw.span().startLine(),
                        raw.line().keyword().toUpperCase(Locale.ROOT) + " before the first FROM: no build stage in"
                                + " current context (expected FROM, or ARG)");
            }
        }
        return new StageBuilder(scanned).build();
    }

    /** The second pass: stages, and the ARG/ENV scopes that FROM lines and flag values are expanded in. */
    private final class StageBuilder {
        private final InstructionScanner.Result scanned;
        private final ShellWordExpander expander;
        private final ShellWordExpander unquoter;
        private final Map<String, String> metaArgs = new HashMap<>();
        private final List<Instruction> instructions = new ArrayList<>();
        private final List<Stage> stages = new ArrayList<>();
        private final Map<String, Map<String, String>> envByStageName = new HashMap<>();
        private Map<String, String> scope = metaArgs;
        private Map<String, String> stageEnv = new HashMap<>();
        private StageStart current;
        private List<Instruction> currentInstructions = new ArrayList<>();
        private long addedBySubstitutions;

        private record StageStart(int index, String name, String baseImage, String resolvedBaseImage,
                String platform, Instruction from) {
        }

        StageBuilder(InstructionScanner.Result scanned) {
            this.scanned = scanned;
            this.expander = ShellWordExpander.forEscape(scanned.escape());
            this.unquoter = expander.keepingUnsetVariables();
        }

        Dockerfile build() {
            for (RawInstruction raw : scanned.instructions()) {
                String keyword = raw.line().lowerKeyword();
                if (keyword.equals("from")) {
                    startStage(raw);
                    continue;
                }
                Instruction instruction = instruction(raw, stages.size() + (current == null ? -1 : 0));
                if (keyword.equals("arg")) {
                    declareArgs(raw);
                } else if (keyword.equals("env")) {
                    setEnv(raw);
                }
                instructions.add(instruction);
                if (current != null) {
                    currentInstructions.add(instruction);
                }
            }
            finishStage();
            return new Dockerfile(source, text, scanned.directives(), scanned.escape(), instructions, stages);
        }

        private void startStage(RawInstruction raw) {
            finishStage();
            int line = raw.span().startLine();
            List<String> args = raw.line().arguments().words();
            String baseImage = args.get(0);
            String resolved;
            try {
                resolved = expandCounted(baseImage, metaArgs, raw);
            } catch (ShellWordException e) {
                throw new DockerfileParseException(source, line, "FROM " + baseImage + ": " + e.reason());
            }
            String name = args.size() == 3 ? args.get(2).toLowerCase(Locale.ROOT) : "";
            scope = metaArgs;
            Instruction from = instruction(raw, stages.size());
            String platform = from.flags().value("platform").orElse("");
            current = new StageStart(stages.size(), name, baseImage, resolved, platform, from);
            instructions.add(from);
            // a stage built on an earlier stage starts with that stage's ENV, as its image config carries it
            stageEnv = new HashMap<>(envByStageName.getOrDefault(resolved.toLowerCase(Locale.ROOT), Map.of()));
            scope = new HashMap<>(stageEnv);
        }

        private void finishStage() {
            if (current != null) {
                if (!current.name().isEmpty()) {
                    envByStageName.put(current.name(), stageEnv);
                }
                stages.add(new Stage(current.index(), current.name(), current.baseImage(),
                        current.resolvedBaseImage(), current.platform(), current.from(), currentInstructions));
                currentInstructions = new ArrayList<>();
                current = null;
            }
        }

        private void declareArgs(RawInstruction raw) {
            for (String word : raw.line().arguments().words()) {
                int equals = word.indexOf('=');
                String key = equals < 0 ? word : word.substring(0, equals);
                String value;
                if (buildArgs.containsKey(key)) {
                    value = buildArgs.get(key);
                } else if (equals >= 0) {
                    value = expandLeniently(word.substring(equals + 1), scope, raw);
                } else {
                    value = scope == metaArgs ? null : metaArgs.get(key);
                }
                if (value != null) {
                    scope.put(key, value);
                }
            }
        }

        private void setEnv(RawInstruction raw) {
            Map<String, String> before = Map.copyOf(scope);
            for (RawInstruction.RawPair pair : raw.line().arguments().pairs()) {
                String key = expandLeniently(pair.key(), before, raw);
                String value = expandLeniently(pair.value(), before, raw);
                scope.put(key, value);
                stageEnv.put(key, value);
            }
        }

        /** The word expanded, or as written when the lexer refuses it (a word too long ends parsing all the same). */
        private String expandLeniently(String word, Map<String, String> environment, RawInstruction raw) {
            try {
                return expandCounted(word, environment, raw);
            } catch (ShellWordException e) {
                return word;
            }
        }

        private String expandCounted(String word, Map<String, String> environment, RawInstruction raw) {
            String expanded;
            try {
                expanded = expander.expand(word, environment);
            } catch (ExpansionTooLongException e) {
                throw new DockerfileParseException(source, raw.span().startLine(),
                        raw.line().keyword().toUpperCase(Locale.ROOT) + " " + e.reason());
            }
            addedBySubstitutions += Math.max(0, expanded.length() - word.length());
            if (addedBySubstitutions > MAX_ADDED_BY_SUBSTITUTIONS) {
                throw new DockerfileParseException(source, raw.span().startLine(),
                        raw.line().keyword().toUpperCase(Locale.ROOT) + ": substitutions have added more than "
                                + MAX_ADDED_BY_SUBSTITUTIONS + " characters, the limit for one Dockerfile");
            }
            return expanded;
        }

        private String unquote(String word) {
            try {
                return unquoter.expand(word, Map.of());
            } catch (ShellWordException e) {
                return word;
            }
        }

        private Instruction instruction(RawInstruction raw, int stage) {
            RawInstruction.Line line = raw.line();
            List<String> resolvedFlags = new ArrayList<>();
            for (String flag : line.flags()) {
                int equals = flag.indexOf('=');
                resolvedFlags.add(equals < 0 ? flag
                        : flag.substring(0, equals + 1) + expandLeniently(flag.substring(equals + 1), scope, raw));
            }
            SourceSpan span = raw.span();
            String original = text.substring(span.startOffset(), span.endOffset());
            Instruction trigger = null;
            if (line.trigger() != null) {
                // the trigger runs in a later build, in a scope this file does not know: its flags stay as written
                RawInstruction.Line triggerLine = line.trigger();
                trigger = new Instruction(triggerLine.lowerKeyword(),
                        new Instruction.Flags(triggerLine.flags(), triggerLine.flags()),
                        arguments(triggerLine, raw.heredocs()), null, stage,
                        new Instruction.Written(triggerLine.keyword(), span, original, List.of()));
            }
            return new Instruction(line.lowerKeyword(), new Instruction.Flags(line.flags(), resolvedFlags),
                    arguments(line, raw.heredocs()), trigger, stage,
                    new Instruction.Written(line.keyword(), span, original, raw.comments()));
        }

        private Instruction.Arguments arguments(RawInstruction.Line line, List<Heredoc> heredocs) {
            return new Instruction.Arguments(line.arguments().words(), line.arguments().jsonForm(), pairs(line),
                    heredocs);
        }

        private List<KeyValuePair> pairs(RawInstruction.Line line) {
            String keyword = line.lowerKeyword();
            List<KeyValuePair> pairs = new ArrayList<>();
            if (keyword.equals("arg")) {
                for (String word : line.arguments().words()) {
                    int equals = word.indexOf('=');
                    pairs.add(equals < 0 ? new KeyValuePair(word, null)
                            : new KeyValuePair(word.substring(0, equals), unquote(word.substring(equals + 1))));
                }
            } else if (keyword.equals("env") || keyword.equals("label")) {
                for (RawInstruction.RawPair pair : line.arguments().pairs()) {
                    pairs.add(new KeyValuePair(unquote(pair.key()), unquote(pair.value())));
                }
            }
            return pairs;
        }
    }
}
