package io.jenkins.plugins.optimizeddeploy.steps;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A list argument of names (tags, targets, cache fallbacks) as a Pipeline script gives it, a list, or as the
 * snippet generator's form does, one text that Stapler binds as a list of one: every entry is split at commas and
 * whitespace, which none of these names may contain, and blanks are dropped.
 */
public final class NameList {
    private static final Pattern SEPARATORS = Pattern.compile("[\\s,]+");

    private NameList() {
    }

    /** The names, in an ArrayList: a freestyle job keeps its step in the job's XML, which XStream writes. */
    public static List<String> parse(List<String> entries) {
        return entries == null ? new ArrayList<>() : entries.stream().filter(Objects::nonNull)
                .flatMap(entry -> Arrays.stream(SEPARATORS.split(entry.strip()))).filter(name -> !name.isEmpty())
                .collect(Collectors.toCollection(ArrayList::new));
    }

    /** The names as the form shows them: separated by a comma and a space. */
    public static String text(List<String> names) {
        return String.join(", ", names);
    }
}
