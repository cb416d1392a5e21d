package io.jenkins.plugins.optimizeddeploy.engine.dockerfile;

import java.util.List;

/**
 * What {@code optimized-deploy parse FILE --json} prints: a plain, Jackson-friendly view of a parsed Dockerfile.
 * Lines are 1-based; {@code stage} is the stage index, -1 for an ARG before the first FROM.
 *
 * @param file the file as given
 * @param escape the escape character in effect ({@code \} or {@code `})
 * @param directives the parser directives at the top
 * @param stages the build stages in order
 * @param instructions every instruction in order
 */
public record ParsedDockerfileView(
        String file,
        String escape,
        List<DirectiveView> directives,
        List<StageView> stages,
        List<InstructionView> instructions) {

    public ParsedDockerfileView {
        directives = List.copyOf(directives);
        stages = List.copyOf(stages);
        instructions = List.copyOf(instructions);
    }

    /** A parser directive such as {@code # syntax=docker/dockerfile:1}. */
    public record DirectiveView(String name, String value, int line) {
    }

    /** A stage: its index, its name ("" when unnamed), its base image as written and resolved, its platform. */
    public record StageView(int index, String name, String baseImage, String resolvedBaseImage, String platform,
            int startLine, int endLine) {
    }

    /**
     * One instruction. {@code args} are exactly as Docker's parser yields them (see {@link Instruction#args()});
     * {@code pairs} are filled for ENV, LABEL and ARG; {@code json} is true for exec form.
     */
    public record InstructionView(String keyword, List<String> flags, List<String> args, boolean json,
            List<PairView> pairs, List<HeredocView> heredocs, int startLine, int endLine, int stage) {

        public InstructionView {
            flags = List.copyOf(flags);
            args = List.copyOf(args);
            pairs = List.copyOf(pairs);
            heredocs = List.copyOf(heredocs);
        }
    }

    /** A key and its unquoted value; the value is null for an ARG without a default. */
    public record PairView(String key, String value) {
    }

    /** A heredoc: its delimiter, its content and whether variables in it are expanded. */
    public record HeredocView(String name, String content, boolean expand) {
    }

    /** The view of a parsed Dockerfile. */
    public static ParsedDockerfileView of(Dockerfile dockerfile) {
        List<StageView> stages = dockerfile.stages().stream()
                .map(stage -> new StageView(stage.index(), stage.name(), stage.baseImage(), stage.resolvedBaseImage(),
                        stage.platform(), stage.from().startLine(), lastLine(stage)))
                .toList();
        List<InstructionView> instructions = dockerfile.instructions().stream()
                .map(ParsedDockerfileView::instructionView)
                .toList();
        List<DirectiveView> directives = dockerfile.directives().stream()
                .map(directive -> new DirectiveView(directive.name(), directive.value(), directive.line()))
                .toList();
        return new ParsedDockerfileView(dockerfile.source(), String.valueOf(dockerfile.escapeCharacter()), directives,
                stages, instructions);
    }

    private static int lastLine(Stage stage) {
        List<Instruction> instructions = stage.instructions();
        return instructions.isEmpty() ? stage.from().endLine() : instructions.get(instructions.size() - 1).endLine();
    }

    private static InstructionView instructionView(Instruction instruction) {
        return new InstructionView(instruction.keyword(), instruction.flags().asWritten(), instruction.args(),
                instruction.arguments().jsonForm(),
                instruction.arguments().pairs().stream().map(pair -> new PairView(pair.key(), pair.value())).toList(),
                instruction.arguments().heredocs().stream()
                        .map(heredoc -> new HeredocView(heredoc.name(), heredoc.content(), heredoc.expand()))
                        .toList(),
                instruction.startLine(), instruction.endLine(), instruction.stage());
    }
}
