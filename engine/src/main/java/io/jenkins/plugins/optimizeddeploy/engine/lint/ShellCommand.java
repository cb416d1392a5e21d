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

    /**
     * True when the command is one of {@code programs} and any of its words is one of {@code words}, wherever it
     * stands: the test hadolint's rules use to recognise {@code apt-get -o X=y install} or {@code dnf -y in}.
     */
    public boolean isAnyOf(Set<String> programs, String... words) {
        return programs.contains(name) && hasAnyArgument(words);
    }

    /** True when any word equals one of {@code words}, option or not ({@code rm -rf} has {@code -rf}). */
    public boolean hasAnyArgument(String... words) {
        for (String word : words) {
            if (arguments.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when any of the flags is given, as hadolint reads them: {@code -qy} gives {@code q} and {@code y},
     * {@code --quiet=2} gives {@code quiet}; {@code -} and {@code --} give none.
     */
    public boolean hasAnyFlag(String... names) {
        for (String name : names) {
            if (countFlag(name) > 0) {
                return true;
            }
        }
        return false;
    }

    /** How often the flag is given ({@code -q -q} and {@code -qq} give {@code q} twice), without building lists. */
    public int countFlag(String name) {
        int count = 0;
        for (String word : arguments) {
            if (word.length() < 2 || word.charAt(0) != '-' || word.equals("--")) {
                continue;
            }
            if (word.charAt(1) == '-') {
                int equals = word.indexOf('=');
                int end = equals < 0 ? word.length() : equals;
                count += end - 2 == name.length() && word.startsWith(name, 2) ? 1 : 0;
            } else if (name.length() == 1) {
                for (int i = 1; i < word.length(); i++) {
                    count += word.charAt(i) == name.charAt(0) ? 1 : 0;
                }
            }
        }
        return count;
    }

    /**
     * The words that are not options, leaving out the value after each option named in {@code flagsWithValue}
     * when the option does not carry it after {@code =} ({@code -t bookworm-backports}).
     */
    public List<String> wordsWithoutFlags(Set<String> flagsWithValue) {
        boolean[] dropped = new boolean[arguments.size()];
        for (int i = 0; i < arguments.size() - 1; i++) {
            String word = arguments.get(i);
            if (isFlag(word) && word.indexOf('=') < 0 && flagsOf(word).stream().anyMatch(flagsWithValue::contains)) {
                dropped[i + 1] = true;
            }
        }
        List<String> words = new ArrayList<>();
        for (int i = 0; i < arguments.size(); i++) {
            if (!dropped[i] && !isFlag(arguments.get(i))) {
                words.add(arguments.get(i));
            }
        }
        return words;
    }

    /** True for a word that gives flags: {@code -x}, {@code -qy}, {@code --name}; not {@code -} or {@code --}. */
    private static boolean isFlag(String word) {
        return word.startsWith("-") && !word.equals("-") && !word.equals("--");
    }

    /** The flag names a word gives ({@code -qy} gives q and y), for a word that {@link #isFlag} accepts. */
    private static List<String> flagsOf(String word) {
        if (word.startsWith("--")) {
            int equals = word.indexOf('=');
            return List.of(word.substring(2, equals < 0 ? word.length() : equals));
        }
        List<String> letters = new ArrayList<>(word.length() - 1);
        for (int i = 1; i < word.length(); i++) {
            letters.add(String.valueOf(word.charAt(i)));
        }
        return letters;
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
