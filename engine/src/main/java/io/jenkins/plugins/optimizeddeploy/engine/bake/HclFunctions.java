package io.jenkins.plugins.optimizeddeploy.engine.bake;

import static io.jenkins.plugins.optimizeddeploy.engine.bake.HclValues.bool;
import static io.jenkins.plugins.optimizeddeploy.engine.bake.HclValues.list;
import static io.jenkins.plugins.optimizeddeploy.engine.bake.HclValues.map;
import static io.jenkins.plugins.optimizeddeploy.engine.bake.HclValues.normalized;
import static io.jenkins.plugins.optimizeddeploy.engine.bake.HclValues.number;
import static io.jenkins.plugins.optimizeddeploy.engine.bake.HclValues.string;
import static io.jenkins.plugins.optimizeddeploy.engine.bake.HclValues.whole;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.IllegalFormatException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The functions of bake's standard library (go-cty's stdlib and buildx's own) that the built-in reader evaluates,
 * on {@link HclValues}. Each throws HclEvaluationException naming what is wrong with its arguments.
 */
final class HclFunctions {
    private static final ObjectMapper JSON = jsonWithGoEscapes();
    private static final Pattern NAMED_GROUP = Pattern.compile("\\(\\?P?<([a-zA-Z][a-zA-Z0-9]*)>");
    private static final Map<String, Function<List<Object>, Object>> FUNCTIONS = new TreeMap<>();

