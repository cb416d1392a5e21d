package io.jenkins.plugins.optimizeddeploy.engine.dockerfile;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The checks BuildKit's instructions package makes on each instruction: argument counts, which flags each
 * instruction takes and whether they need a value, stage names, HEALTHCHECK types and durations.
 */
final class InstructionChecks {
    private enum FlagKind { BOOLEAN, STRING, REPEATABLE }

    private static final Map<String, FlagKind> NO_FLAGS = Map.of();
    private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+");
    private static final Map<String, FlagKind> ADD_FLAGS = ordered("chown", FlagKind.STRING, "chmod", FlagKind.STRING,
            "link", FlagKind.BOOLEAN, "keep-git-dir", FlagKind.BOOLEAN, "checksum", FlagKind.STRING,
            "unpack", FlagKind.BOOLEAN, "exclude", FlagKind.REPEATABLE);
    private static final Map<String, FlagKind> COPY_FLAGS = ordered("chown", FlagKind.STRING, "from",
            FlagKind.STRING, "chmod", FlagKind.STRING, "link", FlagKind.BOOLEAN, "exclude", FlagKind.REPEATABLE,
            "parents", FlagKind.BOOLEAN);
    private static final Map<String, FlagKind> FROM_FLAGS = ordered("platform", FlagKind.STRING);
    private static final Map<String, FlagKind> RUN_FLAGS = ordered("mount", FlagKind.REPEATABLE, "network",
            FlagKind.STRING, "security", FlagKind.STRING, "device", FlagKind.REPEATABLE);
    private static final Map<String, FlagKind> HEALTHCHECK_FLAGS = ordered("interval", FlagKind.STRING, "timeout",
            FlagKind.STRING, "start-period", FlagKind.STRING, "start-interval", FlagKind.STRING, "retries",
            FlagKind.STRING);
    /** The longest word an unknown instruction is quoted with: HEALTHCHECK and a few typos. */
    private static final int MAX_SHOWN_WORD = 16;
    private static final Pattern STAGE_NAME = Pattern.compile("[a-z][a-z0-9-_.]*");
    private static final Set<String> NETWORK_MODES = Set.of("default", "none", "host");
    private static final Set<String> SECURITY_MODES = Set.of("sandbox", "insecure");
    /** What Go's strconv.ParseBool accepts. */
    private static final Set<String> GO_BOOLEANS =
            Set.of("1", "t", "T", "TRUE", "true", "True", "0", "f", "F", "FALSE", "false", "False");
    private static final Pattern DURATION_PART = Pattern.compile("(\\d*(?:\\.\\d*)?)(ns|us|\u00b5s|\u03bcs|ms|s|m|h)");
    private static final BigDecimal MAX_NANOS = BigDecimal.valueOf(Long.MAX_VALUE);

    private final String source;

    InstructionChecks(String source) {
        this.source = source;
    }

    private static Map<String, FlagKind> ordered(Object... nameThenKind) {
        Map<String, FlagKind> flags = new LinkedHashMap<>();
        for (int i = 0; i < nameThenKind.length; i += 2) {
            flags.put((String) nameThenKind[i], (FlagKind) nameThenKind[i + 1]);
        }
        return flags;
    }

    /** A problem with one instruction; {@link #check} adds the location. */
    private static final class InstructionException extends Exception {
        private static final long serialVersionUID = 1L;

        InstructionException(String message) {
            super(message, null, false, false);
        }
    }

    void check(RawInstruction raw) {
        try {
            checkInstruction(raw.line());
        } catch (InstructionException e) {
            throw new DockerfileParseException(source, raw.span().startLine(), e.getMessage());
        }
    }

