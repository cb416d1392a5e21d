package io.jenkins.plugins.optimizeddeploy.engine.lint;

import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Heredoc;
import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Instruction;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The simple commands of a RUN, so that rules see {@code apt-get install -y curl} and its options instead of a
 * string. A small splitter, not a shell: it separates commands at {@code &&}, {@code ||}, {@code ;}, {@code |},
 * {@code &} and line ends outside quotes, {@code $(…)} and backticks; removes quotes; skips comments, leading
 * variable assignments ({@code DEBIAN_FRONTEND=noninteractive apt-get …}), the shell words that open a block
 * ({@code then}, {@code do}, {@code {}…) and the patterns of {@code case}, whose {@code |} is no pipe.
 *
 * @param commands the simple commands in order
 */
public record ShellScript(List<ShellCommand> commands) {
    private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Set<String> BLOCK_WORDS =
            Set.of("if", "then", "else", "elif", "fi", "do", "done", "while", "until", "{", "}", "(", ")", "!", "time",
                    "esac");

    public ShellScript {
        commands = List.copyOf(commands);
    }

    /** The commands a RUN runs: its shell-form script, its exec-form words, or the bodies of its heredocs. */
    public static ShellScript of(Instruction run) {
        if (run.arguments().jsonForm()) {
            return run.args().isEmpty()
                    ? new ShellScript(List.of())
                    : new ShellScript(List.of(new ShellCommand(programName(run.args().get(0)),
                            run.args().subList(1, run.args().size()), false)));
        }
        String script = String.join(" ", run.args());
        for (Heredoc heredoc : run.arguments().heredocs()) {
            script += "\n" + heredoc.content();
        }
        return parse(script);
    }

    /** The commands of a shell script. */
    public static ShellScript parse(String script) {
        return new Splitter(script).split();
    }

    /** True when any command is named {@code program}. */
    public boolean runs(String program) {
        return commands.stream().anyMatch(command -> command.name().equals(program));
    }

    /** True when the output of a command is piped into another. */
    public boolean hasPipe() {
        return commands.stream().anyMatch(ShellCommand::pipedFromPrevious);
    }

    private static String programName(String word) {
        int slash = word.lastIndexOf('/');
        return slash >= 0 && slash < word.length() - 1 ? word.substring(slash + 1) : word;
    }

    private static final class Splitter {
        private final String script;
        private final List<ShellCommand> commands = new ArrayList<>();
        private final List<String> words = new ArrayList<>();
        private final StringBuilder word = new StringBuilder();
        private boolean inWord;
        private boolean piped;
        private int position;
        private int caseDepth;

        Splitter(String script) {
            this.script = script;
        }

        ShellScript split() {
            while (position < script.length()) {
                char c = script.charAt(position);
                if (c == '\\' && position + 1 < script.length()) {
                    if (script.charAt(position + 1) != '\n') {
                        append(script.charAt(position + 1));
                    }
                    position += 2;
                } else if (c == '\'') {
                    int end = script.indexOf('\'', position + 1);
                    end = end < 0 ? script.length() : end;
                    appendRange(position + 1, end);
                    position = end + 1;
                } else if (c == '"') {
                    readDoubleQuoted();
                } else if (c == '$' && position + 1 < script.length() && script.charAt(position + 1) == '(') {
                    readNested('(', ')');
                } else if (c == '`') {
                    int end = script.indexOf('`', position + 1);
                    end = end < 0 ? script.length() : end;
                    appendRange(position, Math.min(end + 1, script.length()));
                    position = end + 1;
                } else if (c == '#' && !inWord) {
                    int end = script.indexOf('\n', position);
                    position = end < 0 ? script.length() : end;
                } else if (c == '|' || c == '&' || c == ';' || c == '\n') {
                    readOperator(c);
                } else if (Character.isWhitespace(c)) {
                    endWord();
                    position++;
                } else {
                    append(c);
                    position++;
                }
            }
            endCommand(false);
            return new ShellScript(commands);
        }

        private void readOperator(char c) {
            boolean doubled = position + 1 < script.length() && script.charAt(position + 1) == c;
            if (c == '&' && position + 1 < script.length() && script.charAt(position + 1) == '>') {
                append(c);
                position++;
                return;
            }
            if (c == '&' && word.length() > 0 && word.charAt(word.length() - 1) == '>') {
                append(c);
                position++;
                return;
            }
            endCommand(c == '|' && !doubled);
            position += doubled && c != '\n' ? 2 : 1;
            if (c == ';' && doubled && caseDepth > 0) {
                skipCasePattern();
            }
        }

        /** Skips a {@code case} pattern up to its closing parenthesis; {@code esac} ends the case instead. */
        private void skipCasePattern() {
            while (position < script.length() && Character.isWhitespace(script.charAt(position))) {
                position++;
            }
            if (script.startsWith("esac", position)) {
                caseDepth--;
                return;
            }
            while (position < script.length() && script.charAt(position) != ')') {
                char c = script.charAt(position);
                position = c == '\'' || c == '"' ? closingQuote(position) + 1 : position + 1;
            }
            position++;
        }

        private int closingQuote(int opening) {
            int end = script.indexOf(script.charAt(opening), opening + 1);
            return end < 0 ? script.length() : end;
        }

        private void readDoubleQuoted() {
            position++;
            inWord = true;
            while (position < script.length() && script.charAt(position) != '"') {
                char c = script.charAt(position);
                boolean escapes = position + 1 < script.length()
                        && "\"\\$`\n".indexOf(script.charAt(position + 1)) >= 0;
                if (c == '\\' && escapes) {
                    if (script.charAt(position + 1) != '\n') {
                        append(script.charAt(position + 1));
                    }
                    position += 2;
                } else if (c == '$' && position + 1 < script.length() && script.charAt(position + 1) == '(') {
                    readNested('(', ')');
                } else {
                    append(c);
                    position++;
                }
            }
            position++;
        }

        private void readNested(char open, char close) {
            int depth = 0;
            int start = position;
            while (position < script.length()) {
                char c = script.charAt(position++);
                if (c == '\'' || c == '"') {
                    position = Math.min(closingQuote(position - 1) + 1, script.length());
                } else if (c == open) {
                    depth++;
                } else if (c == close && --depth == 0) {
                    break;
                }
            }
            appendRange(start, position);
        }

        private void append(char c) {
            word.append(c);
            inWord = true;
        }

        /** Appends the script's characters from {@code start} to {@code end} (exclusive) to the word. */
        private void appendRange(int start, int end) {
            word.append(script, start, end);
            inWord = true;
        }

        private void endWord() {
            if (inWord) {
                words.add(word.toString());
                word.setLength(0);
                inWord = false;
                if (words.size() == 3 && words.get(0).equals("case") && words.get(2).equals("in")) {
                    words.clear();
                    caseDepth++;
                    skipCasePattern();
                }
            }
        }

        /** Ends the current command; {@code pipeFollows} marks the next command as reading this one's output. */
        private void endCommand(boolean pipeFollows) {
            endWord();
            int first = 0;
            while (first < words.size() && (BLOCK_WORDS.contains(words.get(first)) || isAssignment(words.get(first)))) {
                first++;
            }
            if (first < words.size()) {
                commands.add(new ShellCommand(programName(words.get(first)), words.subList(first + 1, words.size()),
                        piped));
                piped = pipeFollows;
            } else {
                piped = piped || pipeFollows;
            }
            words.clear();
        }

        private static boolean isAssignment(String word) {
            int equals = word.indexOf('=');
            return equals > 0 && VARIABLE_NAME.matcher(word.substring(0, equals)).matches();
        }
    }
}