    static {
        // strings
        FUNCTIONS.put("upper", args -> string(one(args)).toUpperCase(Locale.ROOT));
        FUNCTIONS.put("lower", args -> string(one(args)).toLowerCase(Locale.ROOT));
        FUNCTIONS.put("title", args -> title(string(one(args))));
        FUNCTIONS.put("trimspace", args -> string(one(args)).strip());
        FUNCTIONS.put("trim", args -> trim(string(arg(args, 0, 2)), string(args.get(1)), true, true));
        FUNCTIONS.put("trimprefix", args -> {
            String text = string(arg(args, 0, 2));
            String prefix = string(args.get(1));
            return text.startsWith(prefix) ? text.substring(prefix.length()) : text;
        });
        FUNCTIONS.put("trimsuffix", args -> {
            String text = string(arg(args, 0, 2));
            String suffix = string(args.get(1));
            return text.endsWith(suffix) ? text.substring(0, text.length() - suffix.length()) : text;
        });
        FUNCTIONS.put("chomp", args -> string(one(args)).replaceAll("(\r\n|\n|\r)+$", ""));
        FUNCTIONS.put("strlen", args -> (long) string(one(args)).codePointCount(0, string(args.get(0)).length()));
        FUNCTIONS.put("reverse", args -> new StringBuilder(string(one(args))).reverse().toString());
        FUNCTIONS.put("substr", args -> substr(string(arg(args, 0, 3)), whole(args.get(1), "offset"),
                whole(args.get(2), "length")));
        FUNCTIONS.put("split", args -> List.<Object>copyOf(splitAll(string(arg(args, 1, 2)), string(args.get(0)))));
        FUNCTIONS.put("join", HclFunctions::join);
        FUNCTIONS.put("replace", args -> string(arg(args, 0, 3)).replace(string(args.get(1)), string(args.get(2))));
        FUNCTIONS.put("regex_replace", args -> regexReplace(string(arg(args, 0, 3)), string(args.get(1)),
                string(args.get(2))));
        FUNCTIONS.put("regex", args -> regex(string(arg(args, 0, 2)), string(args.get(1))));
        FUNCTIONS.put("regexall", args -> regexAll(string(arg(args, 0, 2)), string(args.get(1))));
        FUNCTIONS.put("format", args -> format(args));
        FUNCTIONS.put("indent", args -> indent(whole(arg(args, 0, 2), "spaces"), string(args.get(1))));
        FUNCTIONS.put("sanitize", args -> string(one(args)).replaceAll("[^A-Za-z0-9_-]", "_"));
        FUNCTIONS.put("homedir", args -> System.getProperty("user.home"));
        FUNCTIONS.put("basename", args -> basename(string(one(args))));
        FUNCTIONS.put("dirname", args -> dirname(string(one(args))));
        // collections
        FUNCTIONS.put("length", args -> {
            Object value = one(args);
            if (value instanceof String) {
                throw new HclEvaluationException("collection must be a list, a map or a tuple (strlen() counts"
                        + " characters)");
            }
            return (long) (value instanceof Map<?, ?> entries ? entries.size() : list(value).size());
        });
        FUNCTIONS.put("concat", args -> {
            List<Object> all = new ArrayList<>();
            args.forEach(each -> all.addAll(list(each)));
            return all;
        });
        FUNCTIONS.put("contains", args -> list(arg(args, 0, 2)).stream().anyMatch(item -> HclValues.equal(item, args.get(1))));
        FUNCTIONS.put("distinct", args -> distinct(list(one(args))));
        FUNCTIONS.put("element", args -> {
            List<Object> items = list(arg(args, 0, 2));
            if (items.isEmpty()) {
                throw new HclEvaluationException("element() of an empty list");
            }
            return items.get((int) Math.floorMod(whole(args.get(1), "index"), items.size()));
        });
        FUNCTIONS.put("index", HclFunctions::index);
        FUNCTIONS.put("indexof", args -> {
            List<Object> items = list(arg(args, 0, 2));
            for (int i = 0; i < items.size(); i++) {
                if (HclValues.equal(items.get(i), args.get(1))) {
                    return (long) i;
                }
            }
            throw new HclEvaluationException("item not found");
        });
        FUNCTIONS.put("flatten", args -> flatten(list(one(args))));
        FUNCTIONS.put("keys", args -> List.<Object>copyOf(sorted(map(one(args))).keySet()));
        FUNCTIONS.put("values", args -> new ArrayList<>(sorted(map(one(args))).values()));
        FUNCTIONS.put("lookup", args -> {
            Map<String, Object> entries = map(arg(args, 0, args.size() == 3 ? 3 : 2));
            String key = string(args.get(1));
            if (entries.containsKey(key)) {
                return entries.get(key);
            }
            if (args.size() == 3) {
                return args.get(2);
            }
            throw new HclEvaluationException("the map has no key \"" + key + "\" and no default was given");
        });
        FUNCTIONS.put("merge", args -> {
            Map<String, Object> merged = new TreeMap<>();
            args.stream().filter(each -> each != null).forEach(each -> merged.putAll(map(each)));
            return merged;
        });
        FUNCTIONS.put("range", HclFunctions::range);
        FUNCTIONS.put("reverselist", args -> {
            List<Object> reversed = new ArrayList<>(list(one(args)));
            java.util.Collections.reverse(reversed);
            return reversed;
        });
        FUNCTIONS.put("slice", args -> {
            List<Object> items = list(arg(args, 0, 3));
            long from = whole(args.get(1), "start index");
            long to = whole(args.get(2), "end index");
            if (from < 0 || to > items.size() || from > to) {
                throw new HclEvaluationException("slice(" + from + ", " + to + ") is out of range of " + items.size()
                        + " items");
            }
            return new ArrayList<>(items.subList((int) from, (int) to));
        });
        FUNCTIONS.put("sort", args -> list(one(args)).stream().map(HclValues::string).sorted()
                .map(Object.class::cast).toList());
        FUNCTIONS.put("zipmap", args -> {
            List<Object> keys = list(arg(args, 0, 2));
            List<Object> values = list(args.get(1));
            if (keys.size() != values.size()) {
                throw new HclEvaluationException("zipmap needs as many keys as values");
            }
            Map<String, Object> zipped = new TreeMap<>();
            for (int i = 0; i < keys.size(); i++) {
                zipped.put(string(keys.get(i)), values.get(i));
            }
            return zipped;
        });
        FUNCTIONS.put("coalesce", args -> args.stream().filter(each -> each != null).findFirst()
                .orElseThrow(() -> new HclEvaluationException("no non-null arguments")));
        FUNCTIONS.put("coalescelist", args -> args.stream().filter(each -> !list(each).isEmpty()).findFirst()
                .orElseThrow(() -> new HclEvaluationException("no non-empty list arguments")));
        FUNCTIONS.put("compact", args -> list(one(args)).stream().filter(each -> each != null && !"".equals(each)).toList());
        FUNCTIONS.put("chunklist", args -> {
            List<Object> items = list(arg(args, 0, 2));
            long size = whole(args.get(1), "chunk size");
            List<Object> chunks = new ArrayList<>();
            if (size <= 0) {
                chunks.add(items);
                return chunks;
            }
            int chunk = (int) Math.min(size, items.size());
            for (int i = 0; i < items.size(); i += chunk) {
                chunks.add(new ArrayList<>(items.subList(i, Math.min(items.size(), i + chunk))));
            }
            return chunks;
        });
        FUNCTIONS.put("hasindex", args -> {
            Object collection = arg(args, 0, 2);
            if (collection instanceof Map<?, ?> entries) {
                return entries.containsKey(string(args.get(1)));
            }
            long index = whole(args.get(1), "index");
            return index >= 0 && index < list(collection).size();
        });
        FUNCTIONS.put("setunion", args -> {
            LinkedHashSet<Object> union = new LinkedHashSet<>();
            args.forEach(each -> union.addAll(list(each)));
            return sortedSet(List.copyOf(union));
        });
        // numbers
        FUNCTIONS.put("absolute", args -> normalized(number(one(args)).abs()));
        FUNCTIONS.put("ceil", args -> normalized(number(one(args)).setScale(0, RoundingMode.CEILING)));
        FUNCTIONS.put("floor", args -> normalized(number(one(args)).setScale(0, RoundingMode.FLOOR)));
        FUNCTIONS.put("int", args -> normalized(number(one(args)).setScale(0, RoundingMode.DOWN)));
        FUNCTIONS.put("signum", args -> (long) number(one(args)).signum());
        FUNCTIONS.put("max", args -> normalized(args.stream().map(HclValues::number).max(Comparator.naturalOrder())
                .orElseThrow(() -> new HclEvaluationException("max() needs at least one number"))));
        FUNCTIONS.put("min", args -> normalized(args.stream().map(HclValues::number).min(Comparator.naturalOrder())
                .orElseThrow(() -> new HclEvaluationException("min() needs at least one number"))));
        FUNCTIONS.put("pow", args -> pow(number(arg(args, 0, 2)), number(args.get(1))));
        FUNCTIONS.put("parseint", args -> {
            String text = string(arg(args, 0, 2));
            long base = whole(args.get(1), "base");
            if (base < Character.MIN_RADIX || base > Character.MAX_RADIX) {
                throw new HclEvaluationException("the base must be " + Character.MIN_RADIX + " to "
                        + Character.MAX_RADIX + ", got " + base);
            }
            try {
                return normalized(new BigDecimal(new BigInteger(text, (int) base)));
            } catch (NumberFormatException e) {
                throw new HclEvaluationException("cannot parse \"" + args.get(0) + "\" as an integer");
            }
        });
        FUNCTIONS.put("add", args -> normalized(number(arg(args, 0, 2)).add(number(args.get(1)))));
        FUNCTIONS.put("subtract", args -> normalized(number(arg(args, 0, 2)).subtract(number(args.get(1)))));
        FUNCTIONS.put("multiply", args -> normalized(number(arg(args, 0, 2)).multiply(number(args.get(1)))));
        FUNCTIONS.put("divide", args -> divide(arg(args, 0, 2), args.get(1)));
        FUNCTIONS.put("modulo", args -> modulo(arg(args, 0, 2), args.get(1)));
        FUNCTIONS.put("negate", args -> normalized(number(one(args)).negate()));
        // logic and comparison
        FUNCTIONS.put("equal", args -> HclValues.equal(arg(args, 0, 2), args.get(1)));
        FUNCTIONS.put("notequal", args -> !HclValues.equal(arg(args, 0, 2), args.get(1)));
        FUNCTIONS.put("not", args -> !bool(one(args)));
        FUNCTIONS.put("and", args -> bool(arg(args, 0, 2)) && bool(args.get(1)));
        FUNCTIONS.put("or", args -> bool(arg(args, 0, 2)) || bool(args.get(1)));
        FUNCTIONS.put("greaterthan", args -> number(arg(args, 0, 2)).compareTo(number(args.get(1))) > 0);
        FUNCTIONS.put("greaterthanorequalto", args -> number(arg(args, 0, 2)).compareTo(number(args.get(1))) >= 0);
        FUNCTIONS.put("lessthan", args -> number(arg(args, 0, 2)).compareTo(number(args.get(1))) < 0);
        FUNCTIONS.put("lessthanorequalto", args -> number(arg(args, 0, 2)).compareTo(number(args.get(1))) <= 0);
        // encodings and hashes
        FUNCTIONS.put("jsonencode", args -> jsonEncode(one(args)));
        FUNCTIONS.put("jsondecode", args -> jsonDecode(string(one(args))));
        FUNCTIONS.put("base64encode", args -> Base64.getEncoder().encodeToString(bytes(one(args))));
        FUNCTIONS.put("base64decode", args -> {
            try {
                return new String(Base64.getDecoder().decode(string(one(args))), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new HclEvaluationException("the argument is not valid base64");
            }
        });
        FUNCTIONS.put("urlencode", args -> URLEncoder.encode(string(one(args)), StandardCharsets.UTF_8)
                .replace("*", "%2A").replace("%7E", "~"));
        FUNCTIONS.put("md5", args -> digest("MD5", one(args)));
        FUNCTIONS.put("sha1", args -> digest("SHA-1", one(args)));
        FUNCTIONS.put("sha256", args -> digest("SHA-256", one(args)));
        FUNCTIONS.put("sha512", args -> digest("SHA-512", one(args)));
    }

    private HclFunctions() {
    }

    static boolean exists(String name) {
        return FUNCTIONS.containsKey(name);
    }

    static Object call(String name, List<Object> arguments) {
        return FUNCTIONS.get(name).apply(arguments);
    }

    static Object divide(Object left, Object right) {
        BigDecimal divisor = number(right);
        if (divisor.signum() == 0) {
            throw new HclEvaluationException("division by zero");
        }
        return normalized(number(left).divide(divisor, MathContext.DECIMAL128));
    }

    static Object modulo(Object left, Object right) {
        BigDecimal divisor = number(right);
        if (divisor.signum() == 0) {
            throw new HclEvaluationException("modulo by zero");
        }
        return normalized(number(left).remainder(divisor));
    }

    private static Object one(List<Object> args) {
        return arg(args, 0, 1);
    }

    /** Argument {@code index} of a call that takes exactly {@code count} arguments. */
    private static Object arg(List<Object> args, int index, int count) {
        if (args.size() != count) {
            throw new HclEvaluationException(count + " argument(s) expected, got " + args.size());
        }
        return args.get(index);
    }

    private static Object pow(BigDecimal base, BigDecimal exponent) {
        double power = Math.pow(base.doubleValue(), exponent.doubleValue());
        if (Double.isNaN(power) || Double.isInfinite(power)) {
            throw new HclEvaluationException("pow(" + base.toPlainString() + ", " + exponent.toPlainString()
                    + ") is no number");
        }
        return normalized(BigDecimal.valueOf(power));
    }

    private static String indent(long spaces, String text) {
        if (spaces < 0 || spaces > BakeEvaluation.MAX_VALUE_SIZE) {
            throw new HclEvaluationException("spaces must be 0 to " + BakeEvaluation.MAX_VALUE_SIZE + ", got " + spaces);
        }
        return text.replace("\n", "\n" + " ".repeat((int) spaces));
    }

    private static String title(String text) {
        StringBuilder titled = new StringBuilder();
        boolean wordStart = true;
        for (char c : text.toCharArray()) {
            titled.append(wordStart ? Character.toTitleCase(c) : c);
            wordStart = Character.isWhitespace(c);
        }
        return titled.toString();
    }

    private static String trim(String text, String cutset, boolean left, boolean right) {
        int start = 0;
        int end = text.length();
        while (left && start < end && cutset.indexOf(text.charAt(start)) >= 0) {
            start++;
        }
        while (right && end > start && cutset.indexOf(text.charAt(end - 1)) >= 0) {
            end--;
        }
        return text.substring(start, end);
    }

    private static String substr(String text, long offset, long length) {
        int[] codePoints = text.codePoints().toArray();
        long start = offset < 0 ? codePoints.length + offset : offset;
        if (start < 0 || start > codePoints.length) {
            throw new HclEvaluationException("offset " + offset + " is out of range of " + codePoints.length);
        }
        long end = length < 0 || length > codePoints.length - start ? codePoints.length : start + length;
        return new String(codePoints, (int) start, (int) (end - start));
    }

    private static List<String> splitAll(String text, String separator) {
        List<String> parts = new ArrayList<>();
        if (separator.isEmpty()) {
            text.codePoints().forEach(codePoint -> parts.add(new String(Character.toChars(codePoint))));
            return parts;
        }
        int start = 0;
        int found;
        while ((found = text.indexOf(separator, start)) >= 0) {
            parts.add(text.substring(start, found));
            start = found + separator.length();
        }
        parts.add(text.substring(start));
        return parts;
    }

    private static Object join(List<Object> args) {
        if (args.size() < 2) {
            throw new HclEvaluationException("join needs a separator and at least one list");
        }
        String separator = string(args.get(0));
        List<String> items = new ArrayList<>();
        args.subList(1, args.size()).forEach(each -> list(each).forEach(item -> {
            if (item == null) {
                throw new HclEvaluationException("join() of a list with a null item");
            }
            items.add(string(item));
        }));
        return String.join(separator, items);
    }

    /** An RE2 pattern as Java reads it: {@code (?P<name>} is {@code (?<name>}. */
    private static Pattern goPattern(String pattern) {
        try {
            return Pattern.compile(pattern.replace("(?P<", "(?<"));
        } catch (PatternSyntaxException e) {
            // its own message quotes the pattern on a second line, under a caret
            throw new HclEvaluationException("the pattern " + jsonEncode(pattern) + " is no regular expression: "
                    + e.getDescription());
        }
    }

    /** Go's {@code $1} and {@code ${name}} in a replacement as Java reads them; other backslashes literal. */
    /**
     * Go's {@code Regexp.ReplaceAllString}, as buildx runs it: an empty match right after a match is skipped, and the
     * replacement is expanded as {@link #expandGoTemplate} says.
     */
    private static String regexReplace(String text, String pattern, String replacement) {
        Matcher matcher = goPattern(pattern).matcher(text);
        StringBuilder replaced = new StringBuilder();
        int copiedUpTo = 0;
        int lastMatchEnd = -1;
        while (matcher.find()) {
            if (matcher.start() == matcher.end() && matcher.start() == lastMatchEnd) {
                continue;
            }
            replaced.append(text, copiedUpTo, matcher.start());
            expandGoTemplate(replacement, matcher, replaced);
            copiedUpTo = matcher.end();
            lastMatchEnd = matcher.end();
        }
        return replaced.append(text, copiedUpTo, text.length()).toString();
    }

    /**
     * Go's {@code Regexp.Expand}: {@code $name} or {@code ${name}} (a name is the longest run of letters, digits and
     * {@code _}) becomes the group of that number or name, or nothing when there is none or it took no part in the
     * match, so {@code $1x} names the group "1x"; {@code $$} is a {@code $}; a {@code $} that starts no reference
     * stays as it is.
     */
    private static void expandGoTemplate(String template, Matcher match, StringBuilder out) {
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c != '$') {
                out.append(c);
                i++;
                continue;
            }
            if (template.startsWith("$$", i)) {
                out.append('$');
                i += 2;
                continue;
            }
            boolean braced = template.startsWith("${", i);
            int nameStart = i + (braced ? 2 : 1);
            int nameEnd = nameStart;
            while (nameEnd < template.length()) {
                int codePoint = template.codePointAt(nameEnd);
                if (!Character.isLetterOrDigit(codePoint) && codePoint != '_') {
                    break;
                }
                nameEnd += Character.charCount(codePoint);
            }
            boolean closed = !braced || nameEnd < template.length() && template.charAt(nameEnd) == '}';
            if (nameEnd == nameStart || !closed) {
                out.append('$');
                i++;
                continue;
            }
            String group = goGroup(match, template.substring(nameStart, nameEnd));
            if (group != null) {
                out.append(group);
            }
            i = braced ? nameEnd + 1 : nameEnd;
        }
    }

    /** The group {@code name} refers to as Go reads it (a number without a leading zero, else a name), or null. */
    private static String goGroup(Matcher match, String name) {
        if (name.matches("0|[1-9][0-9]{0,8}")) {
            int number = Integer.parseInt(name);
            return number <= match.groupCount() ? match.group(number) : null;
        }
        try {
            return match.group(name);
        } catch (IllegalArgumentException noSuchGroup) {
            return null;
        }
    }

    private static Object regex(String pattern, String text) {
        Matcher matcher = goPattern(pattern).matcher(text);
        if (!matcher.find()) {
            throw new HclEvaluationException("pattern did not match any part of the given string");
        }
        return groups(matcher);
    }

    private static Object regexAll(String pattern, String text) {
        Matcher matcher = goPattern(pattern).matcher(text);
        List<Object> all = new ArrayList<>();
        while (matcher.find()) {
            all.add(groups(matcher));
        }
        return all;
    }

    private static Object groups(Matcher matcher) {
        if (matcher.groupCount() == 0) {
            return matcher.group();
        }
        Matcher named = NAMED_GROUP.matcher(matcher.pattern().pattern());
        Map<String, Object> namedGroups = new TreeMap<>();
        while (named.find()) {
            try {
                String group = matcher.group(named.group(1));
                namedGroups.put(named.group(1), group == null ? "" : group);
            } catch (IllegalArgumentException e) {
                // the text looked like a named group but was escaped, as in \(?<name>
            }
        }
        if (!namedGroups.isEmpty()) {
            return namedGroups;
        }
        List<Object> groups = new ArrayList<>();
        for (int i = 1; i <= matcher.groupCount(); i++) {
            groups.add(matcher.group(i) == null ? "" : matcher.group(i));
        }
        return groups;
    }

    /** Go's fmt verbs that format takes: %s %d %v %q %f %t %%, with width and precision. */
    private static Object format(List<Object> args) {
        if (args.isEmpty()) {
            throw new HclEvaluationException("format needs a format string");
        }
        String spec = string(args.get(0));
        Matcher verb = Pattern.compile("%([-+ 0#]*)(\\d*)(\\.\\d+)?([a-zA-Z%])").matcher(spec);
        StringBuilder formatted = new StringBuilder();
        int next = 1;
        int last = 0;
        while (verb.find()) {
            formatted.append(spec, last, verb.start());
            last = verb.end();
            char kind = verb.group(4).charAt(0);
            if (kind == '%') {
                formatted.append('%');
                continue;
            }
            if (next >= args.size()) {
                throw new HclEvaluationException("not enough arguments for format string \"" + spec + "\"");
            }
            Object value = args.get(next++);
            String javaSpec = "%" + verb.group(1) + verb.group(2) + (verb.group(3) == null ? "" : verb.group(3));
            String goVerb = verb.group();
            requireSmallWidth(goVerb, verb.group(2));
            requireSmallWidth(goVerb, verb.group(3) == null ? "" : verb.group(3).substring(1));
            formatted.append(switch (kind) {
                case 's', 'v' -> formatted(goVerb, javaSpec + "s", value instanceof String || value instanceof
                        Boolean || HclValues.isNumber(value) ? string(value) : jsonEncode(value));
                case 'q' -> jsonEncode(string(value));
                case 'd' -> formatted(goVerb, javaSpec + "d", wholeNumber(value));
                case 'f' -> formatted(goVerb, javaSpec + "f", number(value));
                case 't' -> String.valueOf(bool(value));
                default -> throw new HclEvaluationException("unsupported format verb %" + kind);
            });
        }
        formatted.append(spec.substring(last));
        return formatted.toString();
    }

    /** A width or precision Java's Formatter would fill the heap with before the evaluator measures the value. */
    private static void requireSmallWidth(String goVerb, String digits) {
        if (!digits.isEmpty() && new BigInteger(digits).compareTo(BigInteger.valueOf(BakeEvaluation.MAX_VALUE_SIZE)) > 0) {
            throw new HclEvaluationException("format: the verb \"" + goVerb + "\" asks for a width or precision over "
                    + BakeEvaluation.MAX_VALUE_SIZE);
        }
    }

    /** One Go verb as Java's Formatter writes it; flags or a width Java refuses for it are the user's error. */
    private static String formatted(String goVerb, String javaSpec, Object value) {
        try {
            return String.format(Locale.ROOT, javaSpec, value);
        } catch (IllegalFormatException e) {
            throw new HclEvaluationException("format: the verb \"" + goVerb
                    + "\" does not take these flags or this width: " + e.getMessage());
        }
    }

    private static BigInteger wholeNumber(Object value) {
        BigDecimal number = number(value);
        try {
            return number.toBigIntegerExact();
        } catch (ArithmeticException e) {
            throw new HclEvaluationException("%d needs a whole number, got " + number.toPlainString());
        }
    }

    private static String basename(String path) {
        Path name = path(path).getFileName();
        return name == null ? path : name.toString();
    }

    private static String dirname(String path) {
        Path parent = path(path).getParent();
        return parent == null ? "." : parent.toString();
    }

    private static Path path(String text) {
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw new HclEvaluationException("the path " + jsonEncode(text) + " is no path: " + e.getReason());
        }
    }

    private static List<Object> distinct(List<Object> items) {
        List<Object> distinct = new ArrayList<>();
        for (Object item : items) {
            if (distinct.stream().noneMatch(seen -> HclValues.equal(seen, item))) {
                distinct.add(item);
            }
        }
        return distinct;
    }

    private static Object index(List<Object> args) {
        Object collection = arg(args, 0, 2);
        if (collection instanceof Map<?, ?> entries) {
            String key = string(args.get(1));
            if (!entries.containsKey(key)) {
                throw new HclEvaluationException("the map has no key \"" + key + "\"");
            }
            return entries.get(key);
        }
        List<Object> items = list(collection);
        long index = whole(args.get(1), "index");
        if (index < 0 || index >= items.size()) {
            throw new HclEvaluationException("index " + index + " is out of range of " + items.size() + " items");
        }
        return items.get((int) index);
    }

    private static List<Object> flatten(List<Object> items) {
        List<Object> flat = new ArrayList<>();
        for (Object item : items) {
            if (item instanceof List<?> inner) {
                flat.addAll(flatten(list(inner)));
            } else {
                flat.add(item);
            }
        }
        return flat;
    }

    private static Object range(List<Object> args) {
        if (args.isEmpty() || args.size() > 3) {
            throw new HclEvaluationException("range takes 1 to 3 arguments, got " + args.size());
        }
        BigDecimal start = args.size() == 1 ? BigDecimal.ZERO : number(args.get(0));
        BigDecimal end = number(args.get(args.size() == 1 ? 0 : 1));
        BigDecimal step = args.size() == 3 ? number(args.get(2)) : BigDecimal.valueOf(end.compareTo(start) >= 0 ? 1 : -1);
        if (step.signum() == 0) {
            throw new HclEvaluationException("range step must not be zero");
        }
        BigDecimal count = end.subtract(start).divide(step, 0, RoundingMode.CEILING);
        if (count.compareTo(BigDecimal.valueOf(BakeEvaluation.MAX_VALUE_SIZE)) > 0) {
            throw new HclEvaluationException("range() of more than " + BakeEvaluation.MAX_VALUE_SIZE
                    + " numbers, the limit for one value");
        }
        List<Object> numbers = new ArrayList<>();
        for (BigDecimal value = start; step.signum() > 0 ? value.compareTo(end) < 0 : value.compareTo(end) > 0;
                value = value.add(step)) {
            numbers.add(normalized(value));
        }
        return numbers;
    }

    private static Map<String, Object> sorted(Map<String, Object> entries) {
        return new TreeMap<>(entries);
    }

    private static List<Object> sortedSet(List<Object> items) {
        return items.stream().sorted(Comparator.comparing(HclValues::string)).toList();
    }

    private static byte[] bytes(Object value) {
        return string(value).getBytes(StandardCharsets.UTF_8);
    }

    private static String digest(String algorithm, Object value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes(value)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JDK has no " + algorithm, e);
        }
    }

    /** JSON as go-cty writes it: object keys sorted, no spaces, {@code < > &} escaped as Go escapes them. */
    static String jsonEncode(Object value) {
        try {
            return JSON.writeValueAsString(value instanceof Map<?, ?> entries ? new TreeMap<>(entries) : value);
        } catch (JsonProcessingException e) {
            throw new HclEvaluationException("cannot encode the value as JSON", e);
        }
    }

    private static Object jsonDecode(String text) {
        try {
            return fromJson(JSON.readTree(text));
        } catch (JsonProcessingException e) {
            throw new HclEvaluationException("the argument is not valid JSON");
        }
    }

    static Object fromJson(JsonNode node) {
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isNumber()) {
            return normalized(node.decimalValue());
        }
        if (node.isArray()) {
            List<Object> items = new ArrayList<>();
            node.forEach(item -> items.add(fromJson(item)));
            return items;
        }
        if (node.isObject()) {
            Map<String, Object> entries = new TreeMap<>();
            node.properties().forEach(entry -> entries.put(entry.getKey(), fromJson(entry.getValue())));
            return entries;
        }
        return null;
    }

    private static ObjectMapper jsonWithGoEscapes() {
        ObjectMapper mapper = new ObjectMapper();
        mapper.configure(com.fasterxml.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
        mapper.getFactory().setCharacterEscapes(new CharacterEscapes() {
            private static final long serialVersionUID = 1L;
            private final int[] escapes = standardAsciiEscapesForJSON();

            {
                escapes['<'] = CharacterEscapes.ESCAPE_CUSTOM;
                escapes['>'] = CharacterEscapes.ESCAPE_CUSTOM;
                escapes['&'] = CharacterEscapes.ESCAPE_CUSTOM;
            }

            @Override
            public int[] getEscapeCodesForAscii() {
                return escapes;
            }

            @Override
            public SerializableString getEscapeSequence(int ch) {
                return new SerializedString(String.format(Locale.ROOT, "\\u%04x", ch));
            }
        });
        return mapper;
    }
}