    private void checkInstruction(RawInstruction.Line raw) throws InstructionException {
        String name = raw.keyword().toUpperCase(Locale.ROOT);
        List<String> args = raw.arguments().words();
        switch (raw.lowerKeyword()) {
            case "env", "label" -> {
                flags(raw, NO_FLAGS);
                if (raw.arguments().pairs().isEmpty()) {
                    throw atLeastOne(name, "key=value");
                }
                for (RawInstruction.RawPair pair : raw.arguments().pairs()) {
                    if (pair.key().isEmpty()) {
                        throw new InstructionException(name + " names can not be blank: expected key=value");
                    }
                }
            }
            case "maintainer", "workdir", "user" -> {
                exactlyOne(name, args);
                flags(raw, NO_FLAGS);
            }
            case "stopsignal" -> exactlyOne(name, args);
            case "add" -> sourcesAndDestination(raw, name, ADD_FLAGS);
            case "copy" -> sourcesAndDestination(raw, name, COPY_FLAGS);
            case "from" -> from(raw);
            case "onbuild" -> onbuild(raw);
            case "run" -> run(raw);
            case "cmd", "entrypoint" -> flags(raw, NO_FLAGS);
            case "healthcheck" -> healthcheck(raw);
            case "expose" -> {
                if (args.isEmpty()) {
                    throw atLeastOne(name, "a port such as 8080/tcp");
                }
                flags(raw, NO_FLAGS);
            }
            case "volume" -> {
                if (args.isEmpty()) {
                    throw atLeastOne(name, "a path");
                }
                flags(raw, NO_FLAGS);
                for (String volume : args) {
                    if (InstructionScanner.goTrimSpace(volume).isEmpty()) {
                        throw new InstructionException("VOLUME specified can not be an empty string");
                    }
                }
            }
            case "arg" -> {
                if (args.isEmpty()) {
                    throw atLeastOne(name, "NAME or NAME=default");
                }
                for (String word : args) {
                    if (word.startsWith("=")) {
                        throw new InstructionException("ARG names can not be blank: expected NAME or NAME=default");
                    }
                }
            }
            case "shell" -> {
                flags(raw, NO_FLAGS);
                if (args.isEmpty()) {
                    throw atLeastOne(name, "a JSON array such as [\"/bin/sh\", \"-c\"]");
                }
                if (!raw.arguments().jsonForm()) {
                    throw new InstructionException(
                            "SHELL requires the arguments to be in JSON form, such as [\"/bin/bash\", \"-c\"]");
                }
            }
            default -> throw new InstructionException("unknown instruction: " + shown(raw.keyword())
                    + " (expected one of ADD, ARG, CMD, COPY, ENTRYPOINT, ENV, EXPOSE, FROM, HEALTHCHECK, LABEL,"
                    + " MAINTAINER, ONBUILD, RUN, SHELL, STOPSIGNAL, USER, VOLUME, WORKDIR)");
        }
    }

    /**
     * The first word of a line that is no instruction, when it looks like a misspelt keyword (letters only, e.g.
     * {@code RUNN}). Any other word is not repeated: the file may be no Dockerfile at all, and its first word a URL
     * with a token or a key, which must not end up in a build log.
     */
    private static String shown(String word) {
        boolean keywordLike = word.length() <= MAX_SHOWN_WORD
                && word.chars().allMatch(c -> c < 128 && Character.isLetter(c));
        return keywordLike ? word : "a word that is not shown, as it is no keyword";
    }

    private static InstructionException atLeastOne(String name, String expected) {
        return new InstructionException(name + " requires at least one argument: expected " + expected);
    }

    private static void exactlyOne(String name, List<String> args) throws InstructionException {
        if (args.size() != 1) {
            throw new InstructionException(name + " requires exactly one argument");
        }
    }

    private void sourcesAndDestination(RawInstruction.Line raw, String name, Map<String, FlagKind> allowed)
            throws InstructionException {
        List<String> args = raw.arguments().words();
        if (args.size() < 2) {
            throw new InstructionException(name + " requires at least two arguments, but only " + args.size()
                    + " was provided. Destination could not be determined: expected " + name + " SOURCE... DEST");
        }
        flags(raw, allowed);
        if (HeredocMarker.parseLeniently(args.get(args.size() - 1)).isPresent()) {
            throw new InstructionException(name + " cannot accept a heredoc as a destination");
        }
    }

    private void from(RawInstruction.Line raw) throws InstructionException {
        List<String> args = raw.arguments().words();
        if (args.size() == 3 && args.get(1).equalsIgnoreCase("as")) {
            String stageName = args.get(2).toLowerCase(Locale.ROOT);
            if (!STAGE_NAME.matcher(stageName).matches()) {
                throw new InstructionException("invalid name for build stage: \"" + args.get(2)
                        + "\", name can't start with a number or contain symbols");
            }
        } else if (args.size() != 1) {
            throw new InstructionException("FROM requires either one or three arguments: expected FROM IMAGE or"
                    + " FROM IMAGE AS NAME" + (args.isEmpty() ? " (the image is missing)" : ""));
        }
        flags(raw, FROM_FLAGS);
    }

    private void onbuild(RawInstruction.Line raw) throws InstructionException {
        if (raw.arguments().words().isEmpty()) {
            throw atLeastOne("ONBUILD", "an instruction to run in images built from this one");
        }
        flags(raw, NO_FLAGS);
        String trigger = InstructionScanner.goTrimSpace(raw.arguments().words().get(0)).toUpperCase(Locale.ROOT);
        if (trigger.equals("ONBUILD")) {
            throw new InstructionException("Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed");
        }
        if (trigger.equals("MAINTAINER") || trigger.equals("FROM")) {
            throw new InstructionException(trigger + " isn't allowed as an ONBUILD trigger");
        }
    }

