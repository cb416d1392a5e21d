package io.jenkins.plugins.optimizeddeploy.engine.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One simple command of a shell script, with its quotes removed: {@code apt-get install -y curl}.
 *
 * @param name the program, without its directory ({@code apt-get} for {@code /usr/bin/apt-get})
 * @param arguments the words after it
 * @param pipedFromPrevious true when the previous command's output is piped into this one ({@code a | b})
 */
public record ShellCommand(String name, List<String> arguments, boolean pipedFromPrevious) {

    public ShellCommand {
        Objects.requireNonNull(name, "name");
        arguments = List.copyOf(arguments);
    }

    /** True for {@code name} whose first word that is not an option is {@code subcommand} ({@code apt-get install}). */
    public boolean isInvocation(String program, String subcommand) {
        return name.equals(program) && arguments.stream().filter(word -> !word.startsWith("-")).findFirst()
                .filter(subcommand::equals).isPresent();
    }

    /**
     * True when any of the options is given: a long option as {@code --name} or {@code --name=value}, a one-letter
     * option also inside a group ({@code -y} in {@code -qy}).
     */
    public boolean hasOption(String... options) {
        for (String option : options) {
            for (String word : arguments) {
                if (word.equals("--")) {
                    break;
                }
                if (word.equals(option) || option.startsWith("--") && isLongOptionWithValue(word, option)
                        || isShortOptionInGroup(word, option)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** True when any argument equals the word. */
    public boolean hasArgument(String word) {
        return arguments.contains(word);
    }

    /**
     * The operands after the subcommand: words that are not options, skipping the value of each option listed in
     * {@code optionsWithValue} ({@code -o Dpkg::Options::=--force-confnew}).
     */
    public List<String> operandsAfter(String subcommand, Set<String> optionsWithValue) {
        List<String> operands = new ArrayList<>();
        boolean afterSubcommand = false;
        boolean skipNext = false;
        for (String word : arguments) {
            if (skipNext) {
                skipNext = false;
            } else if (optionsWithValue.contains(word)) {
                skipNext = true;
            } else if (!word.startsWith("-")) {
                if (afterSubcommand) {
                    operands.add(word);
                } else if (word.equals(subcommand)) {
                    afterSubcommand = true;
                }
            }
        }
        return operands;
    }

    /** {@code --name=value} for {@code --name}, without building the string {@code --name=} for every word. */
    private static boolean isLongOptionWithValue(String word, String option) {
        return word.length() > option.length() && word.charAt(option.length()) == '=' && word.startsWith(option);
    }

    private static boolean isShortOptionInGroup(String word, String option) {
        return option.length() == 2 && option.charAt(0) == '-' && option.charAt(1) != '-'
                && word.length() > 2 && word.charAt(0) == '-' && word.charAt(1) != '-'
                && word.indexOf('=') < 0 && word.indexOf(option.charAt(1)) > 0;
    }
}
