package io.jenkins.plugins.optimizeddeploy.engine.bake;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * What buildx checks of a target before it builds it (and only then, so a target nobody builds may fail them):
 * context and dockerfile not from standard input, platforms it can parse. (Cache entries it checks as it reads the
 * file: {@link CacheEntry}.)
 */
public final class BuildableTargetCheck {
    private static final Pattern PLATFORM_COMPONENT = Pattern.compile("[A-Za-z0-9_-]+");
    /** A platform of one component is an operating system or an architecture that Go knows, or an alias of one. */
    private static final Set<String> KNOWN_OS_OR_ARCHITECTURE = Set.of("aix", "android", "darwin", "macos",
            "dragonfly", "freebsd", "hurd", "illumos", "ios", "js", "linux", "nacl", "netbsd", "openbsd", "plan9",
            "solaris", "windows", "zos", "386", "i386", "amd64", "x86_64", "x86-64", "amd64p32", "arm", "armhf", "armel",
            "armbe", "arm64", "aarch64", "arm64be", "ppc64", "ppc64le", "loong64", "mips", "mipsle", "mips64",
            "mips64le", "mips64p32", "mips64p32le", "ppc", "riscv", "riscv64", "s390", "s390x", "sparc", "sparc64",
            "wasm", "local");

    private BuildableTargetCheck() {
    }

    /** Throws a BakeFileException naming the target and the value buildx would refuse. */
    public static void check(String source, BakeTarget target) {
        String name = target.name();
        if (target.context().equals("-") || target.dockerfile().equals("-")) {
            throw new BakeFileException(source + ": target '" + name + "' reads its " + (target.context().equals("-")
                    ? "context" : "dockerfile") + " from standard input ('-'), which bake does not allow");
        }
        target.platforms().forEach(platform -> checkPlatform(source, name, platform));
    }

    /**
     * What buildx accepts as a platform: comma-separated {@code os[/arch[/variant]]} of letters, digits, '_' and '-',
     * a single component being a known operating system or architecture ({@code linux}, {@code arm64}...).
     */
    private static void checkPlatform(String source, String target, String platform) {
        for (String specifier : platform.split(",", -1)) {
            requireValidPlatform(specifier, problem -> new BakeFileException(source + ": target '" + target
                    + "' has platform '" + specifier + "', which " + problem));
        }
    }

    /** Throws what {@code failure} makes of the problem when {@code specifier} is no platform buildx accepts. */
    public static void requireValidPlatform(String specifier, Function<String, RuntimeException> failure) {
        String[] components = specifier.split("/", -1);
        boolean wellFormed = components.length <= 3 && Arrays.stream(components)
                .allMatch(component -> PLATFORM_COMPONENT.matcher(component).matches());
        if (!wellFormed || components.length == 1
                && !KNOWN_OS_OR_ARCHITECTURE.contains(components[0].toLowerCase(Locale.ROOT))) {
            throw failure.apply("is neither os/arch[/variant] nor a known operating system or architecture");
        }
    }

    /** One CSV record as Go's encoding/csv reads it: a quoted field may hold commas and "" for a quote. */
    static List<String> csvFields(String where, String record) {
        List<String> fields = new ArrayList<>();
        int position = 0;
        while (true) {
            StringBuilder field = new StringBuilder();
            if (position < record.length() && record.charAt(position) == '"') {
                position++;
                while (true) {
                    if (position >= record.length()) {
                        throw new BakeFileException(where + " has a quote that is not closed");
                    }
                    char c = record.charAt(position++);
                    if (c == '"' && position < record.length() && record.charAt(position) == '"') {
                        field.append('"');
                        position++;
                    } else if (c == '"') {
                        break;
                    } else {
                        field.append(c);
                    }
                }
                if (position < record.length() && record.charAt(position) != ',') {
                    throw new BakeFileException(where + " has text after a closing quote");
                }
            } else {
                int end = record.indexOf(',', position);
                field.append(record, position, end < 0 ? record.length() : end);
                position = end < 0 ? record.length() : end;
                if (field.indexOf("\"") >= 0) {
                    throw new BakeFileException(where + " has a quote inside a field that does not start with one");
                }
            }
            fields.add(field.toString());
            if (position >= record.length()) {
                return fields;
            }
            position++;
        }
    }
}