    private void run(RawInstruction.Line raw) throws InstructionException {
        Map<String, String> values = flags(raw, RUN_FLAGS);
        for (String device : flagValues(raw, "device")) {
            checkDevice(device);
        }
        for (String mount : flagValues(raw, "mount")) {
            checkMount(mount);
        }
        String network = values.getOrDefault("network", "default");
        if (!NETWORK_MODES.contains(network)) {
            throw new InstructionException("invalid network mode \"" + network + "\": expected default, none or host");
        }
        String security = values.getOrDefault("security", "sandbox");
        if (!SECURITY_MODES.contains(security)) {
            throw new InstructionException("security \"" + security + "\" is not valid: expected sandbox or insecure");
        }
    }

    private static List<String> flagValues(RawInstruction.Line raw, String name) {
        String prefix = "--" + name + "=";
        return raw.flags().stream().filter(flag -> flag.startsWith(prefix))
                .map(flag -> flag.substring(prefix.length())).toList();
    }

    private static List<String> csvFields(String flag, String value) throws InstructionException {
        try {
            return CsvFields.split(value);
        } catch (CsvFields.InvalidCsvException e) {
            throw new InstructionException("failed to parse csv " + flag + "s in --" + flag + "=" + value + ": "
                    + e.getMessage());
        }
    }

    /**
     * What BuildKit checks of a mount while parsing (the rest waits for variable expansion at build time): the
     * value is CSV, and {@code from=} names a stage or image without variables.
     */
    private static void checkMount(String mount) throws InstructionException {
        for (String field : csvFields("mount", mount)) {
            int equals = field.indexOf('=');
            if (equals >= 0 && field.substring(0, equals).equalsIgnoreCase("from")) {
                String value = field.substring(equals + 1);
                int dollar = value.indexOf('$');
                if (dollar >= 0 && dollar != value.length() - 1) {
                    throw new InstructionException("'from' doesn't support variable expansion, define alias stage"
                            + " instead (in --mount=" + mount + ")");
                }
            }
        }
    }

    /** A device: a name (bare or {@code name=}), and {@code required} with an optional boolean. */
    private static void checkDevice(String device) throws InstructionException {
        String name = "";
        for (String field : csvFields("device", device)) {
            int equals = field.indexOf('=');
            String key = (equals < 0 ? field : field.substring(0, equals)).toLowerCase(Locale.ROOT);
            String value = equals < 0 ? "" : field.substring(equals + 1);
            if (equals < 0) {
                if (key.equals("required")) {
                    continue;
                }
                if (!name.isEmpty()) {
                    throw new InstructionException("invalid field '" + field + "' must be a key=value pair"
                            + " (in --device=" + device + ")");
                }
                name = field;
            } else if (key.equals("name")) {
                if (!name.isEmpty()) {
                    throw new InstructionException("device name already set to " + name + " (in --device=" + device
                            + ")");
                }
                name = value;
            } else if (key.equals("required")) {
                if (!GO_BOOLEANS.contains(value)) {
                    throw new InstructionException("invalid value for required: " + value + " (expected true or"
                            + " false)");
                }
            } else if (name.isEmpty()) {
                name = field;
            } else {
                throw new InstructionException("unexpected key '" + key + "' in '" + field + "' (expected name or"
                        + " required)");
            }
        }
    }

    private void healthcheck(RawInstruction.Line raw) throws InstructionException {
        List<String> args = raw.arguments().words();
        if (args.isEmpty()) {
            throw atLeastOne("HEALTHCHECK", "CMD command or NONE");
        }
        String type = args.get(0).toUpperCase(Locale.ROOT);
        if (type.equals("NONE")) {
            if (args.size() != 1) {
                throw new InstructionException("HEALTHCHECK NONE takes no arguments");
            }
            return;
        }
        Map<String, String> values = flags(raw, HEALTHCHECK_FLAGS);
        if (!type.equals("CMD")) {
            throw new InstructionException("Unknown type \"" + type + "\" in HEALTHCHECK (try CMD)");
        }
        if (args.size() == 1) {
            throw new InstructionException("Missing command after HEALTHCHECK CMD");
        }
        for (String option : List.of("interval", "timeout", "start-period", "start-interval")) {
            checkDuration(option, values.getOrDefault(option, ""));
        }
        String retries = values.getOrDefault("retries", "");
        if (!retries.isEmpty()) {
            if (!INTEGER.matcher(retries).matches()) {
                throw new InstructionException("--retries=" + retries + ": expected a whole number");
            }
            BigInteger count = new BigInteger(retries);
            if (count.bitLength() >= Integer.SIZE) {
                throw new InstructionException("--retries=" + retries + ": value out of range");
            }
            if (count.signum() < 0) {
                throw new InstructionException("--retries cannot be negative (" + retries + ")");
            }
        }
    }

    /** Go's time.ParseDuration, then BuildKit's rule: zero, or at least one millisecond. */
    private static void checkDuration(String option, String value) throws InstructionException {
        if (value.isEmpty()) {
            return;
        }
        String unsigned = value.startsWith("-") || value.startsWith("+") ? value.substring(1) : value;
        BigDecimal nanos = BigDecimal.ZERO;
        if (!unsigned.equals("0")) {
            Matcher part = DURATION_PART.matcher(unsigned);
            int position = 0;
            while (position < unsigned.length() && part.region(position, unsigned.length()).lookingAt()) {
                String number = part.group(1);
                if (number.isEmpty() || number.equals(".")) {
                    break;
                }
                nanos = nanos.add(new BigDecimal(number.endsWith(".") ? number + "0" : number.startsWith(".")
                        ? "0" + number : number).multiply(unitNanos(part.group(2))));
                position = part.end();
            }
            if (unsigned.isEmpty() || position != unsigned.length()) {
                throw new InstructionException("--" + option + "=" + value + ": invalid duration, expected a"
                        + " number with a unit such as 30s, 1m30s or 500ms");
            }
            if (nanos.compareTo(MAX_NANOS) > 0) {
                throw new InstructionException("--" + option + "=" + value + ": invalid duration, out of range");
            }
        }
        boolean negative = value.startsWith("-") && nanos.signum() > 0;
        if (negative || (nanos.signum() > 0 && nanos.compareTo(BigDecimal.valueOf(1_000_000)) < 0)) {
            throw new InstructionException("Interval \"" + option + "\" cannot be less than 1ms");
        }
    }

    private static BigDecimal unitNanos(String unit) {
        return switch (unit) {
            case "ns" -> BigDecimal.ONE;
            case "us", "\u00b5s", "\u03bcs" -> BigDecimal.valueOf(1_000L);
            case "ms" -> BigDecimal.valueOf(1_000_000L);
            case "s" -> BigDecimal.valueOf(1_000_000_000L);
            case "m" -> BigDecimal.valueOf(60_000_000_000L);
            default -> BigDecimal.valueOf(3_600_000_000_000L);
        };
    }

    /**
     * BuildKit's flag rules: only the instruction's flags, each once unless it repeats, string flags with a value,
     * boolean flags with none or true/false. Returns the last value of each flag.
     */
    private Map<String, String> flags(RawInstruction.Line raw, Map<String, FlagKind> allowed)
            throws InstructionException {
        Map<String, String> values = new LinkedHashMap<>();
        Set<String> used = new HashSet<>();
        String name = raw.keyword().toUpperCase(Locale.ROOT);
        for (String flag : raw.flags()) {
            if (flag.equals("--")) {
                break;
            }
            if (!flag.startsWith("--")) {
                throw new InstructionException("arg should start with -- : " + flag);
            }
            int equals = flag.indexOf('=');
            String flagName = equals < 0 ? flag : flag.substring(0, equals);
            String value = equals < 0 ? "" : flag.substring(equals + 1);
            String bare = flagName.substring(2);
            FlagKind kind = allowed.get(bare);
            if (kind == null) {
                throw new InstructionException("unknown flag: " + flagName + " for " + name + (allowed.isEmpty()
                        ? " (it takes no flags)" : " (expected one of --" + String.join(", --", allowed.keySet())
                        + ")"));
            }
            if (!used.add(bare) && kind != FlagKind.REPEATABLE) {
                throw new InstructionException("duplicate flag specified: " + flagName);
            }
            switch (kind) {
                case BOOLEAN -> {
                    if (equals >= 0 && value.isEmpty()) {
                        throw new InstructionException("missing a value on flag: " + flagName
                                + " (expected " + flagName + ", " + flagName + "=true or " + flagName + "=false)");
                    }
                    String lower = value.toLowerCase(Locale.ROOT);
                    if (!lower.isEmpty() && !lower.equals("true") && !lower.equals("false")) {
                        throw new InstructionException("expecting boolean value for flag " + flagName + ", not: "
                                + value);
                    }
                    values.put(bare, lower.isEmpty() ? "true" : lower);
                }
                default -> {
                    if (equals < 0) {
                        throw new InstructionException("missing a value on flag: " + flagName + " (expected "
                                + flagName + "=VALUE)");
                    }
                    values.put(bare, value);
                }
            }
        }
        return values;
    }
}
